public import Foundation

/// What happened, as streamed on `GET /v1/events` (WebSocket) and `GET /v1/events?format=ndjson`.
public enum EventKind: String, Codable, Sendable {
    case requestState = "request.state"
    case jobState = "job.state"
    case jobLog = "job.log"
    case versionCreated = "version.created"
    case siteDeployed = "site.deployed"
    case sitePreviewed = "site.previewed"
    case siteUpdated = "site.updated"
    /// The site was deleted with its versions.
    case siteDeleted = "site.deleted"
}

/// One event. Fields not relevant to the kind are nil.
public struct Event: Codable, Sendable, Equatable {
    public var kind: EventKind
    public var site: String
    public var time: Date
    public var requestId: Int64?
    public var jobId: Int64?
    public var version: Int?
    public var state: String?
    public var line: LogLine?

    public init(
        kind: EventKind, site: String, time: Date, requestId: Int64? = nil, jobId: Int64? = nil, version: Int? = nil,
        state: String? = nil, line: LogLine? = nil
    ) {
        self.kind = kind
        self.site = site
        self.time = time
        self.requestId = requestId
        self.jobId = jobId
        self.version = version
        self.state = state
        self.line = line
    }
}
