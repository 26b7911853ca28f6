package import Foundation
package import GRDB
package import SiteAPI
import Synchronization

/// The serving hot path's view of the database, in memory: site name → status and live/preview pointers, and
/// (site, version) → output manifest and creation time. Entries load from the database on first use and are
/// dropped, synchronously, when the site changes (``invalidate(site:)``, called from the event bus as a deploy,
/// rollback, preview, enable, disable, delete or version deletion commits), so a request after a deploy returns
/// never sees the old pointer. A load that raced an invalidation is not kept (the generation check).
package final class ServingTable: Sendable {
    package struct VersionInfo: Sendable {
        package var number: Int
        package var manifest: String
        package var lastModified: (text: String, date: Date)
    }

    package struct SiteInfo: Sendable {
        package var id: Int64
        package var name: String
        package var status: SiteStatus
        package var live: Int?
        package var preview: Int?
        /// When the site's row last changed (a deploy, rollback or preview moves it): what the live and preview
        /// addresses' `Last-Modified` cannot be older than, or a rollback would look unchanged to date-only caches.
        package var updatedAt: Date
    }

    private struct State {
        /// nil value: known not to exist (so random Host names cost one query each, then none).
        var sites: [String: SiteInfo?] = [:]
        var versions: [String: [Int: VersionInfo]] = [:]
        /// Custom domain → what it serves (nil value: no site has it).
        var aliases: [String: AliasTarget?] = [:]
        var generation: UInt64 = 0
    }

    private let db: any DatabaseReader
    private let state = Mutex(State())
    /// Bounds for names that do not exist and versions remembered per site (cleared when reached).
    private let unknownLimit = 10_000
    private let versionsPerSite = 256

    package init(db: any DatabaseReader) { self.db = db }

    /// The cached answer for `name` (`.some(nil)`: known not to exist), or nil when it must be loaded.
    package func cachedSite(named name: String) -> SiteInfo?? {
        state.withLock { $0.sites[name] }
    }

    package func cachedVersion(_ number: Int, of site: SiteInfo) -> VersionInfo? {
        state.withLock { $0.versions[site.name]?[number] }
    }

    package func site(named name: String) async throws -> SiteInfo? {
        let (cached, generation) = state.withLock { ($0.sites[name], $0.generation) }
        if let cached { return cached }
        let loaded: SiteInfo? = try await db.read { db in
            guard let record = try SiteRecord.filter(Column("name") == name).fetchOne(db), let id = record.id else { return nil }
            return SiteInfo(
                id: id, name: record.name, status: record.status, live: record.liveVersion, preview: record.previewVersion,
                updatedAt: record.updatedAt)
        }
        state.withLock { state in
            guard state.generation == generation else { return }
            if loaded == nil, state.sites.count >= unknownLimit { state.sites = state.sites.filter { $0.value != nil } }
            state.sites[name] = .some(loaded)
        }
        return loaded
    }

    package func version(_ number: Int, of site: SiteInfo) async throws -> VersionInfo? {
        let (cached, generation) = state.withLock { ($0.versions[site.name]?[number], $0.generation) }
        if let cached { return cached }
        let siteID = site.id
        // Sendable values out of the closure: with a `Row` result the call would bind to GRDB's blocking `read`
        // and hold a concurrency thread while it waits for a reader (two such waits froze the daemon).
        let found: (manifest: String, created: Date)? = try await db.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT output_manifest, created_at FROM versions WHERE site_id = ? AND number = ?", arguments: [siteID, number]),
                let manifest: String = row["output_manifest"], let created: Date = row["created_at"]
            else { return nil }
            return (manifest, created)
        }
        guard let (manifest, created) = found else { return nil }
        let info = VersionInfo(number: number, manifest: manifest, lastModified: (HTTPDate.format(created), created))
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.versions[site.name, default: [:]].count >= versionsPerSite { state.versions[site.name] = [:] }
            state.versions[site.name, default: [:]][number] = info
        }
        return info
    }

    /// Forgets what is known about `site` (its pointers, status, versions, the domains that name it); the next
    /// request reads it again.
    package func invalidate(site name: String) {
        state.withLock { state in
            state.generation &+= 1
            state.sites[name] = nil
            state.versions[name] = nil
            state.aliases = state.aliases.filter { $0.value?.site != name }
        }
    }

    /// Forgets which site `domain` serves.
    package func invalidate(domain: String) {
        state.withLock { state in
            state.generation &+= 1
            state.aliases[domain] = nil
        }
    }

    /// A custom domain's site, and the domain it redirects to instead of serving, if it does.
    package struct AliasTarget: Sendable, Equatable {
        package var site: String
        package var redirectTo: String?
    }

    /// The cached target of a custom domain (`.some(nil)`: none), or nil when it must be loaded.
    package func cachedAlias(_ domain: String) -> AliasTarget?? {
        state.withLock { $0.aliases[domain] }
    }

    /// What a custom domain serves, if anything.
    package func alias(_ domain: String) async throws -> AliasTarget? {
        let generation = state.withLock { $0.generation }
        let name: AliasTarget? = try await db.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT sites.name AS name, site_aliases.redirect_to AS redirect_to
                    FROM site_aliases JOIN sites ON sites.id = site_aliases.site_id WHERE site_aliases.domain = ?
                    """,
                arguments: [domain]
            ).map { AliasTarget(site: $0["name"], redirectTo: $0["redirect_to"]) }
        }
        state.withLock { state in
            guard state.generation == generation else { return }
            if name == nil, state.aliases.count >= unknownLimit { state.aliases = state.aliases.filter { $0.value != nil } }
            state.aliases[domain] = .some(name)
        }
        return name
    }

    /// Loads every site and its live version (daemon start), so the first visitors do not wait for the database.
    package func warm() async throws -> [(SiteInfo, VersionInfo)] {
        let names = try await db.read { db in try String.fetchAll(db, sql: "SELECT name FROM sites WHERE status = 'enabled'") }
        var live: [(SiteInfo, VersionInfo)] = []
        for name in names {
            guard let site = try await site(named: name), let number = site.live, let info = try await version(number, of: site) else { continue }
            live.append((site, info))
        }
        return live
    }
}
