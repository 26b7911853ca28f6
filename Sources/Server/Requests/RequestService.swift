import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI
package import SiteAgent
package import SiteCompiler

/// Build requests (`sitectl chat`): store, triage, ask, resume on an answer, queue the job, cancel.
package struct RequestService: Sendable {
    let db: any DatabaseWriter
    let sites: SiteService
    let versions: VersionService
    let artifacts: ArtifactStore
    let agents: AgentSelector
    let installedThemes: [String]
    let lifecycle: LifecycleStore
    let events: EventBus
    let now: @Sendable () -> Date

    package init(
        db: any DatabaseWriter, sites: SiteService, versions: VersionService, artifacts: ArtifactStore,
        agents: AgentSelector, installedThemes: [String], lifecycle: LifecycleStore, events: EventBus,
        now: @escaping @Sendable () -> Date
    ) {
        self.lifecycle = lifecycle
        self.db = db
        self.sites = sites
        self.versions = versions
        self.artifacts = artifacts
        self.agents = agents
        self.installedThemes = installedThemes
        self.events = events
        self.now = now
    }

    package static let maxMessageBytes = 16 * 1024

    /// Stores a request and triages it: it ends up waiting for an answer, queued, or closed with a reply.
    package func chat(site name: String, message raw: String, for user: UserRecord) async throws -> BuildRequest {
        let message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else {
            throw ServerError.badRequest("The message is empty.", hint: "sitectl chat \(name) \"set the site title to Acme\"")
        }
        guard message.utf8.count <= Self.maxMessageBytes else {
            throw ServerError(.contentTooLarge, .tooLarge, "The message is longer than \(Self.maxMessageBytes) bytes.")
        }
        let site = try await sites.site(named: name, for: user)
        guard let siteID = site.id, let userID = user.id else { throw ServerError.unauthorized }
        // Triage first, then the request and (when queued) its job in one transaction: a crash in between leaves
        // nothing behind rather than a request waiting for a job that does not exist.
        let outcome = await triage(site: site, message: message, question: nil, answer: nil)
        let requestID = try await lifecycle.open(siteID: siteID, userID: userID, message: message, outcome: outcome.outcome)
        if let failure = outcome.failure { throw failure.withRequest(requestID) }
        return try await apiRequest(requestID)
    }

    /// Resumes a request waiting for input with the user's answer.
    package func answer(requestID: Int64, answer raw: String, for user: UserRecord) async throws -> BuildRequest {
        let answer = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !answer.isEmpty else { throw ServerError.badRequest("The answer is empty.") }
        let (record, site) = try await owned(requestID, for: user)
        guard record.state == .needsInput else {
            throw ServerError.conflict("Request \(requestID) is \(record.state), not waiting for an answer.",
                hint: "sitectl requests show \(requestID)")
        }
        let question = record.question
        let outcome = await triage(
            site: site, message: record.message, question: question.map { AgentQuestion(text: $0.text, options: $0.options) }, answer: answer)
        try await lifecycle.resolve(requestID: requestID, answer: answer, outcome: outcome.outcome)
        if let failure = outcome.failure { throw failure.withRequest(requestID) }
        return try await apiRequest(requestID)
    }

    /// Runs the agent's triage; a failure becomes a `failed` outcome with a reply safe to show (the error's own text
    /// goes to the log only: a model server's error may quote internals) and the error to answer the call with.
    private func triage(site: SiteRecord, message: String, question: AgentQuestion?, answer: String?) async
        -> (outcome: TriageOutcome, failure: ServerError?)
    {
        let result: Triage
        do {
            let context = try await agentContext(site: site, message: message, question: question, answer: answer)
            result = try await agents.backend(for: site).triage(context)
        } catch let error as ServerError {
            return (.failed(reply: error.message), error)
        } catch let error as BlobError {
            let mapped = ServerError.storage(error)
            return (.failed(reply: mapped.message), mapped)
        } catch {
            let reply = "Not done: the agent's model failed or did not answer while reading this request. Nothing was changed."
            return (.failed(reply: reply), ServerError(
                .unprocessableContent, .triageFailed,
                "The request failed: the agent's model failed or did not answer while reading it. Nothing was changed.",
                hint: "Send it again in a moment: sitectl chat \(site.name) \"…\"   (the daemon's log has the cause: sitectl daemon logs)",
                cause: "triage: \(String(describing: error))"))
        }
        switch result {
        case .clear(let summary):
            return (.queue(summary: summary), nil)
        case .question(let q):
            return (.ask(question: Question(text: q.text, options: q.options), text: q.text), nil)
        case .noChange(let reason):
            // Against the latest version this changes nothing, but requests still queued may change it first:
            // the job decides against the site as it is when it runs.
            if let siteID = site.id, (try? await lifecycle.hasPendingJobs(siteID: siteID)) == true {
                return (.queue(summary: "Queued behind earlier requests; checked against the site once they are done."), nil)
            }
            return (.noChange(reason: reason), nil)
        case .unsupported(let reason):
            return (.unsupported(reason: reason), nil)
        }
    }

    /// What the agent sees: the base version's source, the version history, the clock.
    ///
    /// The base is the newest version, unless the live pointer was moved back to an older version after the newest
    /// was made (a rollback, or a deploy of an older version): then the person chose the live version over the newer
    /// ones, and the change is made on the live version so a rolled-back change does not come back.
    package func agentContext(site: SiteRecord, message: String, question: AgentQuestion?, answer: String?) async throws -> AgentContext {
        let (records, live, base) = try await db.read { db -> ([VersionRecord], Int?, VersionRecord?) in
            let records = try VersionRecord.filter(Column("site_id") == site.id).order(Column("number")).fetchAll(db)
            let live = try Int.fetchOne(db, sql: "SELECT live_version FROM sites WHERE id = ?", arguments: [site.id]) ?? nil
            return (records, live, try Self.baseVersion(db, siteID: site.id, records: records, live: live))
        }
        let source = try base.map { try artifacts.load($0.sourceManifest) } ?? SiteFiles()
        return AgentContext(
            message: message, question: question, answer: answer, source: source, baseVersion: base?.number,
            versions: records.map { AgentVersionInfo(number: $0.number, createdAt: $0.createdAt, isLive: $0.number == live, sourceDigest: $0.sourceManifest) },
            installedThemes: installedThemes, now: now(), timeZone: TimeZone.current)
    }

    /// The version a new change is made on (see `agentContext`).
    static func baseVersion(_ db: Database, siteID: Int64?, records: [VersionRecord], live: Int?) throws -> VersionRecord? {
        guard let newest = records.last else { return nil }
        guard let live, live < newest.number, let liveRecord = records.first(where: { $0.number == live }) else { return newest }
        let movedAt = try Date.fetchOne(
            db, sql: "SELECT created_at FROM deployments WHERE site_id = ? AND pointer = 'live' AND version = ? ORDER BY id DESC LIMIT 1",
            arguments: [siteID, live])
        guard let movedAt, movedAt >= newest.createdAt else { return newest }
        return liveRecord
    }

    package func cancel(requestID: Int64, for user: UserRecord) async throws -> BuildRequest {
        _ = try await owned(requestID, for: user)
        try await lifecycle.cancel(requestID: requestID)
        return try await apiRequest(requestID)
    }

    package func show(requestID: Int64, for user: UserRecord) async throws -> BuildRequest {
        _ = try await owned(requestID, for: user)
        return try await apiRequest(requestID)
    }

    package func list(for user: UserRecord, site: String?, state: RequestState?, limit: Int) async throws -> [BuildRequest] {
        var selectedSite: Int64?
        if let site { selectedSite = try await sites.site(named: site, for: user).id }
        let siteID = selectedSite
        let ids = try await db.read { db in
            var request = RequestRecord.filter(Column("user_id") == user.id)
            if let siteID { request = request.filter(Column("site_id") == siteID) }
            if let state { request = request.filter(Column("state") == state.rawValue) }
            return try request.order(Column("id").desc).limit(max(1, min(limit, 500))).fetchAll(db).compactMap(\.id)
        }
        var result: [BuildRequest] = []
        for id in ids { result.append(try await apiRequest(id)) }
        return result
    }

    private func owned(_ requestID: Int64, for user: UserRecord) async throws -> (RequestRecord, SiteRecord) {
        let pair = try await db.read { db -> (RequestRecord, SiteRecord)? in
            guard let request = try RequestRecord.fetchOne(db, key: requestID),
                let site = try SiteRecord.fetchOne(db, key: request.siteId)
            else { return nil }
            return (request, site)
        }
        // Another account's request is answered exactly like one that does not exist: a 403 would confirm the id.
        guard let (request, site) = pair, site.ownerId == user.id else {
            throw ServerError.notFound("No request \(requestID).", hint: "sitectl requests list")
        }
        return (request, site)
    }

    package func apiRequest(_ id: Int64) async throws -> BuildRequest {
        let pair = try await db.read { db -> (RequestRecord, String)? in
            guard let record = try RequestRecord.fetchOne(db, key: id),
                let name = try String.fetchOne(db, sql: "SELECT name FROM sites WHERE id = ?", arguments: [record.siteId])
            else { return nil }
            return (record, name)
        }
        guard let (record, siteName) = pair else { throw ServerError.notFound("No request \(id).") }
        return BuildRequest(
            id: id, site: siteName, message: record.message, state: record.state,
            question: record.question,
            answer: record.answer, reply: record.reply, jobId: record.jobId, version: record.version,
            createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}

extension ServerError {
    /// The error, naming the request it ended.
    fileprivate func withRequest(_ id: Int64) -> ServerError {
        var copy = self
        copy.message = copy.message.replacingOccurrences(of: "The request failed", with: "Request \(id) failed")
        copy.cause = copy.cause.map { "request \(id): \($0)" }
        return copy
    }
}
