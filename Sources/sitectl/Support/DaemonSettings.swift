import Foundation
import Logging
import SiteAgent
import SiteAPI
import SiteClient
import SiteCompiler
import SiteServer
import Yams
import NIOSSL

/// Turns `daemon start` options into a server configuration, and starts the daemon in the foreground or background.
struct DaemonSettings {
    var dataDirectory: URL
    var listen: ServerConfiguration.Listen
    /// `--listen https://…` was asked for: `--tls-cert` and `--tls-key` are needed.
    var wantsTLS = false
    var tls: ServerConfiguration.TLSFiles?
    /// Beside a TCP listener, the operator's unix socket (the default socket path).
    var operatorSocket: String?
    var serveHost: String
    var servePort: Int
    var workers: Int
    /// The operator's agent profiles: `--agent-config FILE`, else `agents.yaml` in the data dir, else embedded.
    var agents = AgentProfiles(single: AgentBackendConfiguration(kind: .embedded))
    /// Limits on each compile, which runs in a child process of this binary.
    var compileLimits = CompileLimits()
    /// Per-account quotas and the largest import.
    var quotas = QuotaSettings()
    var maxImportBytes = ServerConfiguration.defaultMaxImportBytes
    var serveCacheBytes = 256 << 20
    var serveThreads: Int?
    var serveTLS: (host: String, port: Int)?
    var acme: ACMESettings?
    var accessLogFormat = AccessLogFormat.combined
    var shutdownTimeoutSeconds = 20
    /// Seconds between scrubs of the blob store; nil: never.
    var scrubIntervalSeconds: Double? = 86400

    init(dataDir: String?, listen: String?, serve: String, workers: Int) throws {
        let env = ProcessInfo.processInfo.environment
        if let dataDir {
            dataDirectory = URL(fileURLWithPath: dataDir).standardizedFileURL
        } else {
            let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            dataDirectory = URL(fileURLWithPath: base).appendingPathComponent("sitectl")
        }
        switch try listen.map({ try Endpoint(parsing: $0) }) ?? .unix(path: Endpoint.defaultSocketPath()) {
        case .unix(let path):
            guard path.utf8.count < 108 else {
                throw ClientError("The socket path is longer than 107 bytes: \(path)", hint: "Use a shorter --listen unix:///tmp/… path",
                    exitCode: ClientError.Exit.usage)
            }
            self.listen = .unix(path: path)
        case .http(let base):
            wantsTLS = base.hasPrefix("https://")
            let hostPort = base.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            guard let (host, port) = Self.hostPort(hostPort) else {
                throw ClientError("--listen \(base) needs a port.", hint: wantsTLS ? "--listen https://0.0.0.0:7443" : "--listen tcp://127.0.0.1:7070",
                    exitCode: ClientError.Exit.usage)
            }
            self.listen = .tcp(host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port)
            operatorSocket = Endpoint.defaultSocketPath()
        case .ssh:
            throw ClientError("The daemon cannot listen on an ssh:// address.",
                hint: "It listens on a unix socket (reached over ssh with daemon dial-stdio) or https://ADDR:PORT", exitCode: ClientError.Exit.usage)
        }
        guard let (host, port) = Self.hostPort(serve) else {
            throw ClientError("--serve must be HOST:PORT, not '\(serve)'.", hint: "--serve 127.0.0.1:8080", exitCode: ClientError.Exit.usage)
        }
        serveHost = host
        servePort = port
        guard (1...64).contains(workers) else {
            throw ClientError("--workers must be between 1 and 64.", exitCode: ClientError.Exit.usage)
        }
        self.workers = workers
    }

    /// TLS and the plain-TCP rule: `--listen https://` needs `--tls-cert` and `--tls-key` (checked now, so a bad
    /// file is said before the daemon starts); a plain `tcp://` listener off loopback needs `--insecure-listen`.
    mutating func applyTLS(certificate: String?, key: String?, insecureListen: Bool) throws {
        if wantsTLS {
            guard let certificate, let key else {
                throw ClientError("--listen https://… needs --tls-cert and --tls-key.",
                    hint: "sitectl daemon start --listen https://0.0.0.0:7443 --tls-cert server.pem --tls-key server.key",
                    exitCode: ClientError.Exit.usage)
            }
            let files = ServerConfiguration.TLSFiles(
                certificateChain: URL(fileURLWithPath: certificate).standardizedFileURL.path,
                privateKey: URL(fileURLWithPath: key).standardizedFileURL.path)
            do {
                _ = try DaemonComponents.tlsConfiguration(files)
            } catch let error as ServerStartError {
                throw ClientError(error.message, hint: error.hint, exitCode: ClientError.Exit.usage)
            }
            if let leaf = try? NIOSSLCertificate.fromPEMFile(files.certificateChain).first {
                let expires = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter))
                if expires < Date() {
                    Terminal.err("Warning: the certificate \(files.certificateChain) expired at \(APIJSON.formatDate(expires)); clients will refuse it.")
                } else if expires.timeIntervalSinceNow < 14 * 86400 {
                    Terminal.err("Warning: the certificate \(files.certificateChain) expires at \(APIJSON.formatDate(expires)); renew it soon.")
                }
            }
            var info = stat()
            if stat(files.privateKey, &info) == 0, info.st_mode & 0o077 != 0 {
                Terminal.err("Warning: \(files.privateKey) is readable by other users; chmod 600 \(files.privateKey)")
            }
            tls = files
            return
        }
        if certificate != nil || key != nil {
            throw ClientError("--tls-cert and --tls-key are for --listen https://ADDR:PORT.",
                hint: "sitectl daemon start --listen https://0.0.0.0:7443 --tls-cert server.pem --tls-key server.key",
                exitCode: ClientError.Exit.usage)
        }
        if case .tcp(let host, let port) = listen, !["127.0.0.1", "localhost", "::1"].contains(host) {
            guard insecureListen else {
                throw ClientError(
                    "Refusing to listen on tcp://\(host):\(port) without TLS: passwords and tokens would cross the network unencrypted.",
                    hint: "Use --listen https://\(host):\(port) --tls-cert F --tls-key F, or reach the daemon over ssh://; --insecure-listen if you must",
                    exitCode: ClientError.Exit.usage)
            }
            Terminal.err("Warning: the API listens on tcp://\(host):\(port) without TLS (--insecure-listen): passwords and tokens cross the network unencrypted.")
        }
    }

    /// Reads the operator's agent profiles (YAML, so JSON too), refusing unknown kinds with a hint.
    static func loadAgentProfiles(_ path: String) throws -> AgentProfiles {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ClientError("Cannot read \(path).", exitCode: ClientError.Exit.usage)
        }
        do {
            return try AgentProfiles.parse(text)
        } catch let error as AgentError {
            throw ClientError("\(path): \(error.message)", hint: error.hint, exitCode: ClientError.Exit.usage)
        }
    }

    /// The operator's file in the data dir, read when `--agent-config` is not given.
    var defaultAgentConfigPath: String { dataDirectory.appendingPathComponent("agents.yaml").path }

    static func hostPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        let host = String(text[..<colon])
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    var logFile: URL { dataDirectory.appendingPathComponent("logs/daemon.log") }

    func runForeground(pauseBeforeStore: Double, pauseAfterStore: Double = 0, browserChecks: Bool = true) async throws {
        // Everything the daemon creates (database, logs, blobs, scratch trees) is its user's alone.
        umask(0o077)
        guard let themes = ThemeLibrary.locateBuiltin() else {
            throw ClientError("Cannot find the built-in themes.", hint: "Set SITECTL_THEMES_DIR to the themes/ folder.")
        }
        try FileManager.default.createDirectory(
            at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let sink = try JSONLogSink(file: logFile)
        // Every logger in the process (serving, workers, checks) writes to the daemon's log, which
        // `sitectl daemon logs` reads; none goes to the stderr file that only start-up failures should use.
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label, sink: sink)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "sitectl.daemon")
        var configuration = ServerConfiguration(
            dataDirectory: dataDirectory, listen: listen, serveHost: serveHost, servePort: servePort, themesDirectories: [themes])
        configuration.workers = workers
        configuration.apiTLS = tls
        configuration.operatorSocket = operatorSocket
        configuration.agents = agents
        configuration.compileLimits = compileLimits
        configuration.quotas = quotas
        configuration.maxImportBytes = maxImportBytes
        configuration.serveCacheBytes = serveCacheBytes
        configuration.serveThreads = serveThreads
        configuration.serveTLS = serveTLS
        configuration.acme = acme
        configuration.accessLogFormat = accessLogFormat
        configuration.shutdownTimeout = .seconds(shutdownTimeoutSeconds)
        configuration.scrubInterval = scrubIntervalSeconds.map { .milliseconds(Int($0 * 1000)) }
        configuration.compileIsolation = .childProcess(
            executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
        do {
            _ = try AgentSelector(profiles: agents, themes: ThemeLibrary(directories: [themes]))
        } catch let error as AgentError {
            throw ClientError(error.message, hint: error.hint, exitCode: ClientError.Exit.usage)
        }
        configuration.debugPauseBeforeStore = .milliseconds(Int(pauseBeforeStore * 1000))
        configuration.debugPauseAfterStore = .milliseconds(Int(pauseAfterStore * 1000))
        configuration.browserChecks.enabled = browserChecks
        let components: DaemonComponents
        do {
            components = try DaemonComponents(configuration: configuration)
        } catch let held as DataDirectoryLock.Held {
            throw Self.refusal(held)
        } catch let problem as DataDirectoryProblem {
            throw ClientError(problem.message, hint: problem.hint, exitCode: ClientError.Exit.failure)
        }
        for socket in [operatorSocket, { if case .unix(let path) = listen { path } else { nil } }()].compactMap({ $0 })
        where UnixSocket.isListening(socket) {
            throw ClientError("Another daemon already listens on unix://\(socket).",
                hint: "Stop it first (sitectl daemon stop), or give this one its own socket (XDG_RUNTIME_DIR, or --listen unix:///path).",
                exitCode: ClientError.Exit.failure)
        }
        logger.info("daemon starting", metadata: ["listen": .string(listen.description), "serve": .string("\(serveHost):\(servePort)"), "pid": .stringConvertible(getpid())])
        try await Daemon.run(components: components, logger: logger)
        if components.runtime.restartRequested {
            // `sitectl daemon restart`: the same program with the same arguments, in this process (same pid, so a
            // service manager sees no exit). Descriptors are close-on-exec; the data dir lock is taken again.
            logger.info("daemon restarting")
            let argv = CommandLine.arguments.map { strdup($0) } + [nil]
            execv("/proc/self/exe", argv)
            throw ClientError("Cannot restart: \(String(cString: strerror(errno))).", hint: "sitectl daemon start --wait")
        }
    }

    /// Starts `sitectl daemon start --foreground …` detached (new session), then optionally waits for readiness.
    func startBackground(arguments: [String], wait: Bool, timeout: Double, quiet: Bool) async throws {
        let client = try APIClient(
            endpoint: endpoint, contextName: "local",
            credentials: CredentialStore(directory: ConfigDirectory()))
        if (try? await client.isReady()) == true {
            if let status = try? await client.status(), !quiet {
                Terminal.err("The daemon is already running (pid \(status.pid), \(status.apiAddress)).")
            }
            return
        }
        do {
            try DataDirectoryLock.checkFree(dataDirectory: dataDirectory)
        } catch let held as DataDirectoryLock.Held {
            throw Self.refusal(held)
        }
        try FileManager.default.createDirectory(
            at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var childArguments = Array(arguments.dropFirst()).filter { $0 != "--wait" }
        childArguments.append("--foreground")
        let stderrPath = dataDirectory.appendingPathComponent("logs/daemon.stderr").path
        let pid = try Spawn.detached(executable: executable, arguments: childArguments, outputPath: stderrPath)
        if wait {
            try await Self.waitUntilReady(client: client, timeout: timeout, pid: pid, logFile: stderrPath)
            let status = try await client.status()
            if !quiet {
                Terminal.err("Daemon ready (pid \(status.pid)): API \(status.apiAddress), sites on http://\(status.serveAddress)" + (status.serveTlsAddress.map { " and https://\($0)" } ?? ""))
            }
        } else if !quiet {
            Terminal.err("Daemon starting (pid \(pid)). Check with: sitectl daemon status --wait")
        }
    }

    /// A second daemon on a data dir in use: refused before it changes anything.
    static func refusal(_ held: DataDirectoryLock.Held) -> ClientError {
        ClientError(
            held.description, hint: "Stop that daemon first (sitectl daemon stop), or give this one its own --data-dir.",
            exitCode: ClientError.Exit.failure)
    }

    /// Where this machine's commands reach the daemon: its unix socket (the operator's socket beside a TCP listener).
    var endpoint: Endpoint {
        switch listen {
        case .unix(let path): .unix(path: path)
        case .tcp(let host, let port): operatorSocket.map { .unix(path: $0) } ?? .http(baseURL: "http://\(host):\(port)")
        }
    }

    static func waitUntilReady(client: APIClient, timeout: Double, pid: pid_t?, logFile: String?) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? await client.isReady()) == true { return }
            if let pid, kill(pid, 0) != 0 {
                var detail = ""
                if let logFile, let text = try? String(contentsOfFile: logFile, encoding: .utf8) {
                    detail = text.split(separator: "\n").suffix(5).joined(separator: "\n")
                }
                throw ClientError("The daemon exited during start-up." + (detail.isEmpty ? "" : "\n" + detail),
                    hint: logFile.map { "cat \($0)" })
            }
            var status: Int32 = 0
            if let pid { _ = waitpid(pid, &status, WNOHANG) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ClientError("The daemon was not ready within \(Int(timeout))s.", hint: "sitectl daemon status", exitCode: ClientError.Exit.timeout)
    }
}
