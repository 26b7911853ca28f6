public import Foundation

/// Lifecycle of a job in the durable queue.
public enum JobState: String, Codable, Sendable, CaseIterable {
    case queued, running, succeeded, failed, cancelled
    public var isTerminal: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// A unit of work: run the agent for a request, compile, check and store a version.
public struct Job: Codable, StableKeysEncodable, Sendable, Equatable {
    public var id: Int64
    public var site: String
    public var requestId: Int64?
    public var kind: String
    public var state: JobState
    public var attempts: Int
    public var error: String?
    public var version: Int?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        id: Int64, site: String, requestId: Int64?, kind: String, state: JobState, attempts: Int, error: String?,
        version: Int?, createdAt: Date, startedAt: Date?, finishedAt: Date?
    ) {
        self.id = id
        self.site = site
        self.requestId = requestId
        self.kind = kind
        self.state = state
        self.attempts = attempts
        self.error = error
        self.version = version
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// One line of a job's log; `seq` increases per job.
public struct LogLine: Codable, Sendable, Equatable {
    public var jobId: Int64
    public var seq: Int
    public var time: Date
    public var level: String
    public var message: String
    public init(jobId: Int64, seq: Int, time: Date, level: String, message: String) {
        self.jobId = jobId
        self.seq = seq
        self.time = time
        self.level = level
        self.message = message
    }
}
