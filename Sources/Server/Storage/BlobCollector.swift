package import Foundation
package import GRDB
import Logging
import ServiceLifecycle

/// Deletes blobs no version references any more (a deleted site's files, a deleted version's log), mark and
/// sweep: every digest a version names, and every digest in its manifests, is kept.
///
/// A job stores its blobs before the version row that references them; a blob put (or put again) within
/// `grace` is never deleted, so the collector cannot race a job that is storing a version.
package struct BlobCollector: Sendable {
    let db: any DatabaseWriter
    let artifacts: ArtifactStore
    let grace: TimeInterval
    let now: @Sendable () -> Date

    package init(db: any DatabaseWriter, artifacts: ArtifactStore, grace: TimeInterval = 3600, now: @escaping @Sendable () -> Date) {
        self.db = db
        self.artifacts = artifacts
        self.grace = grace
        self.now = now
    }

    /// What one collection did.
    package struct Outcome: Sendable, Equatable {
        package var removed = 0
        package var bytes: Int64 = 0
        package var kept = 0
        /// Set when a version's manifest could not be read: nothing is removed then, because the files it lists
        /// are unknown (a rebuild by `sitectl doctor --fix` may restore the manifest and needs them).
        package var skippedBecause: String?
    }

    /// One mark-and-sweep pass.
    package func collect() async throws -> Outcome {
        // Plain strings out of the closure (a `Row` result would bind to GRDB's blocking `read`).
        let rows: [[String: String]] = try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT source_manifest, output_manifest, build_log, transcript, screenshot FROM versions").map { row in
                var values: [String: String] = [:]
                for column in ["source_manifest", "output_manifest", "build_log", "transcript", "screenshot"] {
                    if let value: String = row[column] { values[column] = value }
                }
                return values
            }
        }
        var live = Set<String>()
        for row in rows {
            for column in ["build_log", "transcript", "screenshot"] {
                if let digest = row[column] { live.insert(digest) }
            }
            for column in ["source_manifest", "output_manifest"] {
                guard let digest = row[column] else { continue }
                live.insert(digest)
                do {
                    for entry in try artifacts.manifest(digest).entries { live.formUnion(entry.digests) }
                } catch {
                    return Outcome(skippedBecause: "manifest \(digest) cannot be read (\(error))")
                }
            }
        }
        let cutoff = now().addingTimeInterval(-grace)
        var outcome = Outcome()
        for blob in try artifacts.blobs.inventory() {
            if live.contains(blob.digest) || blob.lastPut > cutoff {
                outcome.kept += 1
                continue
            }
            try artifacts.blobs.remove(blob.digest)
            outcome.removed += 1
            outcome.bytes += blob.size
        }
        return outcome
    }
}

/// Runs the collector every `interval` until shutdown.
struct BlobCollectorService: Service {
    let collector: BlobCollector
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let interval = self.interval
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            if Task.isShuttingDownGracefully { return }
            do {
                let outcome = try await collector.collect()
                if let reason = outcome.skippedBecause {
                    logger.error("blob collection skipped: run sitectl doctor", metadata: ["reason": "\(reason)"])
                } else if outcome.removed > 0 {
                    logger.info("collected unreferenced blobs", metadata: ["removed": "\(outcome.removed)", "bytes": "\(outcome.bytes)"])
                }
            } catch {
                logger.error("blob collection failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
