package import Foundation
package import GRDB
package import SiteCompiler
import Logging
import ServiceLifecycle

/// Verifies every blob against its name and every version's references against the store; repairs what a
/// rebuild from the version's source reproduces. Used by `sitectl doctor [--fix]` and by the daemon's scrub.
///
/// Nothing here deletes: a damaged blob that cannot be rebuilt stays (and keeps failing its reads with a clear
/// error) until the operator restores it from a backup or deletes the versions that use it.
package struct StoreAudit: Sendable {
    let db: any DatabaseReader
    let artifacts: ArtifactStore

    package init(db: any DatabaseReader, artifacts: ArtifactStore) {
        self.db = db
        self.artifacts = artifacts
    }

    /// Where a version uses a blob: `output index.html`, `source content/_index.md`, `output manifest`, `build log`.
    package struct Use: Sendable, Codable, Equatable, Hashable {
        package var site: String
        package var version: Int
        package var role: String
    }

    package struct Damage: Sendable, Codable, Equatable {
        package enum State: String, Sendable, Codable { case corrupt, missing }
        package var digest: String
        package var state: State
        /// Every place a version uses it (empty for a corrupt blob nothing references: the collector frees it).
        package var uses: [Use]
        /// True once `repair` rewrote it with verified bytes.
        package var repaired = false
        /// Why a repair was not possible.
        package var unrepairable: String?
    }

    package struct Report: Sendable, Codable, Equatable {
        package var blobs = 0
        package var bytes: Int64 = 0
        package var versions = 0
        /// `ok`, or the first lines of SQLite's integrity check.
        package var database = "ok"
        package var damaged: [Damage] = []
        /// Damage still there (not repaired).
        package var outstanding: [Damage] { damaged.filter { !$0.repaired } }
        package var healthy: Bool { database == "ok" && outstanding.isEmpty }
    }

    private struct VersionRow {
        var site: String
        var number: Int
        var createdAt: Date
        var sourceManifest: String
        var outputManifest: String
        var buildLog: String?
        var transcript: String?
        var screenshot: String?
    }

    private func versionRows() async throws -> [VersionRow] {
        try await db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT sites.name AS site, versions.number, versions.created_at, versions.source_manifest,
                       versions.output_manifest, versions.build_log, versions.transcript, versions.screenshot
                FROM versions JOIN sites ON sites.id = versions.site_id ORDER BY sites.name, versions.number
                """).map {
                VersionRow(
                    site: $0["site"], number: $0["number"], createdAt: $0["created_at"], sourceManifest: $0["source_manifest"],
                    outputManifest: $0["output_manifest"], buildLog: $0["build_log"], transcript: $0["transcript"],
                    screenshot: $0["screenshot"])
            }
        }
    }

    /// Reads every blob once (hashing it) and every version's manifests.
    package func run() async throws -> Report {
        var report = Report()
        report.database = try await db.read { db in
            let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check(5)")
            return lines == ["ok"] ? "ok" : lines.joined(separator: "; ")
        }
        // Versions first: a version committed after this read is not audited, and every blob of the versions read
        // was stored before they committed, so it is in the listing below (no false "missing" while jobs run).
        let rows = try await versionRows()
        var present = Set<String>()
        var corrupt = Set<String>()
        for blob in try artifacts.blobs.inventory() {
            present.insert(blob.digest)
            report.blobs += 1
            report.bytes += blob.size
            do {
                _ = try artifacts.blobs.get(blob.digest)
            } catch BlobError.corrupt {
                corrupt.insert(blob.digest)
            } catch BlobError.missing {
                present.remove(blob.digest)  // Removed since the listing (the collector): not damage.
            }
        }
        var uses: [String: [Use]] = [:]
        func use(_ digest: String, _ version: VersionRow, _ role: String) {
            uses[digest, default: []].append(Use(site: version.site, version: version.number, role: role))
        }
        report.versions = rows.count
        for row in rows {
            if let log = row.buildLog { use(log, row, "build log") }
            if let transcript = row.transcript { use(transcript, row, "agent transcript") }
            if let screenshot = row.screenshot { use(screenshot, row, "screenshot") }
            for (side, digest) in [("source", row.sourceManifest), ("output", row.outputManifest)] {
                use(digest, row, "\(side) manifest")
                guard !corrupt.contains(digest), present.contains(digest), let manifest = try? artifacts.manifest(digest) else { continue }
                for entry in manifest.entries {
                    use(entry.digest, row, "\(side) \(entry.path)")
                    if let br = entry.br { use(br.digest, row, "\(side) \(entry.path) (br)") }
                    if let gzip = entry.gzip { use(gzip.digest, row, "\(side) \(entry.path) (gzip)") }
                }
            }
        }
        for digest in corrupt.sorted() {
            report.damaged.append(Damage(digest: digest, state: .corrupt, uses: uses[digest] ?? []))
        }
        for (digest, users) in uses.sorted(by: { $0.key < $1.key }) where !present.contains(digest) {
            // Stored since the listing (a job finishing now): look again before calling it missing.
            if artifacts.blobs.contains(digest), (try? artifacts.blobs.get(digest)) != nil { continue }
            report.damaged.append(Damage(digest: digest, state: .missing, uses: users))
        }
        return report
    }

    /// Rebuilds each version that uses a damaged output blob from its source (when the source is intact) and
    /// stores the files whose rebuilt bytes have the damaged digest; the store's `put` replaces a corrupt file.
    /// Source blobs, logs, transcripts and screenshots exist nowhere else and are reported as unrepairable.
    package func repair(_ report: Report, compiler: SiteCompiler) async throws -> Report {
        var report = report
        let rows = try await versionRows()
        var rebuilt: [String: Data] = [:]  // digest → verified bytes from some rebuild
        var attempted = Set<String>()  // "site@N"
        var reasons: [String: String] = [:]
        for damage in report.damaged where damage.uses.contains(where: { $0.role.hasPrefix("output") }) {
            for use in damage.uses where use.role.hasPrefix("output") {
                let key = "\(use.site)@\(use.version)"
                guard !attempted.contains(key), rebuilt[damage.digest] == nil,
                    let row = rows.first(where: { $0.site == use.site && $0.number == use.version })
                else { continue }
                attempted.insert(key)
                do {
                    let source = try artifacts.load(row.sourceManifest)
                    let result = try compiler.compile(source, options: CompileOptions(now: row.createdAt))
                    // Built as the pipeline builds it (variants included), so the manifest's digest matches too.
                    // A damaged manifest does not say whether it had variants (versions stored before them have
                    // none): then both forms are made, and the one with the damaged digest is the one written.
                    let stored = try? artifacts.manifest(row.outputManifest)
                    let forms = stored.map { [$0.entries.contains { $0.br != nil || $0.gzip != nil }] } ?? [true, false]
                    for variants in forms {
                        let manifest = try Manifest.build(result.output, variants: variants) { data in
                            let digest = Digest.sha256Hex(data)
                            rebuilt[digest] = data
                            return digest
                        }.encoded()
                        rebuilt[Digest.sha256Hex(manifest)] = manifest
                    }
                } catch let error as BlobError {
                    reasons[damage.digest] = "\(key) cannot be rebuilt: its source is damaged (\(error))"
                } catch {
                    reasons[damage.digest] = "\(key) cannot be rebuilt: \(error)"
                }
            }
        }
        for index in report.damaged.indices {
            let digest = report.damaged[index].digest
            if let data = rebuilt[digest] {
                do {
                    try artifacts.blobs.put(data)
                    report.damaged[index].repaired = (try? artifacts.blobs.get(digest)) != nil
                    if !report.damaged[index].repaired { report.damaged[index].unrepairable = "the rewritten file does not verify" }
                } catch {
                    report.damaged[index].unrepairable = "it could not be rewritten: \(error)"
                }
            } else if report.damaged[index].uses.isEmpty {
                report.damaged[index].unrepairable = "no version uses it; the collector removes it"
            } else if let reason = reasons[digest] {
                report.damaged[index].unrepairable = reason
            } else if report.damaged[index].uses.contains(where: { $0.role.hasPrefix("output") }) {
                report.damaged[index].unrepairable = "a rebuild from source does not reproduce it (the theme changed since)"
            } else {
                report.damaged[index].unrepairable = "it exists nowhere else: restore the data dir's blobs/ from a backup"
            }
        }
        return report
    }
}

/// Audits the blob store every `interval` (first pass one interval after start) and logs what is damaged, with
/// the digest and the versions using it; `sitectl doctor --fix` repairs what can be rebuilt.
struct StoreScrubService: Service {
    let audit: StoreAudit
    let interval: Duration
    let logger: Logger
    /// Told the damaged digests after each pass (the site server drops them from memory, so the next request
    /// reads the blob again, fails its check and answers 503 instead of bytes the store no longer has).
    var onDamage: @Sendable ([String]) -> Void = { _ in }

    func run() async throws {
        // The first pass comes soon after start (a daemon restarted daily would otherwise never scrub).
        var wait = min(interval, .seconds(300))
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let pause = wait
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
                wait = interval
            } catch {
                return
            }
            if Task.isShuttingDownGracefully { return }
            do {
                let report = try await audit.run()
                if report.database != "ok" {
                    logger.error("scrub: the database fails its integrity check: run sitectl doctor", metadata: ["detail": "\(report.database)"])
                }
                if !report.damaged.isEmpty { onDamage(report.damaged.map(\.digest)) }
                for damage in report.damaged {
                    let uses = damage.uses.prefix(5).map { "\($0.site)@\($0.version) \($0.role)" }.joined(separator: ", ")
                    logger.error("scrub: blob \(damage.state.rawValue): run sitectl doctor --fix", metadata: [
                        "digest": "\(damage.digest)", "used_by": "\(uses)\(damage.uses.count > 5 ? " and \(damage.uses.count - 5) more" : "")",
                    ])
                }
                logger.info("scrub done", metadata: [
                    "blobs": "\(report.blobs)", "bytes": "\(report.bytes)", "damaged": "\(report.damaged.count)",
                ])
            } catch {
                logger.error("scrub failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
