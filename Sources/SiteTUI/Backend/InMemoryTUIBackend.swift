package import Foundation
package import SiteAPI
package import SiteClient
import Synchronization

/// A ``TUIBackend`` held in memory, for tests and demos: sites, versions and requests in a dictionary, events
/// broadcast to every subscriber. Chat answers are scripted with ``askNext(_:)``; jobs are driven by the caller with
/// ``runJob(requestID:logs:summary:)`` so a test decides exactly when each log line arrives.
package final class InMemoryTUIBackend: TUIBackend {
    struct State {
        var sites: [String: Site] = [:]
        var versions: [String: [Version]] = [:]
        var requests: [Int64: BuildRequest] = [:]
        var nextRequestID: Int64 = 1
        var nextJobID: Int64 = 1
        var nextQuestion: Question?
        var subscribers: [Int: AsyncThrowingStream<EventStreamItem, any Error>.Continuation] = [:]
        /// Set by ``goDown(reason:)``: every call fails as an unreachable daemon's would.
        var downReason: String?
        var nextSubscriber = 0
        var calls: [String] = []
        var jobs: [Int64: Job] = [:]
        var logs: [Int64: [LogLine]] = [:]
        var tokens: [APIToken] = []
        var loggedOut = false
    }

    let state = Mutex(State())
    /// Timestamps for everything this backend makes.
    package let now: Date

    package init(sites: [Site] = [], versions: [Version] = [], now: Date = Date(timeIntervalSince1970: 1_781_272_800)) {
        self.now = now
        state.withLock { state in
            for site in sites { state.sites[site.name] = site }
            for version in versions { state.versions[version.site, default: []].append(version) }
        }
    }

    /// Every call made so far, such as `chat blog add a blog` or `deploy blog 4`, oldest first.
    package var calls: [String] { state.withLock { $0.calls } }

    /// How many clients are listening to ``events()``.
    package var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// The next chat gets this clarifying question instead of being queued.
    package func askNext(_ question: Question) { state.withLock { $0.nextQuestion = question } }

    /// A request as stored.
    package func storedRequest(_ id: Int64) -> BuildRequest? { state.withLock { $0.requests[id] } }

    package func listSites() async throws -> [Site] {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("listSites")
            return state.sites.values.sorted { $0.name < $1.name }
        }
    }

    package func listVersions(site: String) async throws -> [Version] {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("listVersions \(site)")
            guard state.sites[site] != nil else { throw Self.notFound(site) }
            return state.versions[site, default: []].sorted { $0.number > $1.number }
        }
    }

    package func chat(site: String, message: String) async throws -> BuildRequest {
        let request = try state.withLock { state -> BuildRequest in
            try Self.checkUp(state)
            state.calls.append("chat \(site) \(message)")
            guard state.sites[site] != nil else { throw Self.notFound(site) }
            let id = state.nextRequestID
            state.nextRequestID += 1
            var request = BuildRequest(
                id: id, site: site, message: message, state: .queued, question: nil, answer: nil, reply: nil,
                jobId: nil, version: nil, createdAt: now, updatedAt: now)
            if let question = state.nextQuestion {
                state.nextQuestion = nil
                request.state = .needsInput
                request.question = question
            } else {
                request.jobId = Self.newJob(&state, site: site, requestID: id)
            }
            state.requests[id] = request
            return request
        }
        return request
    }

    package func answer(requestID: Int64, answer: String) async throws -> BuildRequest {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("answer \(requestID) \(answer)")
            guard var request = state.requests[requestID], request.state == .needsInput else {
                throw APIError(code: "conflict", message: "request #\(requestID) is not waiting for an answer")
            }
            request.answer = answer
            request.state = .queued
            request.jobId = Self.newJob(&state, site: request.site, requestID: requestID)
            state.requests[requestID] = request
            return request
        }
    }

    package func request(id: Int64) async throws -> BuildRequest {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("request \(id)")
            guard let request = state.requests[id] else {
                throw APIError(code: "not_found", message: "request #\(id) not found")
            }
            return request
        }
    }

    package func deploy(site: String, version: Int) async throws -> PointerMove {
        let move = try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("deploy \(site) \(version)")
            guard state.versions[site, default: []].contains(where: { $0.number == version }) else {
                throw APIError(code: "not_found", message: "\(site)@\(version) not found")
            }
            return Self.moveLive(&state, site: site, to: version)
        }
        emit(Event(kind: .siteDeployed, site: site, time: now, version: version))
        return move
    }

    package func rollback(site: String) async throws -> PointerMove {
        let move = try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("rollback \(site)")
            let live = state.sites[site]?.liveVersion ?? 0
            guard let previous = state.versions[site, default: []].map(\.number).filter({ $0 < live }).max() else {
                throw APIError(code: "conflict", message: "\(site) has no earlier version to roll back to")
            }
            return Self.moveLive(&state, site: site, to: previous)
        }
        emit(Event(kind: .siteDeployed, site: site, time: now, version: move.to))
        return move
    }

    package func events() -> AsyncThrowingStream<EventStreamItem, any Error> {
        let (stream, continuation) = AsyncThrowingStream<EventStreamItem, any Error>.makeStream()
        let id = state.withLock { state -> Int? in
            if let reason = state.downReason {
                continuation.finish(throwing: Self.unreachable(reason))
                return nil
            }
            continuation.yield(.opened)
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            return id
        }
        guard let id else { return stream }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an event to every subscriber.
    package func emit(_ event: Event) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers { continuation.yield(.event(event)) }
    }

    /// Sends a heartbeat to every subscriber.
    package func heartbeat() {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers { continuation.yield(.heartbeat) }
    }

    /// Acts as a daemon that stopped: open streams end, and every call fails as unreachable until ``comeBack()``.
    /// With `closeCleanly` the streams end without an error, as a daemon's graceful stop ends them.
    package func goDown(reason: String = "connection refused", closeCleanly: Bool = false) {
        let subscribers = state.withLock { state in
            state.downReason = reason
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in subscribers {
            if closeCleanly { continuation.finish() } else { continuation.finish(throwing: Self.unreachable(reason)) }
        }
    }

    /// Answers again after ``goDown(reason:closeCleanly:)``.
    package func comeBack() { state.withLock { $0.downReason = nil } }

    static func checkUp(_ state: State) throws {
        if let reason = state.downReason { throw unreachable(reason) }
    }

    private static func unreachable(_ reason: String) -> ClientError {
        ClientError("Cannot reach the sitectl daemon (\(reason)).", hint: "sitectl daemon start --wait",
                    exitCode: ClientError.Exit.unreachable)
    }

    /// Changes a stored request and returns it.
    @discardableResult
    package func setRequest(_ id: Int64, _ change: (inout BuildRequest) -> Void) -> BuildRequest? {
        state.withLock { state in
            guard var request = state.requests[id] else { return nil }
            change(&request)
            state.requests[id] = request
            return request
        }
    }

    /// Stores a new version (the next number, checks passed) and points the site's `latest` at it.
    package func addVersion(site: String, summary: String, requestID: Int64? = nil) -> Int {
        state.withLock { state in
            let number = (state.versions[site, default: []].map(\.number).max() ?? 0) + 1
            state.versions[site, default: []].append(Version(
                site: site, number: number, createdAt: now, origin: "chat", summary: summary, requestId: requestID,
                checkStatus: .passed, sourceFiles: 1, outputFiles: 1, outputBytes: 1024, isLive: false, isPreview: false))
            state.sites[site]?.latestVersion = number
            return number
        }
    }

    private static func newJob(_ state: inout State, site: String, requestID: Int64) -> Int64 {
        let id = state.nextJobID
        state.nextJobID += 1
        state.jobs[id] = Job(id: id, site: site, requestId: requestID, kind: "chat", state: .queued, attempts: 0, error: nil,
                             version: nil, createdAt: Date(timeIntervalSince1970: 1_781_272_800), startedAt: nil, finishedAt: nil)
        return id
    }

    /// Changes a stored job and returns it.
    @discardableResult
    package func setJob(_ id: Int64, _ change: (inout Job) -> Void) -> Job? {
        state.withLock { state in
            guard var job = state.jobs[id] else { return nil }
            change(&job)
            state.jobs[id] = job
            return job
        }
    }

    private static func moveLive(_ state: inout State, site: String, to version: Int) -> PointerMove {
        let from = state.sites[site]?.liveVersion
        state.sites[site]?.liveVersion = version
        state.versions[site] = state.versions[site, default: []].map { item in
            var item = item
            item.isLive = item.number == version
            return item
        }
        return PointerMove(site: site, pointer: "live", from: from, to: version)
    }

    static func notFound(_ site: String) -> APIError {
        APIError(code: "not_found", message: "site \(site) not found", hint: "sitectl sites list")
    }
}
