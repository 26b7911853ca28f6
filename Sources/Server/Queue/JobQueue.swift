package import Foundation
package import GRDB
package import SiteAPI

/// The job queue's read side and job logs; every state change goes through ``LifecycleStore``.
package struct JobQueue: Sendable {
    let db: any DatabaseWriter
    let now: @Sendable () -> Date

    package init(db: any DatabaseWriter, now: @escaping @Sendable () -> Date) {
        self.db = db
        self.now = now
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
