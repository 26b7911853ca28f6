import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program for the end-to-end tests with a deadline, without Foundation's `Process`.
///
/// Why not `Process`: on Linux it learns that a child ended when a socket the child inherited closes. A child that
/// forks a long-lived server (tmux's first `new-session` starts the tmux server) passes that socket on, and
/// `waitUntilExit()` then waits for the server, not the child: the whole test run hung in CI that way. Here the
/// child gets only its three standard descriptors, runs in its own process group, is reaped with `waitpid`, and
/// is killed (with its group) when the deadline passes, so a stuck command fails one test instead of the run.
enum Subprocess {
    struct Outcome {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// posix_spawn of `path arguments` with exactly `environment`; 0 or the error number, as posix_spawn returns.
    static func spawn(
        _ pid: inout pid_t, _ path: String, _ arguments: [String], environment: [String: String],
        actions: inout posix_spawn_file_actions_t, attributes: inout posix_spawnattr_t
    ) -> Int32 {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        return posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    }

    /// Starts a long-running program (a server) in its own process group with output to `log`; returns its pid.
    static func spawnBackground(_ path: String, _ arguments: [String], environment: [String: String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for descriptor in open where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        let spawned = Subprocess.spawn(&pid, path, arguments, environment: environment, actions: &actions, attributes: &attributes)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        return pid
    }

    /// Runs `path arguments` with exactly `environment`. With `capture` false, standard output and error go to
    /// /dev/null (for programs that leave a daemon behind holding them).
    static func run(
        _ path: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String],
        timeout: TimeInterval = 180, capture: Bool = true
    ) throws -> Outcome {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        for descriptor in input + output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, output[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        // Everything else the test process has open (other tests' sockets, Foundation's bookkeeping) stays out.
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for descriptor in open where descriptor > 2 && !input.contains(descriptor) && !output.contains(descriptor)
            && !errors.contains(descriptor) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let spawned = Subprocess.spawn(&pid, path, arguments, environment: environment, actions: &actions, attributes: &attributes)
        close(input[0]); close(output[1]); close(errors[1])
        guard spawned == 0 else {
            close(input[1]); close(output[0]); close(errors[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }

        // Standard input is small in these tests; a child that exits without reading it gets EPIPE, not a hang.
        signal(SIGPIPE, SIG_IGN)
        if let stdin {
            stdin.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(input[1], buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { if errno == EINTR { continue } else { break } }
                    offset += written
                }
            }
        }
        close(input[1])

        var out = Data(), err = Data()
        var descriptors = [output[0], errors[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var exitedAt: Date?
        var status: Int32 = 0
        var reaped = false
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if !reaped {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid { reaped = true; exitedAt = Date() }
            }
            if descriptors.isEmpty && reaped { break }
            // A grandchild may hold the pipes open after the child exited: stop reading two seconds later.
            if let exitedAt, Date().timeIntervalSince(exitedAt) > 2 { break }
            if Date() > deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                if !reaped { while waitpid(pid, &status, 0) == -1 && errno == EINTR {} }
                reaped = true
                break
            }
            var polls = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), 50)
            if ready <= 0 { continue }
            for entry in polls where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == output[0] { out.append(buffer, count: count) } else { err.append(buffer, count: count) }
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    descriptors.removeAll { $0 == entry.fd }
                }
            }
        }
        close(output[0]); close(errors[0])
        let signal = status & 0x7f
        let code: Int32 = timedOut ? 124 : signal == 0 ? (status >> 8) & 0xff : 128 + signal
        if timedOut {
            err.append(Data("\n[test harness] \(path) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s and was killed\n".utf8))
        }
        return Outcome(status: code, stdout: out, stderr: err, timedOut: timedOut)
    }
}
