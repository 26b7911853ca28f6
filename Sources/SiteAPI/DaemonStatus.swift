public import Foundation

/// `GET /v1/status`: what `sitectl daemon status` shows.
public struct DaemonStatus: Codable, Sendable, Equatable {
    public var version: String
    public var pid: Int32
    public var apiAddress: String
    public var serveAddress: String
    /// The site server's HTTPS address (`--serve-tls`), if any.
    public var serveTlsAddress: String?
    public var workers: Int
    public var queueDepth: Int
    public var runningJobs: Int
    public var startedAt: Date
    /// The agent backend jobs run with (`embedded`, `openai`, `command`).
    public var agent: String?
    public init(
        version: String, pid: Int32, apiAddress: String, serveAddress: String, workers: Int, queueDepth: Int,
        runningJobs: Int, startedAt: Date, agent: String? = nil, serveTlsAddress: String? = nil
    ) {
        self.serveTlsAddress = serveTlsAddress
        self.agent = agent
        self.version = version
        self.pid = pid
        self.apiAddress = apiAddress
        self.serveAddress = serveAddress
        self.workers = workers
        self.queueDepth = queueDepth
        self.runningJobs = runningJobs
        self.startedAt = startedAt
    }
}

/// The product version, shared by the daemon and the CLI for the handshake.
public enum SitectlVersion {
    public static let current = "0.1.0"
}
