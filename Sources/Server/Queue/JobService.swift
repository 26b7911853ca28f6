import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI

/// Jobs as users see them: list, show, logs, cancel; every call checks the site's owner.
package struct JobService: Sendable {
    let db: any DatabaseWriter
    let queue: JobQueue
    let lifecycle: LifecycleStore
    let sites: SiteService

    package init(db: any DatabaseWriter, queue: JobQueue, lifecycle: LifecycleStore, sites: SiteService) {
        self.db = db
        self.queue = queue
        self.lifecycle = lifecycle
        self.sites = sites
    }

    package func list(for user: UserRecord, site: String?, state: JobState?, limit: Int) async throws -> [Job] {
        var selectedSite: Int64?
        if let site { selectedSite = try await sites.site(named: site, for: user).id }
        let siteID = selectedSite
        return try await db.read { db in
            var sql = """
                SELECT jobs.*, sites.name AS site_name FROM jobs JOIN sites ON sites.id = jobs.site_id
                WHERE sites.owner_id = ?
                """
            var arguments: StatementArguments = [user.id]
            if let siteID { sql += " AND jobs.site_id = ?"; arguments += [siteID] }
            if let state { sql += " AND jobs.state = ?"; arguments += [state.rawValue] }
            sql += " ORDER BY jobs.id DESC LIMIT ?"
            arguments += [max(1, min(limit, 500))]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.apiJob)
        }
    }

    /// The job, if its site belongs to `user`. Another account's job is answered exactly like one that does not
    /// exist (a 403 would confirm the id), so the owner is part of the query.
    package func show(jobID: Int64, for user: UserRecord) async throws -> Job {
        // A `Job` (Sendable) out of the closure, not a `Row`: with a `Row` this bound to GRDB's blocking `read`, and a
        // dozen `jobs logs -f` at once held both concurrency threads waiting for readers (the daemon froze).
        let job: Job? = try await db.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT jobs.*, sites.name AS site_name FROM jobs JOIN sites ON sites.id = jobs.site_id
                    WHERE jobs.id = ? AND sites.owner_id = ?
                    """,
                arguments: [jobID, user.id]
            ).map(Self.apiJob)
        }
        guard let job else { throw ServerError.notFound("No job \(jobID).", hint: "sitectl jobs list") }
        return job
    }

    package func logs(jobID: Int64, afterSeq: Int, for user: UserRecord) async throws -> [LogLine] {
        _ = try await show(jobID: jobID, for: user)
        return try await queue.logs(jobID: jobID, afterSeq: afterSeq)
    }

    package func cancel(jobID: Int64, for user: UserRecord) async throws -> Job {
        let job = try await show(jobID: jobID, for: user)
        guard !job.state.isTerminal else { throw ServerError.conflict("Job \(jobID) already \(job.state.rawValue).") }
        try await lifecycle.cancel(jobID: jobID)
        return try await show(jobID: jobID, for: user)
    }

    static func apiJob(_ row: Row) -> Job {
        Job(
            id: row["id"], site: row["site_name"], requestId: row["request_id"], kind: row["kind"],
            state: JobState(rawValue: row["state"]) ?? .failed, attempts: row["attempts"], error: row["error"],
            version: row["version"], createdAt: row["created_at"], startedAt: row["started_at"], finishedAt: row["finished_at"])
    }
}
