import ArgumentParser
import Foundation
import Logging
import SiteAPI
import SiteClient
import SiteCompiler
import SiteServer

struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon", abstract: "Start, stop and inspect the sitectl daemon.",
        subcommands: [Start.self, Stop.self, Restart.self, Status.self, Logs.self, DialStdio.self, CompileChild.self])

    struct Restart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restart the daemon with the settings it was started with (running jobs finish or are requeued).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Seconds to wait for it to be ready again.")
        var timeout: Double = 60

        func run() async throws {
            guard timeout.isFinite, (1...3600).contains(timeout) else {
                throw ClientError("--timeout must be between 1 and 3600 seconds.", exitCode: ClientError.Exit.usage)
            }
            let client = try global.client()
            let before: DaemonStatus
            do {
                before = try await client.status()
            } catch let error as ClientError where error.exitCode == ClientError.Exit.unreachable {
                guard case .unix = client.endpoint else { throw error }
                throw ClientError("The daemon is not running (\(client.endpoint)).", hint: "sitectl daemon start --wait", exitCode: error.exitCode)
            }
            _ = try await client.restartDaemon()
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                if let now = try? await client.status(), now.startedAt > before.startedAt, (try? await client.isReady()) == true {
                    if !global.quiet { Terminal.err("Daemon restarted (pid \(now.pid), version \(now.version)).") }
                    return
                }
            }
            throw ClientError("The daemon did not come back within \(Int(timeout))s.", hint: "sitectl daemon logs; sitectl daemon start --wait",
                exitCode: ClientError.Exit.timeout)
        }
    }

    /// `sitectl daemon dial-stdio`: run by ssh on the daemon's machine for an ssh:// context (docker's model).
    struct DialStdio: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dial-stdio",
            abstract: "Connect stdin and stdout to the daemon's socket (used over ssh by ssh:// contexts).",
            shouldDisplay: false)

        @Option(help: "The daemon's socket (default: this user's default socket).")
        var socket: String?

        @Option(help: "What to connect to: api (the daemon's socket) or preview (its site server, for versions preview).")
        var target = "api"

        func run() async throws {
            var path = socket ?? Endpoint.defaultSocketPath()
            if path.hasPrefix("unix://") { path = String(path.dropFirst("unix://".count)) }
            switch target {
            case "api":
                try StdioBridge.run(socketPath: path)
            case "preview":
                // The site server's address comes from the daemon itself.
                let client = try APIClient(endpoint: .unix(path: path), contextName: "local", credentials: CredentialStore(directory: ConfigDirectory()))
                let serve = try await client.status().serveAddress
                guard let colon = serve.lastIndex(of: ":"), let port = Int(serve[serve.index(after: colon)...]) else {
                    throw ClientError("The daemon reports no site server address ('\(serve)').", exitCode: ClientError.Exit.unreachable)
                }
                var host = String(serve[..<colon])
                if ["0.0.0.0", "", "::", "[::]", "localhost"].contains(host) { host = "127.0.0.1" }
                try StdioBridge.run(host: host, port: port)
            default:
                throw ClientError("--target must be api or preview.", exitCode: ClientError.Exit.usage)
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the daemon (in the background unless --foreground).",
            discussion: "Listens on a unix socket (mode 0600) by default and serves sites on 127.0.0.1:8080.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Run in this process instead of in the background; stop with Ctrl-C or SIGTERM.")
        var foreground = false

        @Option(help: "Data folder (database, blobs, logs). Default: $XDG_DATA_HOME/sitectl.")
        var dataDir: String?

        @Option(help: "API address: unix:///path/sitectl.sock (default), https://ADDR:PORT (with --tls-cert and --tls-key) or tcp://127.0.0.1:PORT. Beside a TCP listener the daemon keeps its unix socket for the operator.")
        var listen: String?

        @Option(help: "PEM certificate chain (leaf first) for --listen https://….")
        var tlsCert: String?

        @Option(help: "PEM private key for --listen https://….")
        var tlsKey: String?

        @Flag(help: "Allow --listen tcp:// on an address other than loopback, without TLS (tokens cross the network unencrypted).")
        var insecureListen = false

        @Option(help: "Address where sites are served (HOST:PORT).")
        var serve = "127.0.0.1:8080"

        @Option(help: "MB of file bodies the site server keeps in memory (least recently used out first).")
        var serveCacheMb = 256

        @Option(help: "Threads (event loops) of the site server (default: the CPUs the daemon may run on).")
        var serveThreads: Int?

        @Option(help: "Also serve sites over HTTPS (and HTTP/2) at HOST:PORT, with the certificates in DATA/tls and from ACME; plain HTTP then redirects every host that has one.")
        var serveTls: String?

        @Option(help: "ACME directory URL that issues certificates for custom domains over HTTP-01 (needs --serve-tls, and --serve on port 80 as the CA sees it).")
        var acmeDirectory: String?

        @Option(help: "Contact e-mail for the ACME account.")
        var acmeEmail: String?

        @Option(help: "PEM file of extra roots to trust for the ACME server's own HTTPS (a private or test CA).")
        var acmeCaCert: String?

        @Option(help: "Renew ACME certificates this many days before they expire (or at a third of their lifetime left, if sooner).")
        var acmeRenewDays = 30

        @Option(help: .hidden)
        var acmeCheckSeconds = 3600

        @Option(help: "Site server access logs in DATA/logs/access/SITE.log: combined, json or off (rotated at 64 MB, 5 kept).")
        var accessLog = "combined"

        @Option(help: "Number of workers running jobs.")
        var workers = 2

        @Flag(help: "Return once the daemon is ready.")
        var wait = false

        @Option(help: "How long --wait waits, in seconds.")
        var timeout: Double = 60

        @Option(help: "The operator's agent profiles (YAML or JSON; default: agents.yaml in the data dir; see docs/agents.md).")
        var agentConfig: String?

        @Option(help: "CPU seconds one compile may use before it is stopped.")
        var compileCpuSeconds = CompileLimits().cpuSeconds

        @Option(help: "Memory (address space, MB) one compile may use.")
        var compileMemoryMb = CompileLimits().memoryBytes >> 20

        @Option(help: "Sites one account may own (0: no limit).")
        var quotaSites = QuotaSettings().sitesPerAccount

        @Option(help: "Versions one site may keep (0: no limit).")
        var quotaVersions = QuotaSettings().versionsPerSite

        @Option(help: "MB of built output over one account's versions (0: no limit).")
        var quotaMb = Int(QuotaSettings().bytesPerAccount >> 20)

        @Option(help: "Build requests one account may make per hour (0: no limit).")
        var quotaRequestsPerHour = QuotaSettings().requestsPerHour

        @Option(help: "Largest site import (sites create --from), in MB.")
        var maxImportMb = ServerConfiguration.defaultMaxImportBytes >> 20

        @Option(help: "Seconds a graceful stop waits for running jobs before cancelling them (they are requeued); a second SIGTERM cancels at once.")
        var shutdownTimeout = 20

        @Option(help: "How often to verify every stored blob and log damage (30m, 6h, 1d; 0: never). See sitectl doctor.")
        var scrubInterval = "1d"

        @Option(help: .hidden)
        var debugPauseBeforeStore: Double = 0

        @Option(help: .hidden)
        var debugPauseAfterStore: Double = 0

        @Flag(inversion: .prefixedNo, help: "Load changed pages in headless Chromium before storing a version (skipped when Chromium is not installed).")
        var browserChecks = true

        func run() async throws {
            guard timeout.isFinite, (0...3600).contains(timeout) else {
                throw ClientError("--timeout must be between 0 and 3600 seconds.", exitCode: ClientError.Exit.usage)
            }
            if global.context != nil || global.host != nil {
                throw ClientError("daemon start starts a daemon on this machine; --context and --host do not apply.",
                    hint: "Start it on the server (ssh HOST sitectl daemon start --wait, or its systemd unit: packaging/sitectl.service)",
                    exitCode: ClientError.Exit.usage)
            }
            for variable in ["SITECTL_HOST", "SITECTL_CONTEXT"] {
                if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty, !global.quiet {
                    Terminal.err("Note: \(variable)=\(value) is set; daemon start ignores it and starts a daemon on this machine.")
                }
            }
            var settings = try DaemonSettings(dataDir: dataDir, listen: listen, serve: serve, workers: workers)
            try settings.applyTLS(certificate: tlsCert, key: tlsKey, insecureListen: insecureListen)
            guard compileCpuSeconds >= 1, compileMemoryMb >= 256 else {
                throw ClientError(
                    "--compile-cpu-seconds must be at least 1 and --compile-memory-mb at least 256.",
                    hint: "sitectl daemon start --compile-cpu-seconds 60 --compile-memory-mb 4096", exitCode: ClientError.Exit.usage)
            }
            guard [quotaSites, quotaVersions, quotaMb, quotaRequestsPerHour].allSatisfy({ $0 >= 0 }), (1...4096).contains(maxImportMb) else {
                throw ClientError(
                    "Quotas must be 0 (no limit) or more, and --max-import-mb between 1 and 4096.", exitCode: ClientError.Exit.usage)
            }
            settings.quotas.sitesPerAccount = quotaSites
            settings.quotas.versionsPerSite = quotaVersions
            settings.quotas.bytesPerAccount = Int64(quotaMb) << 20
            settings.quotas.requestsPerHour = quotaRequestsPerHour
            settings.maxImportBytes = maxImportMb << 20
            guard (0...65536).contains(serveCacheMb) else {
                throw ClientError("--serve-cache-mb must be between 0 (no cache) and 65536.",
                    hint: "sitectl daemon start --serve-cache-mb 256", exitCode: ClientError.Exit.usage)
            }
            settings.serveCacheBytes = serveCacheMb << 20
            if let serveThreads, !(1...256).contains(serveThreads) {
                throw ClientError("--serve-threads must be between 1 and 256.", hint: "sitectl daemon start --serve-threads 2", exitCode: ClientError.Exit.usage)
            }
            settings.serveThreads = serveThreads
            if let serveTls {
                guard let (host, port) = DaemonSettings.hostPort(serveTls) else {
                    throw ClientError("--serve-tls must be HOST:PORT, not '\(serveTls)'.", hint: "sitectl daemon start --serve-tls 0.0.0.0:443",
                        exitCode: ClientError.Exit.usage)
                }
                if host == settings.serveHost, port == settings.servePort, port != 0 {
                    throw ClientError("--serve-tls and --serve name the same address (\(host):\(port)).",
                        hint: "sitectl daemon start --serve 0.0.0.0:80 --serve-tls 0.0.0.0:443", exitCode: ClientError.Exit.usage)
                }
                settings.serveTLS = (host, port)
            }
            if let acmeDirectory {
                guard settings.serveTLS != nil else {
                    throw ClientError("--acme-directory needs --serve-tls: certificates are for the HTTPS listener.",
                        hint: "sitectl daemon start --serve 0.0.0.0:80 --serve-tls 0.0.0.0:443 --acme-directory https://acme-v02.api.letsencrypt.org/directory",
                        exitCode: ClientError.Exit.usage)
                }
                guard let url = URL(string: acmeDirectory), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                    throw ClientError("--acme-directory must be an http(s) URL, not '\(acmeDirectory)'.",
                        hint: "--acme-directory https://acme-v02.api.letsencrypt.org/directory", exitCode: ClientError.Exit.usage)
                }
                if let acmeEmail, !acmeEmail.contains("@") || acmeEmail.contains(" ") {
                    throw ClientError("--acme-email must be an e-mail address, not '\(acmeEmail)'.", exitCode: ClientError.Exit.usage)
                }
                if let acmeCaCert, let problem = ACMESettings.problem(withTrustRoots: acmeCaCert) {
                    throw ClientError("--acme-ca-cert \(acmeCaCert) \(problem).", hint: "Give a PEM file of CA certificates (-----BEGIN CERTIFICATE-----).",
                        exitCode: ClientError.Exit.usage)
                }
                guard (1...365).contains(acmeRenewDays), (1...86400).contains(acmeCheckSeconds) else {
                    throw ClientError("--acme-renew-days must be between 1 and 365.", exitCode: ClientError.Exit.usage)
                }
                var acme = ACMESettings(
                    directoryURL: acmeDirectory, email: acmeEmail,
                    trustRoots: acmeCaCert.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
                acme.renewBefore = Double(acmeRenewDays) * 86400
                acme.checkInterval = .seconds(acmeCheckSeconds)
                settings.acme = acme
            } else if acmeEmail != nil || acmeCaCert != nil {
                throw ClientError("--acme-email and --acme-ca-cert go with --acme-directory.", exitCode: ClientError.Exit.usage)
            }
            guard let format = AccessLogFormat(rawValue: accessLog) else {
                throw ClientError("--access-log must be combined, json or off, not '\(accessLog)'.",
                    hint: "sitectl daemon start --access-log json", exitCode: ClientError.Exit.usage)
            }
            settings.accessLogFormat = format
            guard (1...3600).contains(shutdownTimeout) else {
                throw ClientError("--shutdown-timeout must be between 1 and 3600 seconds.", exitCode: ClientError.Exit.usage)
            }
            settings.shutdownTimeoutSeconds = shutdownTimeout
            guard let scrub = DurationText.seconds(scrubInterval), scrub == 0 || (1...366 * 86400).contains(scrub) else {
                throw ClientError("--scrub-interval must be a duration from 1s to 366d, such as 30m, 6h or 1d (0: never), not '\(scrubInterval)'.",
                    hint: "sitectl daemon start --scrub-interval 6h", exitCode: ClientError.Exit.usage)
            }
            settings.scrubIntervalSeconds = scrub == 0 ? nil : scrub
            settings.compileLimits.cpuSeconds = compileCpuSeconds
            settings.compileLimits.memoryBytes = compileMemoryMb << 20
            if let agentConfig {
                settings.agents = try DaemonSettings.loadAgentProfiles(agentConfig)
            } else if FileManager.default.fileExists(atPath: settings.defaultAgentConfigPath) {
                settings.agents = try DaemonSettings.loadAgentProfiles(settings.defaultAgentConfigPath)
            }
            if foreground {
                try await settings.runForeground(
                    pauseBeforeStore: debugPauseBeforeStore, pauseAfterStore: debugPauseAfterStore, browserChecks: browserChecks)
                return
            }
            try await settings.startBackground(
                arguments: CommandLine.arguments, wait: wait, timeout: timeout, quiet: global.quiet)
        }
    }

    /// Runs one compile for the daemon in this process, under the limits it was given (see CompileIsolation).
    struct CompileChild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile-child", abstract: "Compile one site for the daemon (internal).", shouldDisplay: false)
        @Option var now: Double?
        @Option var cpuSeconds: Int
        @Option var memoryBytes: Int
        @Option var themes: [String] = []
        @Flag(help: .hidden) var serve = false
        @Argument var input: String?
        @Argument var output: String?

        func run() throws {
            if serve { return try serveCompiles() }
            guard let now, let input, let output else {
                throw ClientError("compile-child needs --now, an input and an output (or --serve).", exitCode: ClientError.Exit.usage)
            }
            // Soft CPU limit sends SIGXCPU; the hard limit a second later is SIGKILL.
            var cpu = rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 1))
            var memory = rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
            guard setrlimit(RLIMIT_CPU_CONSTANT, &cpu) == 0, setrlimit(RLIMIT_AS_CONSTANT, &memory) == 0 else {
                throw ClientError("Cannot set the compile's resource limits: \(String(cString: strerror(errno))).")
            }
            // Below serving and the API in the scheduler's eyes.
            _ = setpriority(PRIO_PROCESS_CONSTANT, 0, 10)
            try CompileChildResult.runChild(
                input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
                themes: themes.map { URL(fileURLWithPath: $0) }, now: Date(timeIntervalSince1970: now))
        }

        /// A warm child: compiles one site per line on stdin (`NOW\tINPUT\tOUTPUT`), answers `ok` (the result is in
        /// OUTPUT, compile errors included) or `fail REASON`; exits when stdin closes. Each compile gets
        /// `--cpu-seconds` more CPU time than the child has used so far (SIGXCPU ends it past that); the address
        /// space limit is the child's.
        func serveCompiles() throws {
            var memory = rlimit(rlim_cur: rlim_t(memoryBytes), rlim_max: rlim_t(memoryBytes))
            guard setrlimit(RLIMIT_AS_CONSTANT, &memory) == 0 else {
                throw ClientError("Cannot set the compile's memory limit: \(String(cString: strerror(errno))).")
            }
            _ = setpriority(PRIO_PROCESS_CONSTANT, 0, 10)
            let compiler = SiteCompiler(themes: ThemeLibrary(directories: themes.map { URL(fileURLWithPath: $0) }))
            while let line = readLine(strippingNewline: true) {
                let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
                guard fields.count == 3, let seconds = Double(fields[0]) else {
                    Self.reply("fail malformed request")
                    continue
                }
                var usage = rusage()
                getrusage(RUSAGE_SELF_CONSTANT, &usage)
                let used = Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1
                var cpu = rlimit()
                getrlimit(RLIMIT_CPU_CONSTANT, &cpu)
                cpu.rlim_cur = min(rlim_t(used + cpuSeconds), cpu.rlim_max)
                setrlimit(RLIMIT_CPU_CONSTANT, &cpu)
                do {
                    try CompileChildResult.runChild(
                        input: URL(fileURLWithPath: fields[1]), output: URL(fileURLWithPath: fields[2]), compiler: compiler,
                        now: Date(timeIntervalSince1970: seconds))
                    Self.reply("ok")
                } catch {
                    Self.reply("fail \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
                }
            }
        }

        /// One answer line on stdout, written at once (no buffering between the child and the daemon).
        static func reply(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the daemon gracefully (running jobs finish or are requeued).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Seconds to wait for the daemon to exit.")
        var timeout: Double = 30

        func run() async throws {
            guard timeout.isFinite, (0...3600).contains(timeout) else {
                throw ClientError("--timeout must be between 0 and 3600 seconds.", hint: "sitectl daemon stop --timeout 30",
                    exitCode: ClientError.Exit.usage)
            }
            let client = try global.client()
            let status: DaemonStatus
            do {
                status = try await client.status()
            } catch let error as ClientError where error.exitCode == ClientError.Exit.unreachable {
                // Only this machine's socket tells "not running"; an address that does not answer is not a stopped daemon.
                guard case .unix = client.endpoint else { throw error }
                if !global.quiet { Terminal.err("The daemon is not running (\(client.endpoint)).") }
                return
            }
            // The daemon stops itself on the operator's request: nothing here signals a PID read from the network.
            _ = try await client.stopDaemon()
            let deadline = Date().addingTimeInterval(timeout)
            while (try? await client.isReady()) != nil {
                if Date() > deadline {
                    throw ClientError("The daemon did not stop within \(Int(timeout))s.",
                        hint: "sitectl daemon status; its log: sitectl daemon logs", exitCode: ClientError.Exit.timeout)
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            // On this machine, also wait for the process to be gone (its socket closes just before it exits).
            if case .unix = client.endpoint, Self.isSitectlDaemon(status.pid) {
                while kill(status.pid, 0) == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            }
            if !global.quiet { Terminal.err("Daemon stopped (pid \(status.pid)).") }
        }

        /// Whether `pid` is a `sitectl daemon` process of this machine (its command line says so).
        static func isSitectlDaemon(_ pid: pid_t) -> Bool {
            guard pid > 1, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.first?.hasSuffix("sitectl") == true && arguments.contains("daemon")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the daemon's addresses, version, workers and queue.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Wait until the daemon is ready.")
        var wait = false

        @Option(help: "How long --wait waits, in seconds.")
        var timeout: Double = 60

        func run() async throws {
            let client = try global.client()
            guard timeout.isFinite, (0...3600).contains(timeout) else {
                throw ClientError("--timeout must be between 0 and 3600 seconds.", exitCode: ClientError.Exit.usage)
            }
            if wait { try await DaemonSettings.waitUntilReady(client: client, timeout: timeout, pid: nil, logFile: nil) }
            let status = try await client.status()
            try Output.emit(status, format: global.format, names: { [status.apiAddress] }) {
                Output.table(
                    ["FIELD", "VALUE"],
                    [
                        ["version", status.version], ["pid", String(status.pid)], ["api", status.apiAddress],
                        ["serve", status.serveAddress], ["serve tls", status.serveTlsAddress ?? "-"], ["workers", String(status.workers)], ["agent", status.agent ?? "-"],
                        ["queue depth", String(status.queueDepth)], ["running jobs", String(status.runningJobs)],
                        ["started", APIJSON.formatDate(status.startedAt)],
                    ])
            }
        }
    }
}

// Glibc imports these as enum cases of different types; plain Int32 values for setrlimit/setpriority.
#if canImport(Glibc)
import Glibc
private let RLIMIT_CPU_CONSTANT = __rlimit_resource_t(RLIMIT_CPU.rawValue)
private let RLIMIT_AS_CONSTANT = __rlimit_resource_t(RLIMIT_AS.rawValue)
private let PRIO_PROCESS_CONSTANT = __priority_which_t(PRIO_PROCESS.rawValue)
private let RUSAGE_SELF_CONSTANT = __rusage_who_t(RUSAGE_SELF.rawValue)
#endif
