import HTTPTypes
package import Foundation
import Logging
package import GRDB
package import SiteAPI

/// A job a worker has claimed, with the site lock's fencing token it holds.
package struct ClaimedJob: Sendable {
    package var job: JobRecord
    package var fence: Int64
    package var siteName: String
    package var id: Int64 { job.id ?? 0 }
}

/// How triage (or an answer) left a request.
package enum TriageOutcome: Sendable {
    /// Understood: a job is queued; `summary` is the reply until it runs.
    case queue(summary: String)
    /// A question first (`text` is its wording, kept as the reply).
    case ask(question: Question, text: String)
    case noChange(reason: String)
    case unsupported(reason: String)
    /// Triage failed; `reply` is safe to show.
    case failed(reply: String)
}

/// How a job ended, as the worker hands it to ``LifecycleStore/finish(_:worker:result:)``.
package enum JobResult: Sendable {
    /// The version is ready to be stored: its row, the request's `done` and the job's `succeeded` are one transaction.
    case stored(PreparedVersion, reply: @Sendable (Int) -> String)
    /// Closed without a version: `noChange`, `unsupported`, `failed` or `cancelled`, with a reply safe to show.
    case closed(RequestState, reply: String)
    /// The agent needs an answer first; the request waits for it and its job ends.
    case asked(question: Question, text: String)

    package var jobState: JobState {
        switch self {
        case .stored, .asked: .succeeded
        case .closed(let state, _): state == .failed ? .failed : state == .cancelled ? .cancelled : .succeeded
        }
    }
}

/// What a finished job changed, for events and logs.
package struct FinishedJob: Sendable {
    package var jobState: JobState
    package var requestState: RequestState?
    package var version: Int?
}

/// What recovery changed.
package struct Recovered: Sendable, Equatable {
    package var requeued: [Int64] = []
    package var failed: [Int64] = []
    /// Requests left `queued` or `running` without a live job (a crash between writes of an older version).
    package var strandedRequests: [Int64] = []
    package var isEmpty: Bool { requeued.isEmpty && failed.isEmpty && strandedRequests.isEmpty }
}

/// The only writer of build requests, jobs and site locks. Every change is one transaction that checks the
/// lifecycle table (``RequestState/after(_:)``, ``JobState/after(_:)``) and, for a worker, that it still holds its
/// lease: the lock's holder *and* fencing token must match, and the token advances on every acquisition and
/// release, so a worker whose lease was lost writes nothing at all.
///
/// Correctness does not lean on SQLite's single writer: every conditional write re-reads what it depends on in
/// its own transaction and checks the number of rows it changed.
package struct LifecycleStore: Sendable {
    let db: any DatabaseWriter
    let leaseDuration: TimeInterval
    let now: @Sendable () -> Date
    let events: EventBus
    /// Poked whenever a job may have become claimable; idle workers wait on it.
    package let work = WorkSignal()
    /// Versions one site may keep (0: no limit), checked again where the version is stored: requests accepted
    /// at once all pass the check made when they arrive.
    let versionsPerSite: Int

    package init(
        db: any DatabaseWriter, leaseDuration: TimeInterval, events: EventBus, versionsPerSite: Int = 0, now: @escaping @Sendable () -> Date
    ) {
        self.db = db
        self.versionsPerSite = versionsPerSite
        self.leaseDuration = leaseDuration
        self.events = events
        self.now = now
    }

    // MARK: Requests

    /// Records a new request with its triage outcome — and its job when one is queued — in one transaction, so a
    /// request is never left `queued` without a job.
    package func open(siteID: Int64, userID: Int64, message: String, outcome: TriageOutcome) async throws -> Int64 {
        let at = now()
        let (requestID, jobID, state) = try await db.write { db -> (Int64, Int64?, RequestState) in
            var record = RequestRecord(
                id: nil, siteId: siteID, userId: userID, message: message, state: .needsInput,
                question: nil, answer: nil, reply: nil, jobId: nil, version: nil, createdAt: at, updatedAt: at)
            try record.insert(db)
            record.id = db.lastInsertedRowID
            let (jobID, state) = try Self.apply(outcome, to: &record, db: db, at: at)
            return (record.id ?? 0, jobID, state)
        }
        if jobID != nil { work.notify() }
        await publishRequest(siteID: siteID, requestID: requestID, jobID: jobID, state: state, at: at)
        return requestID
    }

    /// Applies the triage of an answered question (the request waits in `needsInput`); the answer is kept.
    package func resolve(requestID: Int64, answer: String, outcome: TriageOutcome) async throws {
        let at = now()
        let (siteID, jobID, state) = try await db.write { db -> (Int64, Int64?, RequestState) in
            guard var record = try RequestRecord.fetchOne(db, key: requestID) else { throw ServerError.notFound("No request \(requestID).") }
            record.answer = answer
            let (jobID, state) = try Self.apply(outcome, to: &record, db: db, at: at)
            return (record.siteId, jobID, state)
        }
        if jobID != nil { work.notify() }
        await publishRequest(siteID: siteID, requestID: requestID, jobID: jobID, state: state, at: at)
    }

    private static func apply(_ outcome: TriageOutcome, to record: inout RequestRecord, db: Database, at: Date) throws -> (Int64?, RequestState) {
        let event: RequestEvent
        var jobID: Int64?
        switch outcome {
        case .queue(let summary):
            event = .queuedJob
            jobID = try enqueue(db, siteID: record.siteId, requestID: record.id, kind: "chat", at: at)
            // An answered question stays with its answer: the worker's agent must see both, or a free-text answer
            // ("set the tagline to …" answering "make it pop") is read as the bare question again.
            if record.answer == nil { record.question = nil }
            record.reply = summary
        case .ask(let question, let text):
            event = .asked
            record.question = question
            record.reply = text
        case .noChange(let reason):
            event = .closedNoChange
            record.reply = reason
        case .unsupported(let reason):
            event = .closedUnsupported
            record.reply = reason
        case .failed(let reply):
            event = .failed
            record.reply = reply
        }
        let state = try transition(record, event)
        record.state = state
        record.jobId = jobID ?? record.jobId
        record.updatedAt = at
        try record.update(db)
        return (jobID, state)
    }

    /// Whether the site has requests whose jobs have not run yet: a request that looks like "no change" against
    /// the latest version may be a change against what those produce, so it is decided when its own job runs.
    package func hasPendingJobs(siteID: Int64) async throws -> Bool {
        try await db.read { db in
            try JobRecord.filter(Column("site_id") == siteID && [JobState.queued.rawValue, JobState.running.rawValue].contains(Column("state")))
                .fetchCount(db) > 0
        }
    }

    /// Cancels a request: one waiting for an answer or queued is closed (its queued job with it); a running one has
    /// its job asked to stop (the worker closes it).
    package func cancel(requestID: Int64) async throws {
        let at = now()
        let (siteID, state) = try await db.write { db -> (Int64, RequestState) in
            guard var record = try RequestRecord.fetchOne(db, key: requestID) else { throw ServerError.notFound("No request \(requestID).") }
            let current = record.state
            if current == .running {
                try db.execute(sql: "UPDATE jobs SET cancel_requested = 1 WHERE request_id = ? AND state = 'running'", arguments: [requestID])
                return (record.siteId, current)
            }
            guard let next = current.after(.cancelled) else {
                throw ServerError.conflict("Request \(requestID) is already \(current.rawValue).")
            }
            record.state = next
            record.reply = record.reply ?? "Cancelled; nothing was changed."
            record.updatedAt = at
            try record.update(db)
            for var job in try JobRecord.filter(Column("request_id") == requestID && Column("state") == JobState.queued.rawValue).fetchAll(db) {
                job.state = try Self.transition(job, .cancelled)
                job.finishedAt = at
                job.error = "cancelled by the user"
                try job.update(db)
            }
            return (record.siteId, next)
        }
        await publishRequest(siteID: siteID, requestID: requestID, jobID: nil, state: state, at: at)
    }

    /// Cancels a job: a queued one (and its request) at once; a running one is asked to stop.
    package func cancel(jobID: Int64) async throws {
        let requestID = try await db.read { db in try JobRecord.fetchOne(db, key: jobID) }.map { ($0.requestId, $0.state) }
        guard let (request, state) = requestID else { throw ServerError.notFound("No job \(jobID).", hint: "sitectl jobs list") }
        if let request {
            try await cancel(requestID: request)
            return
        }
        let at = now()
        try await db.write { db in
            guard var job = try JobRecord.fetchOne(db, key: jobID) else { return }
            if job.state == .running {
                job.cancelRequested = true
            } else {
                guard let next = (job.state).after(.cancelled) else {
                    throw ServerError.conflict("Job \(jobID) already \(state).")
                }
                job.state = next
                job.finishedAt = at
            }
            try job.update(db)
        }
    }

    // MARK: Jobs

    /// Adds a job inside the caller's transaction.
    package static func enqueue(_ db: Database, siteID: Int64, requestID: Int64?, kind: String, at: Date) throws -> Int64 {
        let job = JobRecord(
            id: nil, siteId: siteID, requestId: requestID, kind: kind, state: .queued, priority: 0,
            attempts: 0, maxAttempts: 3, leaseOwner: nil, leaseExpiresAt: nil, cancelRequested: false, error: nil,
            version: nil, createdAt: at, startedAt: nil, finishedAt: nil)
        try job.insert(db)
        return db.lastInsertedRowID
    }

    /// Claims the oldest queued job of a site nobody holds, and locks that site (the fencing token advances).
    ///
    /// A site whose lock is held — even past its lease — is skipped: its job is still `running` until the reaper
    /// requeues it, and running a newer request first would break the site's order.
    package func claim(worker: String) async throws -> ClaimedJob? {
        let at = now()
        let hasWork = try await db.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'queued')") ?? false
        }
        guard hasWork else { return nil }
        let expires = at.addingTimeInterval(leaseDuration)
        let claimed = try await db.write { db -> ClaimedJob? in
            // Raw SQL: the one query that needs a join and a per-site minimum.
            guard
                var job = try JobRecord.fetchOne(
                    db,
                    sql: """
                        SELECT jobs.* FROM jobs LEFT JOIN site_locks ON site_locks.site_id = jobs.site_id
                        WHERE jobs.state = 'queued' AND site_locks.holder IS NULL
                          AND NOT EXISTS (SELECT 1 FROM jobs AS running WHERE running.site_id = jobs.site_id AND running.state = 'running')
                        ORDER BY jobs.priority DESC, jobs.id ASC LIMIT 1
                        """)
            else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO site_locks (site_id, holder, fence, expires_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(site_id) DO UPDATE SET holder = excluded.holder, fence = site_locks.fence + 1,
                        expires_at = excluded.expires_at
                    WHERE site_locks.holder IS NULL
                    """, arguments: [job.siteId, worker, expires])
            guard db.changesCount == 1 else { return nil }
            let fence = try Int64.fetchOne(db, sql: "SELECT fence FROM site_locks WHERE site_id = ?", arguments: [job.siteId]) ?? 0
            job.state = try Self.transition(job, .claimed)
            job.attempts += 1
            job.leaseOwner = worker
            job.leaseExpiresAt = expires
            job.startedAt = at
            try job.update(db)
            if let requestID = job.requestId, var request = try RequestRecord.fetchOne(db, key: requestID) {
                request.state = try Self.transition(request, .jobClaimed)
                request.updatedAt = at
                try request.update(db)
            }
            let siteName = try String.fetchOne(db, sql: "SELECT name FROM sites WHERE id = ?", arguments: [job.siteId]) ?? ""
            return ClaimedJob(job: job, fence: fence, siteName: siteName)
        }
        if let claimed, let requestID = claimed.job.requestId {
            await publishRequest(site: claimed.siteName, siteID: claimed.job.siteId, requestID: requestID, jobID: claimed.id, state: .running, at: at)
        }
        return claimed
    }

    /// Extends the job's lease and the site lock. False when the lease was lost (another holder or a newer token).
    package func renew(_ claimed: ClaimedJob, worker: String) async throws -> Bool {
        let expires = now().addingTimeInterval(leaseDuration)
        return try await db.write { db in
            try db.execute(
                sql: "UPDATE site_locks SET expires_at = ? WHERE site_id = ? AND holder = ? AND fence = ?",
                arguments: [expires, claimed.job.siteId, worker, claimed.fence])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql: "UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'",
                arguments: [expires, claimed.id, worker])
            return db.changesCount == 1
        }
    }

    /// Whether someone asked to cancel the job.
    package func isCancelRequested(_ jobID: Int64) async throws -> Bool {
        try await db.read { db in
            try Bool.fetchOne(db, sql: "SELECT cancel_requested FROM jobs WHERE id = ?", arguments: [jobID]) ?? false
        }
    }

    /// Ends a claimed job in one transaction: its version row (if any), its request's state and reply, the job's
    /// state, and the lock's release. Throws ``LeaseLostError`` — having written nothing — unless this worker still
    /// holds the site lock with the token it claimed it with and the job is still its own.
    @discardableResult
    package func finish(_ claimed: ClaimedJob, worker: String, result proposed: JobResult) async throws -> FinishedJob {
        let at = now()
        let quota = versionsPerSite
        let finished = try await db.write { db -> FinishedJob in
            try Self.requireLease(db, claimed, worker: worker)
            var result = proposed
            if case .stored = result, quota > 0,
               let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions WHERE site_id = ?", arguments: [claimed.job.siteId]),
               count >= quota {
                result = .closed(.failed, reply: "Not stored: this site has \(count) versions, the most this daemon keeps per site. "
                    + "Delete old versions (sitectl versions delete \(claimed.siteName)@N), then send the request again.")
            }
            guard var job = try JobRecord.fetchOne(db, key: claimed.id) else { throw LeaseLostError() }
            var version: Int?
            var requestState: RequestState?
            if let requestID = job.requestId, var request = try RequestRecord.fetchOne(db, key: requestID) {
                switch result {
                case .stored(let prepared, let reply):
                    version = try prepared.insert(db, siteID: job.siteId, requestID: requestID, fence: claimed.fence, at: at)
                    request.state = try Self.transition(request, .versionStored)
                    request.reply = reply(version ?? 0)
                    request.version = version
                case .closed(let state, let reply):
                    let event: RequestEvent =
                        switch state {
                        case .noChange: .closedNoChange
                        case .unsupported: .closedUnsupported
                        case .cancelled: .cancelled
                        default: .failed
                        }
                    request.state = try Self.transition(request, event)
                    request.reply = reply
                case .asked(let question, let text):
                    request.state = try Self.transition(request, .asked)
                    request.question = question
                    request.reply = text
                    request.jobId = nil
                }
                request.updatedAt = at
                try request.update(db)
                requestState = request.state
            } else if case .stored(let prepared, _) = result {
                version = try prepared.insert(db, siteID: job.siteId, requestID: nil, fence: claimed.fence, at: at)
            }
            let jobEvent: JobEvent =
                switch result.jobState {
                case .failed: .failed
                case .cancelled: .cancelled
                default: .succeeded
                }
            job.state = try Self.transition(job, jobEvent)
            if case .closed(let state, let reply) = result, state == .failed || state == .cancelled { job.error = reply }
            job.version = version
            job.finishedAt = at
            job.leaseOwner = nil
            job.leaseExpiresAt = nil
            try job.update(db)
            try Self.releaseLock(db, siteID: job.siteId, worker: worker, fence: claimed.fence)
            return FinishedJob(jobState: job.state, requestState: requestState, version: version)
        }
        // The site's lock is free: its next queued job is claimable now.
        work.notify()
        if let requestID = claimed.job.requestId, let state = finished.requestState {
            await publishRequest(site: claimed.siteName, siteID: claimed.job.siteId, requestID: requestID, jobID: claimed.id, state: state, at: at, version: finished.version)
        }
        if let version = finished.version {
            events.publish(
                Event(kind: .versionCreated, site: claimed.siteName, time: at, requestId: claimed.job.requestId, jobId: claimed.id, version: version),
                siteID: claimed.job.siteId)
        }
        return finished
    }

    /// Puts a job back in the queue (a graceful stop interrupted it) and releases its lock; nothing when the lease
    /// was lost already.
    package func requeue(_ claimed: ClaimedJob, worker: String, reason: String) async throws {
        let at = now()
        try await db.write { db in
            try Self.requireLease(db, claimed, worker: worker)
            guard var job = try JobRecord.fetchOne(db, key: claimed.id) else { return }
            // Our own stop interrupted it: not a failed attempt (only crashes and lost leases count).
            job.attempts = max(0, job.attempts - 1)
            try Self.requeue(&job, db: db, reason: reason, at: at)
            try Self.releaseLock(db, siteID: job.siteId, worker: worker, fence: claimed.fence)
        }
        work.notify()
    }

    /// Reclaims jobs whose lease expired while the daemon runs (a stalled or lost worker): each goes back to the
    /// queue (or fails after its last attempt) and its lock is released with a new token, so the old worker's
    /// writes are refused. With `all` (start-up, under the data dir's lock: every running job is an orphan) leases
    /// are not waited out, and requests stranded without a live job are closed.
    /// `sparing` names this process's workers that are running a job right now: their renewer is alive (a
    /// SIGSTOP of the whole daemon expires every lease at once, and on SIGCONT the reaper must not take jobs
    /// from workers that are about to renew).
    package func reap(all: Bool = false, sparing: Set<String> = []) async throws -> Recovered {
        let at = now()
        let (recovered, touched) = try await db.write { db -> (Recovered, [(Int64, Int64, RequestState)]) in
            var recovered = Recovered()
            var touched: [(Int64, Int64, RequestState)] = []
            let orphans = try JobRecord.fetchAll(
                db, sql: "SELECT * FROM jobs WHERE state = 'running' AND (? OR lease_expires_at IS NULL OR lease_expires_at < ?)",
                arguments: [all, at])
            for var job in orphans where all || !sparing.contains(job.leaseOwner ?? "") {
                guard let id = job.id else { continue }
                if job.attempts >= job.maxAttempts {
                    try Self.fail(&job, db: db, reply: "The worker stopped during this job \(job.attempts) times; giving up. Nothing was changed.", at: at)
                    recovered.failed.append(id)
                } else {
                    try Self.requeue(&job, db: db, reason: "The worker stopped during attempt \(job.attempts); requeued.", at: at)
                    recovered.requeued.append(id)
                }
                if let requestID = job.requestId, let state = try String.fetchOne(db, sql: "SELECT state FROM build_requests WHERE id = ?", arguments: [requestID]) {
                    touched.append((job.siteId, requestID, RequestState(rawValue: state) ?? .failed))
                }
                try db.execute(
                    sql: "UPDATE site_locks SET holder = NULL, expires_at = NULL, fence = fence + 1 WHERE site_id = ?", arguments: [job.siteId])
            }
            // Locks whose holder has no running job (its job was finished by someone else, or never claimed).
            try db.execute(
                sql: """
                    UPDATE site_locks SET holder = NULL, expires_at = NULL, fence = fence + 1
                    WHERE holder IS NOT NULL AND (? OR expires_at < ?)
                      AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.site_id = site_locks.site_id AND jobs.state = 'running')
                    """, arguments: [all, at])
            if all {
                let stranded = try RequestRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM build_requests WHERE state IN ('queued', 'running')
                          AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.request_id = build_requests.id AND jobs.state IN ('queued', 'running'))
                        """)
                for var request in stranded {
                    guard let id = request.id else { continue }
                    request.state = try Self.transition(request, .failed)
                    request.reply = "The daemon stopped before this request reached the queue. Nothing was changed; send it again."
                    request.updatedAt = at
                    try request.update(db)
                    recovered.strandedRequests.append(id)
                    touched.append((request.siteId, id, .failed))
                }
            }
            return (recovered, touched)
        }
        for (siteID, requestID, state) in touched { await publishRequest(siteID: siteID, requestID: requestID, jobID: nil, state: state, at: at) }
        return recovered
    }

    // MARK: Helpers

    private static func requireLease(_ db: Database, _ claimed: ClaimedJob, worker: String) throws {
        let lock = try Row.fetchOne(db, sql: "SELECT holder, fence FROM site_locks WHERE site_id = ?", arguments: [claimed.job.siteId])
        let job = try Row.fetchOne(db, sql: "SELECT state, lease_owner FROM jobs WHERE id = ?", arguments: [claimed.id])
        guard let lock, let job, lock["holder"] as String? == worker, lock["fence"] as Int64? == claimed.fence,
            job["state"] as String? == JobState.running.rawValue, job["lease_owner"] as String? == worker
        else { throw LeaseLostError() }
    }

    private static func requeue(_ job: inout JobRecord, db: Database, reason: String, at: Date) throws {
        job.state = try transition(job, .requeued)
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        job.error = reason
        try job.update(db)
        if let requestID = job.requestId, var request = try RequestRecord.fetchOne(db, key: requestID),
            let next = request.state.after(.jobRequeued)
        {
            request.state = next
            request.updatedAt = at
            try request.update(db)
        }
    }

    private static func fail(_ job: inout JobRecord, db: Database, reply: String, at: Date) throws {
        job.state = try transition(job, .failed)
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        job.error = reply
        job.finishedAt = at
        try job.update(db)
        if let requestID = job.requestId, var request = try RequestRecord.fetchOne(db, key: requestID),
            let next = request.state.after(.failed)
        {
            request.state = next
            request.reply = reply
            request.updatedAt = at
            try request.update(db)
        }
    }

    /// Releases the lock if this worker still holds it with this token; the token advances, so nothing signed with
    /// the old one is accepted again.
    private static func releaseLock(_ db: Database, siteID: Int64, worker: String, fence: Int64) throws {
        try db.execute(
            sql: "UPDATE site_locks SET holder = NULL, expires_at = NULL, fence = fence + 1 WHERE site_id = ? AND holder = ? AND fence = ?",
            arguments: [siteID, worker, fence])
    }

    static func transition(_ request: RequestRecord, _ event: RequestEvent) throws -> RequestState {
        let state = request.state
        guard let next = state.after(event) else {
            throw IllegalTransition(subject: "request \(request.id ?? 0)", state: state.rawValue, event: event.description)
        }
        return next
    }

    static func transition(_ job: JobRecord, _ event: JobEvent) throws -> JobState {
        let state = job.state
        guard let next = state.after(event) else {
            throw IllegalTransition(subject: "job \(job.id ?? 0)", state: state.rawValue, event: event.description)
        }
        return next
    }

    /// Publishes a request's new state; the site's name is looked up (off the caller's transaction) when the
    /// caller does not have it. A site deleted meanwhile has no subscribers left: nothing is published.
    private func publishRequest(
        site: String? = nil, siteID: Int64, requestID: Int64, jobID: Int64?, state: RequestState, at: Date, version: Int? = nil
    ) async {
        var name = site
        if name == nil {
            do {
                name = try await db.read { db in try String.fetchOne(db, sql: "SELECT name FROM sites WHERE id = ?", arguments: [siteID]) }
            } catch {
                Logger(label: "sitectl.lifecycle").error("request event not published", metadata: ["request": "\(requestID)", "error": "\(error)"])
            }
        }
        guard let name else { return }
        events.publish(
            Event(kind: .requestState, site: name, time: at, requestId: requestID, jobId: jobID, version: version, state: state.rawValue),
            siteID: siteID)
    }
}

/// The site lock was taken over or released (lease expired): the worker must stop and write nothing more.
package struct LeaseLostError: Error, CustomStringConvertible {
    package var description: String { "the job's lease was lost; nothing was written" }
}
