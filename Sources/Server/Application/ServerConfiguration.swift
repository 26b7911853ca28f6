package import Foundation
package import SiteAgent

/// Everything the daemon needs to start; built by `sitectl daemon start` and by tests.
package struct ServerConfiguration: Sendable {
    /// Where the API listens.
    package enum Listen: Sendable, Equatable, CustomStringConvertible {
        case unix(path: String)
        case tcp(host: String, port: Int)

        package var description: String {
            switch self {
            case .unix(let path): "unix://\(path)"
            case .tcp(let host, let port): "tcp://\(host):\(port)"
            }
        }
    }

    package var dataDirectory: URL
    package var listen: Listen
    /// TLS for a TCP `listen` (`--listen https://…`): the certificate chain and key, PEM files.
    package var apiTLS: TLSFiles?
    /// With a TCP `listen`, the daemon also listens on this unix socket (mode 0600): the operator's channel
    /// (`daemon stop`, `daemon dial-stdio` for ssh:// contexts).
    package var operatorSocket: String?

    package struct TLSFiles: Sendable, Equatable {
        package var certificateChain: String
        package var privateKey: String
        package init(certificateChain: String, privateKey: String) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
        }
    }
    /// Host and port where sites are served.
    package var serveHost: String
    package var servePort: Int
    /// Domain under which sites are served: `<site>.<domain>`.
    package var domain = "localhost"
    package var workers = 2
    /// The operator's agent profiles (the offline interpreter unless configured); accounts pick among them.
    package var agents = AgentProfiles(single: AgentBackendConfiguration(kind: .embedded))
    package var themesDirectories: [URL]
    /// bcrypt cost; 12 in production, lower in unit tests only.
    package var bcryptCost: UInt8 = 12
    package var accessTokenLifetime: TimeInterval = 15 * 60
    package var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// How long a worker's claim on a job and a site lock last without renewal.
    package var leaseDuration: TimeInterval = 30
    /// Fault injection for crash tests: the worker pauses this long before storing a version.
    package var debugPauseBeforeStore: Duration = .zero
    /// How long a graceful stop waits for running jobs before cancelling them (they are requeued).
    package var shutdownTimeout: Duration = .seconds(20)
    /// How often the daemon verifies every blob and logs damage (nil: never).
    package var scrubInterval: Duration? = .seconds(24 * 3600)
    /// Fault injection: pause after a version's transaction commits.
    package var debugPauseAfterStore: Duration = .zero
    /// Idle timeout and connection caps of the site-serving server and of the API server.
    package var servingConnections = ConnectionSettings()
    /// Bytes of file bodies the site server keeps in memory (`--serve-cache-mb`, default 256 MiB).
    package var serveCacheBytes = 256 << 20
    /// Access logs of the site server (`--access-log combined|json|off`), in `logs/access/SITE.log`.
    package var accessLogFormat: AccessLogFormat = .combined
    /// Event loops of the site server (`--serve-threads`; default: the CPUs this process may run on).
    package var serveThreads: Int?
    /// The site server's HTTPS address (`--serve-tls`); certificates come from DATA/tls and ACME.
    package var serveTLS: (host: String, port: Int)?
    /// The ACME server that issues certificates for custom domains (`--acme-directory`; needs `serveTLS`).
    package var acme: ACMESettings?
    package var tlsDirectory: URL { dataDirectory.appendingPathComponent("tls") }
    package var apiConnections: ConnectionSettings = {
        var settings = ConnectionSettings()
        settings.idleTimeoutSeconds = 60
        settings.maxConnections = 512
        settings.maxPerClient = 64
        return settings
    }()
    /// Per-account quotas.
    package var quotas = QuotaSettings()
    /// Largest `sites create --from` upload (the tar archive; JSON bodies are held to 16 MB of it).
    package var maxImportBytes = Self.defaultMaxImportBytes
    package static let defaultMaxImportBytes = 256 << 20
    /// Limits on authentication requests per client address and per account.
    package var rateLimits = RateLimitSettings()
    /// Where compiles run and their limits (a child process per compile in the daemon).
    package var compileIsolation = CompileIsolation.inProcess
    package var compileLimits = CompileLimits()
    /// Headless-Chromium checks of changed pages before a version is stored (skipped when Chromium is absent).
    package var browserChecks = BrowserCheckSettings()
    /// The clock, injectable for tests.
    package var now: @Sendable () -> Date = { Date() }

    package init(
        dataDirectory: URL, listen: Listen, serveHost: String = "127.0.0.1", servePort: Int = 8080,
        themesDirectories: [URL]
    ) {
        self.dataDirectory = dataDirectory
        self.listen = listen
        self.serveHost = serveHost
        self.servePort = servePort
        self.themesDirectories = themesDirectories
    }

    /// The unix sockets the daemon listens on (the API's, or the operator's beside a TCP listener).
    package var socketPaths: [String] {
        switch listen {
        case .unix(let path): [path]
        case .tcp: operatorSocket.map { [$0] } ?? []
        }
    }

    package var databasePath: String { dataDirectory.appendingPathComponent("sitectl.db").path }
    package var blobsDirectory: URL { dataDirectory.appendingPathComponent("blobs") }
    package var workDirectory: URL { dataDirectory.appendingPathComponent("work") }
    package var logsDirectory: URL { dataDirectory.appendingPathComponent("logs") }
}
