public import Foundation
public import SiteAPI
public import SiteClient

/// What the TUI needs from the daemon. The CLI adapts its HTTP client to this; tests use ``InMemoryTUIBackend``.
public protocol TUIBackend: Sendable {
    /// All sites of the signed-in user.
    func listSites() async throws -> [Site]
    /// A site's versions (any order; the TUI sorts newest first).
    func listVersions(site: String) async throws -> [Version]
    /// Sends a change request; the result may already need input, be queued, or be finished.
    func chat(site: String, message: String) async throws -> BuildRequest
    /// Answers a request's clarifying question.
    func answer(requestID: Int64, answer: String) async throws -> BuildRequest
    /// The current state of a request.
    func request(id: Int64) async throws -> BuildRequest
    /// Makes `version` live.
    func deploy(site: String, version: Int) async throws -> PointerMove
    /// Moves live back to the version live before the current one.
    func rollback(site: String) async throws -> PointerMove
    /// Live events (`job.state`, `job.log`, `request.state`, `version.created`, `site.deployed`, …), preceded by
    /// ``EventStreamItem/opened`` once the daemon listens and interleaved with heartbeats. The stream ends (or
    /// throws) when the connection does; cancelling the consuming task ends it too.
    func events() -> AsyncThrowingStream<EventStreamItem, any Error>

    /// Requests of one site or all, optionally in one state, newest first.
    func listRequests(site: String?, state: RequestState?, limit: Int) async throws -> [BuildRequest]
    /// Jobs of one site or all, optionally in one state, newest first.
    func listJobs(site: String?, state: JobState?, limit: Int) async throws -> [Job]
    /// A job's log lines after `after` (a seq).
    func jobLogs(id: Int64, after: Int) async throws -> [LogLine]
    /// Cancels a queued or running job.
    func cancelJob(id: Int64) async throws -> Job
    /// Creates an empty site with the default theme.
    func createSite(name: String) async throws -> Site
    /// Deletes a site with its versions.
    func deleteSite(name: String) async throws
    /// Enables or disables serving a site.
    func setSiteEnabled(name: String, enabled: Bool) async throws -> Site
    /// The unified diff of two versions' sources.
    func diff(site: String, from: Int, to: Int) async throws -> VersionDiff
    /// Points the site's preview at `version`; returns the move and the URL the preview is served at.
    func preview(site: String, version: Int) async throws -> PreviewResult
    /// Who is signed in, where, and their API tokens.
    func account() async throws -> AccountInfo
    /// Revokes one of the user's API tokens.
    func revokeToken(id: Int64) async throws
    /// Ends the session on the daemon and forgets it here.
    func logout() async throws
    /// The daemon's version, addresses, workers and queue.
    func daemonStatus() async throws -> DaemonStatus
}

/// The result of pointing a preview: the move and where to look.
public struct PreviewResult: Equatable, Sendable {
    public var move: PointerMove
    public var url: String
    /// Set when the URL is on another machine (an ssh:// context), with how to reach it from here.
    public var note: String?

    public init(move: PointerMove, url: String, note: String? = nil) {
        self.move = move
        self.url = url
        self.note = note
    }
}

/// The signed-in account as the account view shows it.
public struct AccountInfo: Equatable, Sendable {
    public var email: String
    public var userID: Int64
    public var context: String
    public var host: String
    public var accessExpiresAt: Date?
    public var tokens: [APIToken]

    public init(email: String, userID: Int64, context: String, host: String, accessExpiresAt: Date?, tokens: [APIToken]) {
        self.email = email
        self.userID = userID
        self.context = context
        self.host = host
        self.accessExpiresAt = accessExpiresAt
        self.tokens = tokens
    }
}
