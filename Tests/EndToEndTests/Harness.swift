import Foundation
import Testing

/// Runs the real `sitectl` binary the way a person or a script would: separate processes, a private data dir,
/// socket and config dir per test.
struct Harness {
    let work: URL
    let port: Int
    /// A second free port, for tests that put the API on TCP.
    let apiPort: Int
    var environment: [String: String]

    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }

    /// The debug binary `swift build` produced beside the test bundle.
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        for candidate in [bundle.deletingLastPathComponent().appendingPathComponent("sitectl"),
                          bundle.appendingPathComponent("sitectl"),
                          repositoryRoot.appendingPathComponent(".build/debug/sitectl")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return repositoryRoot.appendingPathComponent(".build/debug/sitectl")
    }

    /// A free TCP port on loopback (bound and released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    init() throws {
        work = URL(fileURLWithPath: "/tmp").appendingPathComponent("sitectl-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("run"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        port = Self.freePort()
        apiPort = Self.freePort()
        var env = ProcessInfo.processInfo.environment
        env["XDG_RUNTIME_DIR"] = work.appendingPathComponent("run").path
        env["SITECTL_CONFIG_DIR"] = work.appendingPathComponent("config").path
        env["SITECTL_THEMES_DIR"] = Self.repositoryRoot.appendingPathComponent("themes").path
        env["CI"] = "true"
        env.removeValue(forKey: "SITECTL_HOST")
        env.removeValue(forKey: "SITECTL_CONTEXT")
        environment = env
    }

    var dataDir: String { work.appendingPathComponent("data").path }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `sitectl ARGS` with optional stdin and waits for it.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        try Self.exec(Self.binary.path, arguments, stdin: stdin, environment: environment.merging(extra) { $1 })
    }

    static func exec(_ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String],
                     timeout: TimeInterval = 180) throws -> Result {
        let outcome = try Subprocess.run(path, arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment,
                                         timeout: timeout)
        return Result(status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self),
                      stderr: String(decoding: outcome.stderr, as: UTF8.self))
    }

    /// Fetches a page from the daemon's serving port with a Host header.
    func get(_ host: String, _ path: String = "/") throws -> Result {
        try Self.exec("/usr/bin/curl", ["-sS", "-o", "-", "-w", "\n%{http_code}", "-H", "Host: \(host)", "http://127.0.0.1:\(port)\(path)"],
            environment: environment)
    }

    func startDaemon(extra: [String] = []) throws {
        // Chromium checks cost seconds per job; only the tests about them (and the acceptance script) turn them on.
        let browser = extra.contains("--browser-checks") ? [] : ["--no-browser-checks"]
        let result = try run(["daemon", "start", "--data-dir", dataDir, "--serve", "127.0.0.1:\(port)", "--wait"] + browser + extra)
        #expect(result.status == 0, "daemon start: \(result.stderr)")
    }

    func stopDaemon() {
        _ = try? run(["daemon", "stop"])
    }

    func login(_ email: String, password: String = "correct horse battery") throws {
        let registered = try run(["register", "--email", email, "--password-stdin"], stdin: password + "\n")
        #expect(registered.status == 0, "register: \(registered.stderr)")
        let loggedIn = try run(["login", "--email", email, "--password-stdin"], stdin: password + "\n")
        #expect(loggedIn.status == 0, "login: \(loggedIn.stderr)")
    }

    /// Polls `condition` until it holds or the deadline passes.
    static func eventually(timeout: TimeInterval = 30, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(100_000)
        }
        return false
    }

    func cleanUp() {
        stopDaemon()
        // A daemon on a TCP or other socket does not hear `daemon stop` above: the data dir's lock file names it.
        if let lock = try? String(contentsOfFile: dataDir + "/daemon.lock", encoding: .utf8),
            let line = lock.split(separator: "\n").first(where: { $0.hasPrefix("pid=") }), let pid = pid_t(line.dropFirst(4)),
            let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), command.contains(dataDir)
        {
            kill(pid, SIGKILL)
        }
        try? FileManager.default.removeItem(at: work)
    }
}

extension Tag {
    @Tag static var endToEnd: Self
}
