import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one headless Chromium process with a deadline, in its own process group so a hang can be killed entirely.
struct ChromiumRunner: Sendable {
    /// The Chromium executable.
    let executable: String
    /// How long one run may take before its process group is killed.
    let timeout: Duration

    /// What one run produced.
    struct Run: Sendable {
        var exitCode: Int32
        var timedOut: Bool
        var stderr: String
        var succeeded: Bool { !timedOut && exitCode == 0 }
    }

    /// Finds Chromium: `override` when given (nil result if it is not executable), else the first of the usual names on PATH.
    static func locate(override: String?) -> String? {
        if let override { return FileManager.default.isExecutableFile(atPath: override) ? override : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Loads `url`; with `screenshot`, writes a 1280×800 PNG there, otherwise dumps the DOM (to nowhere) after load.
    func load(_ url: String, screenshot: URL? = nil) async throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errorURL = scratch.appendingPathComponent("stderr.log")
        var arguments = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-logging=stderr",
            "--v=0", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--hide-scrollbars", "--window-size=1280,800",
        ]
        arguments.append(screenshot.map { "--screenshot=\($0.path)" } ?? "--dump-dom")
        arguments.append(url)
        let pid = try Self.spawn(arguments, stderr: errorURL.path)
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        while !Self.hasExited(pid) {
            if ContinuousClock.now >= deadline || Task.isCancelled {
                timedOut = true
                break
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        // Always kill the whole group: Chromium can leave helpers (zygote, renderer, GPU) behind even after a clean exit.
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self)
        return Run(exitCode: timedOut ? -1 : exitCode, timedOut: timedOut, stderr: text)
    }

    /// Starts `arguments[0]` in a new process group (id = its pid), stdin and stdout on /dev/null, stderr to a file.
    private static func spawn(_ arguments: [String], stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The daemon's sockets and database stay out of the browser.
        for descriptor in ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap({ Int32($0) })
        where descriptor > 2 {
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
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw BrowserCheckError("could not start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Whether the process has exited, without reaping it (so its group id cannot be reused yet).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        return info._sifields._sigchld.si_pid == pid
    }

    /// Console messages that are errors: uncaught exceptions and `console.error` (tagged by ``CheckServer``'s shim).
    static func consoleErrors(in stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(":CONSOLE"), let open = line.range(of: "] \"") else { return nil }
            var message = String(line[open.upperBound...])
            if let end = message.range(of: "\", source: ", options: .backwards) { message = String(message[..<end.lowerBound]) }
            if message.hasPrefix(CheckServer.consoleErrorTag) { return String(message.dropFirst(CheckServer.consoleErrorTag.count)) }
            return message.hasPrefix("Uncaught") ? message : nil
        }
    }
}
