import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI

/// Jobs as users see them: list, show, logs, cancel; every call checks the site's owner.
package struct JobService: Sendable {
    let db: any DatabaseWriter
    let queue: JobQueue
    let sites: SiteService

    package init(db: any DatabaseWriter, queue: JobQueue, sites: SiteService) {
        self.db = db
        self.queue = queue
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
        let row = try await db.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT jobs.*, sites.name AS site_name FROM jobs JOIN sites ON sites.id = jobs.site_id
                    WHERE jobs.id = ? AND sites.owner_id = ?
                    """,
                arguments: [jobID, user.id])
        }
        guard let row else { throw ServerError.notFound("No job \(jobID).", hint: "sitectl jobs list") }
        return Self.apiJob(row)
    }

    package func logs(jobID: Int64, afterSeq: Int, for user: UserRecord) async throws -> [LogLine] {
        _ = try await show(jobID: jobID, for: user)
        return try await queue.logs(jobID: jobID, afterSeq: afterSeq)
    }

    package func cancel(jobID: Int64, for user: UserRecord) async throws -> Job {
        let job = try await show(jobID: jobID, for: user)
        try await db.write { db in
            switch job.state {
            case .queued:
                try db.execute(sql: "UPDATE jobs SET state = 'cancelled', finished_at = ? WHERE id = ?", arguments: [Date(), jobID])
                if let requestID = job.requestId {
                    try db.execute(sql: "UPDATE build_requests SET state = 'cancelled' WHERE id = ?", arguments: [requestID])
                }
            case .running:
                try db.execute(sql: "UPDATE jobs SET cancel_requested = 1 WHERE id = ?", arguments: [jobID])
            default:
                throw ServerError.conflict("Job \(jobID) already \(job.state.rawValue).")
            }
        }
        return try await show(jobID: jobID, for: user)
    }

    static func apiJob(_ row: Row) -> Job {
        Job(
            id: row["id"], site: row["site_name"], requestId: row["request_id"], kind: row["kind"],
            state: JobState(rawValue: row["state"]) ?? .failed, attempts: row["attempts"], error: row["error"],
            version: row["version"], createdAt: row["created_at"], startedAt: row["started_at"], finishedAt: row["finished_at"])
    }
}
