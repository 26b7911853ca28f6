import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI
package import SiteCompiler

/// Versions of a site and the live/preview pointers: list, show, diff, deploy, preview, rollback, delete.
package struct VersionService: Sendable {
    let db: any DatabaseWriter
    let artifacts: ArtifactStore
    let sites: SiteService
    let events: EventBus
    let now: @Sendable () -> Date

    package init(db: any DatabaseWriter, artifacts: ArtifactStore, sites: SiteService, events: EventBus, now: @escaping @Sendable () -> Date) {
        self.db = db
        self.artifacts = artifacts
        self.sites = sites
        self.events = events
        self.now = now
    }

    package func list(site name: String, for user: UserRecord, limit: Int = 100) async throws -> [Version] {
        let site = try await sites.site(named: name, for: user)
        let records = try await db.read { db in
            try VersionRecord.filter(Column("site_id") == site.id).order(Column("number").desc).limit(max(1, min(limit, 1000)))
                .fetchAll(db)
        }
        return records.map { Self.apiVersion($0, site: site, withFindings: false) }
    }

    /// Resolves `N`, `live`, `preview`, `latest` or `previous` (the version live before the current one).
    package func resolve(_ ref: String, site: SiteRecord) async throws -> Int {
        let reference = ref.hasPrefix("@") ? String(ref.dropFirst()) : ref
        if let number = Int(reference.hasPrefix("v") ? String(reference.dropFirst()) : reference) { return number }
        let resolved: Int?
        switch reference {
        case "live": resolved = site.liveVersion
        case "preview": resolved = site.previewVersion
        case "latest":
            resolved = try await db.read { db in
                try Int.fetchOne(db, sql: "SELECT MAX(number) FROM versions WHERE site_id = ?", arguments: [site.id])
            }
        case "previous": resolved = try await previousLive(site: site)
        default:
            throw ServerError.badRequest(
                "'\(ref)' is not a version: use a number, @live, @preview, @latest or @previous.",
                hint: "sitectl versions list \(site.name)")
        }
        guard let resolved else {
            throw ServerError.notFound("\(site.name) has no \(reference) version.", hint: "sitectl versions list \(site.name)")
        }
        return resolved
    }

    /// The most recent version that was live and differs from the live one (deploying the live version again
    /// does not make it its own predecessor), skipping versions deleted since.
    private func previousLive(site: SiteRecord) async throws -> Int? {
        try await db.read { db in
            try Int.fetchOne(
                db, sql: """
                    SELECT version FROM deployments
                    WHERE site_id = ? AND pointer = 'live' AND version IS NOT ?
                      AND version IN (SELECT number FROM versions WHERE site_id = ?)
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [site.id, site.liveVersion, site.id])
        }
    }

    package func record(site: SiteRecord, number: Int) async throws -> VersionRecord {
        let record = try await db.read { db in
            try VersionRecord.filter(Column("site_id") == site.id && Column("number") == number).fetchOne(db)
        }
        guard let record else {
            throw ServerError.notFound("\(site.name)@\(number) does not exist.", hint: "sitectl versions list \(site.name)")
        }
        return record
    }

    package func show(site name: String, ref: String, for user: UserRecord) async throws -> Version {
        let site = try await sites.site(named: name, for: user)
        let number = try await resolve(ref, site: site)
        return Self.apiVersion(try await record(site: site, number: number), site: site, withFindings: true)
    }

    /// The version's build log, as stored with it.
    package func buildLog(site name: String, ref: String, for user: UserRecord) async throws -> String {
        let site = try await sites.site(named: name, for: user)
        let record = try await record(site: site, number: try await resolve(ref, site: site))
        guard let digest = record.buildLog else { return "" }
        return String(decoding: try artifacts.blobs.get(digest), as: UTF8.self)
    }

    /// The agent transcript (JSON) stored with the version; nil for versions no agent made.
    package func transcript(site name: String, ref: String, for user: UserRecord) async throws -> Data? {
        let site = try await sites.site(named: name, for: user)
        let record = try await record(site: site, number: try await resolve(ref, site: site))
        return try record.transcript.map { try artifacts.blobs.get($0) }
    }

    /// The home page screenshot (PNG) the browser checks stored with the version; nil when there is none.
    package func screenshot(site name: String, ref: String, for user: UserRecord) async throws -> Data? {
        let site = try await sites.site(named: name, for: user)
        let record = try await record(site: site, number: try await resolve(ref, site: site))
        return try record.screenshot.map { try artifacts.blobs.get($0) }
    }

    package func source(site name: String, ref: String, for user: UserRecord) async throws -> (Int, SiteFiles) {
        let site = try await sites.site(named: name, for: user)
        let number = try await resolve(ref, site: site)
        let record = try await record(site: site, number: number)
        return (number, try artifacts.load(record.sourceManifest))
    }

    /// Moves the live or preview pointer in one transaction: O(1), atomic, and recorded for rollback.
    package func move(
        pointer: String, site name: String, ref: String, force: Bool, for user: UserRecord
    ) async throws -> PointerMove {
        let site = try await sites.site(named: name, for: user)
        let number = try await resolve(ref, site: site)
        let version = try await record(site: site, number: number)
        if pointer == "live", version.checkStatus == .failed, !force {
            throw ServerError(.conflict, .checksFailed, "\(name)@\(number) failed its checks and is not deployed.",
                hint: "sitectl versions show \(name)@\(number)   (or deploy anyway with --force)")
        }
        return try await setPointer(pointer, site: site, to: number)
    }

    /// Rolls the live pointer back to the version live before the current one (or to `to`).
    package func rollback(site name: String, to ref: String?, for user: UserRecord) async throws -> PointerMove {
        let site = try await sites.site(named: name, for: user)
        let target: Int
        if let ref {
            target = try await resolve(ref, site: site)
        } else {
            guard let previous = try await previousLive(site: site) else {
                throw ServerError.conflict("\(name) has no earlier live version to roll back to.", hint: "sitectl versions list \(name)")
            }
            target = previous
        }
        _ = try await record(site: site, number: target)
        return try await setPointer("live", site: site, to: target)
    }

    private func setPointer(_ pointer: String, site: SiteRecord, to number: Int) async throws -> PointerMove {
        let at = now()
        let column = pointer == "live" ? "live_version" : "preview_version"
        let from: Int? = try await db.write { db in
            let from = try Int.fetchOne(db, sql: "SELECT \(column) FROM sites WHERE id = ?", arguments: [site.id])
            try db.execute(sql: "UPDATE sites SET \(column) = ?, updated_at = ? WHERE id = ?", arguments: [number, at, site.id])
            try db.execute(
                sql: "INSERT INTO deployments (site_id, pointer, version, previous, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [site.id, pointer, number, from, at])
            return from
        }
        events.publish(Event(kind: pointer == "live" ? .siteDeployed : .sitePreviewed, site: site.name, time: at, version: number), siteID: site.id ?? 0)
        return PointerMove(site: site.name, pointer: pointer, from: from, to: number)
    }

    /// Deletes a version that is neither live nor preview.
    package func delete(site name: String, ref: String, for user: UserRecord) async throws -> Int {
        let site = try await sites.site(named: name, for: user)
        let number = try await resolve(ref, site: site)
        _ = try await record(site: site, number: number)
        if site.liveVersion == number {
            throw ServerError.conflict("\(name)@\(number) is live and cannot be deleted.", hint: "Deploy another version first: sitectl versions deploy \(name)@N")
        }
        if site.previewVersion == number {
            throw ServerError.conflict("\(name)@\(number) is the preview and cannot be deleted.", hint: "Preview another version first: sitectl versions preview \(name)@N")
        }
        try await db.write { db in
            try db.execute(sql: "DELETE FROM versions WHERE site_id = ? AND number = ?", arguments: [site.id, number])
        }
        events.siteChanged(name)
        return number
    }

    package func diff(site name: String, from a: String, to b: String, for user: UserRecord) async throws -> VersionDiff {
        let site = try await sites.site(named: name, for: user)
        let from = try await resolve(a, site: site)
        let to = try await resolve(b, site: site)
        let old = try artifacts.load(try await record(site: site, number: from).sourceManifest)
        let new = try artifacts.load(try await record(site: site, number: to).sourceManifest)
        let files = SourcePolicy.changes(from: old, to: new).map { path, change in
            UnifiedDiff.file(path: path, change: change, old: old.files[path], new: new.files[path])
        }
        return VersionDiff(from: from, to: to, files: files)
    }

    static func apiVersion(_ record: VersionRecord, site: SiteRecord, withFindings: Bool) -> Version {
        let findings = withFindings ? record.findings : nil
        return Version(
            site: site.name, number: record.number, createdAt: record.createdAt, origin: record.origin,
            summary: record.summary, requestId: record.requestId,
            checkStatus: record.checkStatus, sourceFiles: record.sourceFiles,
            outputFiles: record.outputFiles, outputBytes: record.outputBytes, isLive: site.liveVersion == record.number,
            isPreview: site.previewVersion == record.number, findings: findings, browserChecks: record.browserChecks,
            hasScreenshot: record.screenshot != nil, baseVersion: record.baseVersion)
    }
}
