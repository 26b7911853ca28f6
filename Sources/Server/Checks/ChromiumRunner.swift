import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finding and starting Chromium: in its own process group (so a hang is killed with every helper it forked),
/// with no descriptor of the daemon's but the ones given.
enum ChromiumRunner {
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

    /// Starts `arguments[0]` in a new process group (id = its pid), stdin and stdout on /dev/null, stderr to a file.
    /// `descriptors` maps a child descriptor number to a parent descriptor (the DevTools pipe); `environment`
    /// replaces the daemon's environment when given.
    static func spawn(_ arguments: [String], stderr: String, descriptors: [Int32: Int32] = [:], environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for (child, parent) in descriptors { posix_spawn_file_actions_adddup2(&actions, parent, child) }
        // The daemon's sockets and database stay out of the browser.
        for descriptor in ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap({ Int32($0) })
        where descriptor > 2 && descriptors[descriptor] == nil {
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
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw BrowserCheckError("could not start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }
}
