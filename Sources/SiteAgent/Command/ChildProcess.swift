package import Foundation
#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An external process started in its own process group, so that it and everything it starts can be stopped
/// together (SIGTERM to the group, then SIGKILL after a grace period).
///
/// Standard input comes from a file (or `/dev/null`); standard output and error go to files the caller reads.
package struct ChildProcess: Sendable {
    /// How the process ended.
    package enum Termination: Sendable, Equatable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)

        /// "exited with status 3", "was stopped by signal 9".
        package var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "was stopped by signal \(signal)"
            }
        }
    }

    /// The process id, which is also its process group id.
    package let pid: pid_t

    /// Starts `arguments[0]` (an absolute path) in `directory` with exactly `environment`.
    package static func spawn(
        _ arguments: [String], environment: [String: String], directory: String, stdin: String?, stdout: String,
        stderr: String
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // posix_spawn_file_actions_addchdir_np is not visible from Swift here: a shell changes directory, then
        // execs the command in the same process.
        let command = ["/bin/sh", "-c", #"cd -- "$0" && exec "$@""#, directory] + arguments
        return try launch(command, environment: environment, actions: &actions, code: "agent_command_failed", name: arguments[0])
    }

    /// Starts `arguments[0]` (an absolute path) with `stdin`/`stdout` on the given descriptors and stderr appended
    /// to a file, in this process's directory, with exactly `environment`; no shell in between.
    package static func spawn(
        _ arguments: [String], environment: [String: String], stdinDescriptor: Int32, stdoutDescriptor: Int32, stderr: String
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutDescriptor, 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        return try launch(arguments, environment: environment, actions: &actions, code: "spawn_failed", name: arguments[0])
    }

    /// The part both spawns share: every other descriptor closed in the child, a new process group (id = the
    /// child's pid), default signal handling and an empty mask, exactly `environment`.
    private static func launch(
        _ command: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t, code: String, name: String
    ) throws -> ChildProcess {
        // The daemon's other descriptors (sockets, databases, files another job is writing) stay out of the child.
        // glibc ignores a close action for a descriptor closed in the meantime.
        for descriptor in openDescriptors() where descriptor > 2 {
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
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw AgentError(code: code, message: "Could not start \(name): \(String(cString: strerror(status))).")
        }
        return ChildProcess(pid: pid)
    }

    /// This process's open file descriptors, from /proc/self/fd (empty where there is no /proc).
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// Whether the process has exited, without reaping it (so its group id cannot be reused yet).
    package func hasExited() -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        return info._sifields._sigchld.si_pid == pid
    }

    /// Blocks this thread until the process exits, without reaping it (so its group id cannot be reused yet); run
    /// it off the cooperative pool. Returns at once when it has exited already.
    package func waitForExit() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
    }

    /// Kills whatever is left of the group, then reaps the process. Call once it has exited (or to stop it).
    package func reap() -> Termination {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// Sends `signal` to the whole process group.
    package func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
    }
}
