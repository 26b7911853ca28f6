package import Foundation
package import GRDB
package import SiteAPI

/// A job a worker has claimed, with the fencing token of the site lock it holds.
package struct ClaimedJob: Sendable {
    package var job: JobRecord
    package var fence: Int64
    package var siteName: String
    package var id: Int64 { job.id ?? 0 }
}

/// The durable job queue and the per-site locks, in the metadata database.
///
/// Claiming a job and taking its site's lock happen in one transaction: a worker never runs a job without the lock.
/// The lock's fencing token increases on every acquisition and is checked when the job writes its version.
package struct JobQueue: Sendable {
    let db: any DatabaseWriter
    let leaseDuration: TimeInterval
    let now: @Sendable () -> Date

    package init(db: any DatabaseWriter, leaseDuration: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.db = db
        self.leaseDuration = leaseDuration
        self.now = now
    }

    /// Adds a job inside the caller's transaction.
    package static func enqueue(_ db: Database, siteID: Int64, requestID: Int64?, kind: String, at: Date) throws -> Int64 {
        let job = JobRecord(
            id: nil, siteId: siteID, requestId: requestID, kind: kind, state: JobState.queued.rawValue, priority: 0,
            attempts: 0, maxAttempts: 3, leaseOwner: nil, leaseExpiresAt: nil, cancelRequested: false, error: nil,
            version: nil, createdAt: at, startedAt: nil, finishedAt: nil)
        try job.insert(db)
        return db.lastInsertedRowID
    }

    /// Claims the oldest queued job whose site is not locked, and locks that site. Nil when there is none.
    package func claim(worker: String) async throws -> ClaimedJob? {
        let at = now()
        let hasWork = try await db.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'queued')") ?? false
        }
        guard hasWork else { return nil }
        let expires = at.addingTimeInterval(leaseDuration)
        return try await db.write { db -> ClaimedJob? in
            guard
                var job = try JobRecord.fetchOne(
                    db,
                    sql: """
                        SELECT jobs.* FROM jobs LEFT JOIN site_locks ON site_locks.site_id = jobs.site_id
                        WHERE jobs.state = 'queued'
                          AND (site_locks.holder IS NULL OR site_locks.expires_at < ?)
                        ORDER BY jobs.priority DESC, jobs.id ASC LIMIT 1
                        """, arguments: [at])
            else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO site_locks (site_id, holder, fence, expires_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(site_id) DO UPDATE SET holder = excluded.holder, fence = site_locks.fence + 1,
                        expires_at = excluded.expires_at
                    """, arguments: [job.siteId, worker, expires])
            let fence = try Int64.fetchOne(db, sql: "SELECT fence FROM site_locks WHERE site_id = ?", arguments: [job.siteId]) ?? 0
            job.state = JobState.running.rawValue
            job.attempts += 1
            job.leaseOwner = worker
            job.leaseExpiresAt = expires
            job.startedAt = at
            try job.update(db)
            if let requestID = job.requestId {
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'running', updated_at = ? WHERE id = ?", arguments: [at, requestID])
            }
            let siteName = try String.fetchOne(db, sql: "SELECT name FROM sites WHERE id = ?", arguments: [job.siteId]) ?? ""
            return ClaimedJob(job: job, fence: fence, siteName: siteName)
        }
    }

    /// Extends the job's lease and the site lock. False when the lock was lost (another holder or a newer fence).
    package func renew(_ claimed: ClaimedJob, worker: String) async throws -> Bool {
        let expires = now().addingTimeInterval(leaseDuration)
        return try await db.write { db in
            try db.execute(
                sql: "UPDATE site_locks SET expires_at = ? WHERE site_id = ? AND holder = ? AND fence = ?",
                arguments: [expires, claimed.job.siteId, worker, claimed.fence])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql: "UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?",
                arguments: [expires, claimed.id, worker])
            return true
        }
    }

    /// Whether someone asked to cancel the job.
    package func isCancelRequested(_ jobID: Int64) async throws -> Bool {
        try await db.read { db in
            try Bool.fetchOne(db, sql: "SELECT cancel_requested FROM jobs WHERE id = ?", arguments: [jobID]) ?? false
        }
    }

    /// Marks the job finished and releases the site lock, in one transaction.
    package func finish(_ claimed: ClaimedJob, worker: String, state: JobState, error: String?, version: Int?) async throws {
        let at = now()
        try await db.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = ?, error = ?, version = ?, finished_at = ?, lease_owner = NULL,
                        lease_expires_at = NULL WHERE id = ?
                    """, arguments: [state.rawValue, error, version, at, claimed.id])
            try Self.releaseLock(db, siteID: claimed.job.siteId, worker: worker, fence: claimed.fence)
        }
    }

    /// Puts a job back in the queue (graceful shutdown interrupted it) and releases its lock.
    package func requeue(_ claimed: ClaimedJob, worker: String, reason: String) async throws {
        let at = now()
        try await db.write { db in
            try db.execute(
                sql: "UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, error = ? WHERE id = ?",
                arguments: [reason, claimed.id])
            if let requestID = claimed.job.requestId {
                try db.execute(
                    sql: "UPDATE build_requests SET state = 'queued', updated_at = ? WHERE id = ?", arguments: [at, requestID])
            }
            try Self.releaseLock(db, siteID: claimed.job.siteId, worker: worker, fence: claimed.fence)
        }
    }

    private static func releaseLock(_ db: Database, siteID: Int64, worker: String, fence: Int64) throws {
        try db.execute(
            sql: "UPDATE site_locks SET holder = NULL, expires_at = NULL WHERE site_id = ? AND holder = ? AND fence = ?",
            arguments: [siteID, worker, fence])
    }

    /// After a crash: jobs left `running` by a worker that is gone go back to the queue, or fail once they used up
    /// their attempts; their locks are released. With `allRunning` (the embedded daemon owns every worker, so at
    /// start-up every running job is an orphan) leases are not waited out.
    package func recoverOrphans(allRunning: Bool) async throws -> (requeued: [Int64], failed: [Int64]) {
        let at = now()
        return try await db.write { db in
            let orphans = try JobRecord.fetchAll(
                db,
                sql: "SELECT * FROM jobs WHERE state = 'running' AND (? OR lease_expires_at < ?)",
                arguments: [allRunning, at])
            var requeued: [Int64] = []
            var failed: [Int64] = []
            for var job in orphans {
                guard let id = job.id else { continue }
                job.leaseOwner = nil
                job.leaseExpiresAt = nil
                if job.attempts >= job.maxAttempts {
                    job.state = JobState.failed.rawValue
                    job.error = "The worker stopped during the job \(job.attempts) times; giving up."
                    job.finishedAt = at
                    failed.append(id)
                } else {
                    job.state = JobState.queued.rawValue
                    job.error = "The worker stopped during attempt \(job.attempts); requeued."
                    requeued.append(id)
                }
                try job.update(db)
                if let requestID = job.requestId {
                    let requestState = job.state == JobState.failed.rawValue ? "failed" : "queued"
                    try db.execute(
                        sql: "UPDATE build_requests SET state = ?, reply = COALESCE(?, reply), updated_at = ? WHERE id = ?",
                        arguments: [requestState, requestState == "failed" ? job.error : nil, at, requestID])
                }
            }
            if allRunning {
                try db.execute(sql: "UPDATE site_locks SET holder = NULL, expires_at = NULL")
            } else {
                try db.execute(sql: "UPDATE site_locks SET holder = NULL, expires_at = NULL WHERE expires_at < ?", arguments: [at])
            }
            return (requeued, failed)
        }
    }

    /// Appends a line to the job's log and returns it (for the event stream).
    package func appendLog(jobID: Int64, level: String, message: String) async throws -> LogLine {
        let at = now()
        return try await db.write { db in
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM job_logs WHERE job_id = ?", arguments: [jobID]) ?? 0) + 1
            try JobLogRecord(jobId: jobID, seq: seq, time: at, level: level, message: message).insert(db)
            return LogLine(jobId: jobID, seq: seq, time: at, level: level, message: message)
        }
    }

    package func logs(jobID: Int64, afterSeq: Int = 0) async throws -> [LogLine] {
        try await db.read { db in
            try JobLogRecord.filter(Column("job_id") == jobID && Column("seq") > afterSeq).order(Column("seq")).fetchAll(db)
                .map { LogLine(jobId: $0.jobId, seq: $0.seq, time: $0.time, level: $0.level, message: $0.message) }
        }
    }

    package func counts() async throws -> (queued: Int, running: Int) {
        try await db.read { db in
            let queued = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state = 'queued'") ?? 0
            let running = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state = 'running'") ?? 0
            return (queued, running)
        }
    }
}
