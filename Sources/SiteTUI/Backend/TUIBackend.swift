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
}
