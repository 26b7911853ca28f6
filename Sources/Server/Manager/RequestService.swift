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
    let events: EventBus
    let now: @Sendable () -> Date

    package init(
        db: any DatabaseWriter, sites: SiteService, versions: VersionService, artifacts: ArtifactStore,
        agents: AgentSelector, installedThemes: [String], events: EventBus, now: @escaping @Sendable () -> Date
    ) {
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
            throw ServerError(.contentTooLarge, "too_large", "The message is longer than \(Self.maxMessageBytes) bytes.")
        }
        let site = try await sites.site(named: name, for: user)
        guard let siteID = site.id, let userID = user.id else { throw ServerError.unauthorized }
        let at = now()
        let requestID: Int64 = try await db.write { db in
            try RequestRecord(
                id: nil, siteId: siteID, userId: userID, message: message, state: RequestState.queued.rawValue,
                question: nil, answer: nil, reply: nil, jobId: nil, version: nil, createdAt: at, updatedAt: at
            ).insert(db)
            return db.lastInsertedRowID
        }
        return try await triage(requestID: requestID, site: site, message: message, question: nil, answer: nil)
    }

    /// Resumes a request waiting for input with the user's answer.
    package func answer(requestID: Int64, answer raw: String, for user: UserRecord) async throws -> BuildRequest {
        let answer = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !answer.isEmpty else { throw ServerError.badRequest("The answer is empty.") }
        let (record, site) = try await owned(requestID, for: user)
        guard record.state == RequestState.needsInput.rawValue else {
            throw ServerError.conflict("Request \(requestID) is \(record.state), not waiting for an answer.",
                hint: "sitectl requests show \(requestID)")
        }
        let question = record.question.flatMap { try? APIJSON.decoder().decode(Question.self, from: Data($0.utf8)) }
        try await db.write { db in
            try db.execute(sql: "UPDATE build_requests SET answer = ?, updated_at = ? WHERE id = ?", arguments: [answer, now(), requestID])
        }
        return try await triage(
            requestID: requestID, site: site, message: record.message,
            question: question.map { AgentQuestion(text: $0.text, options: $0.options) }, answer: answer)
    }

    private func triage(
        requestID: Int64, site: SiteRecord, message: String, question: AgentQuestion?, answer: String?
    ) async throws -> BuildRequest {
        let result: Triage
        do {
            let context = try await agentContext(site: site, message: message, question: question, answer: answer)
            result = try await agents.backend(for: site).triage(context)
        } catch {
            throw try await triageFailed(requestID: requestID, site: site, error: error)
        }
        let at = now()
        try await db.write { db in
            switch result {
            case .clear(let summary):
                let jobID = try JobQueue.enqueue(db, siteID: site.id ?? 0, requestID: requestID, kind: "chat", at: at)
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'queued', question = NULL, reply = ?, job_id = ?, updated_at = ? WHERE id = ?",
                    arguments: [summary, jobID, at, requestID])
            case .question(let q):
                let json = String(decoding: try APIJSON.encoder().encode(Question(text: q.text, options: q.options)), as: UTF8.self)
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'needs_input', question = ?, reply = ?, updated_at = ? WHERE id = ?",
                    arguments: [json, q.text, at, requestID])
            case .noChange(let reason):
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'no_change', reply = ?, updated_at = ? WHERE id = ?",
                    arguments: [reason, at, requestID])
            case .unsupported(let reason):
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'unsupported', reply = ?, updated_at = ? WHERE id = ?",
                    arguments: [reason, at, requestID])
            }
        }
        let request = try await apiRequest(requestID)
        events.publish(Event(kind: .requestState, site: site.name, time: at, requestId: requestID, jobId: request.jobId, state: request.state.rawValue), siteID: site.id ?? 0)
        return request
    }

    /// Ends a request whose triage threw (the model failed, timed out, or its profile is gone): `failed`, with a
    /// reply safe to show, so it never waits in `queued` with no job. The error's own text goes to the log only: a
    /// model server's error may quote internals (an endpoint, part of a key).
    private func triageFailed(requestID: Int64, site: SiteRecord, error: any Error) async throws -> ServerError {
        let failure: ServerError
        let reply: String
        if let error = error as? ServerError {
            failure = error  // Already says what happened in words safe to show.
            reply = error.message
        } else {
            reply = "Not done: the agent's model failed or did not answer while reading this request. Nothing was changed."
            failure = ServerError(
                .unprocessableContent, "triage_failed",
                "Request \(requestID) failed: the agent's model failed or did not answer while reading it. Nothing was changed.",
                hint: "Send it again in a moment: sitectl chat \(site.name) \"…\"   (the daemon's log has the cause: sitectl daemon logs)",
                cause: "triage of request \(requestID): \(String(describing: error))")
        }
        let at = now()
        try await db.write { db in
            try db.execute(
                sql: "UPDATE build_requests SET state = 'failed', reply = ?, updated_at = ? WHERE id = ?",
                arguments: [reply, at, requestID])
        }
        events.publish(
            Event(kind: .requestState, site: site.name, time: at, requestId: requestID, state: RequestState.failed.rawValue),
            siteID: site.id ?? 0)
        return failure
    }

    /// What the agent sees: the latest version's source, the version history, the clock.
    package func agentContext(site: SiteRecord, message: String, question: AgentQuestion?, answer: String?) async throws -> AgentContext {
        let records = try await db.read { db in
            try VersionRecord.filter(Column("site_id") == site.id).order(Column("number")).fetchAll(db)
        }
        let base = records.last
        let source = try base.map { try artifacts.load($0.sourceManifest) } ?? SiteFiles()
        return AgentContext(
            message: message, question: question, answer: answer, source: source, baseVersion: base?.number,
            versions: records.map { AgentVersionInfo(number: $0.number, createdAt: $0.createdAt, isLive: $0.number == site.liveVersion) },
            installedThemes: installedThemes, now: now(), timeZone: TimeZone.current)
    }

    package func cancel(requestID: Int64, for user: UserRecord) async throws -> BuildRequest {
        let (record, site) = try await owned(requestID, for: user)
        let at = now()
        try await db.write { db in
            switch RequestState(rawValue: record.state) {
            case .needsInput, .queued:
                try db.execute(sql: "UPDATE build_requests SET state = 'cancelled', updated_at = ? WHERE id = ?", arguments: [at, requestID])
                try db.execute(
                    sql: "UPDATE jobs SET state = 'cancelled', finished_at = ? WHERE request_id = ? AND state = 'queued'",
                    arguments: [at, requestID])
            case .running:
                try db.execute(sql: "UPDATE jobs SET cancel_requested = 1 WHERE request_id = ? AND state = 'running'", arguments: [requestID])
            default:
                throw ServerError.conflict("Request \(requestID) is already \(record.state).")
            }
        }
        let request = try await apiRequest(requestID)
        events.publish(Event(kind: .requestState, site: site.name, time: at, requestId: requestID, state: request.state.rawValue), siteID: site.id ?? 0)
        return request
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
            id: id, site: siteName, message: record.message, state: RequestState(rawValue: record.state) ?? .failed,
            question: record.question.flatMap { try? APIJSON.decoder().decode(Question.self, from: Data($0.utf8)) },
            answer: record.answer, reply: record.reply, jobId: record.jobId, version: record.version,
            createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
