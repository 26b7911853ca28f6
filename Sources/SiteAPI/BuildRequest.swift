public import Foundation

/// Body of `POST /v1/sites/{site}/requests` (`sitectl chat`).
public struct ChatRequest: Codable, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// Body of `POST /v1/requests/{id}/answer`.
public struct AnswerRequest: Codable, Sendable {
    public var answer: String
    public init(answer: String) { self.answer = answer }
}

/// A clarifying question the system asks before queueing work.
public struct Question: Codable, Sendable, Equatable {
    public var text: String
    public var options: [String]
    public init(text: String, options: [String]) {
        self.text = text
        self.options = options
    }
}

/// Lifecycle of a build request.
public enum RequestState: String, Codable, Sendable, CaseIterable {
    case needsInput = "needs_input"
    case queued, running, done, failed, cancelled
    /// Understood, but nothing to change (for example "Blog is already in the menu").
    case noChange = "no_change"
    /// Outside what a static site can do.
    case unsupported

    public var isTerminal: Bool {
        switch self {
        case .done, .failed, .cancelled, .noChange, .unsupported: true
        case .needsInput, .queued, .running: false
        }
    }
}

/// A change request made through `sitectl chat`.
public struct BuildRequest: Codable, StableKeysEncodable, Sendable, Equatable {
    public var id: Int64
    public var site: String
    public var message: String
    public var state: RequestState
    public var question: Question?
    public var answer: String?
    /// The system's reply: a summary of what changed, the reason for no change, or an error.
    public var reply: String?
    public var jobId: Int64?
    public var version: Int?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, site: String, message: String, state: RequestState, question: Question?, answer: String?,
        reply: String?, jobId: Int64?, version: Int?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.site = site
        self.message = message
        self.state = state
        self.question = question
        self.answer = answer
        self.reply = reply
        self.jobId = jobId
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
