import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI
import SiteAgent
package import SiteCompiler

/// Sites: creation (seeded from a theme or imported), listing, ownership, enable/disable, deletion.
package struct SiteService: Sendable {
    let db: any DatabaseWriter
    let themes: ThemeLibrary
    let pipeline: BuildPipeline
    let events: EventBus
    let now: @Sendable () -> Date
    /// Sites an account may own (0: no limit), checked in the transaction that creates one, so parallel imports
    /// cannot all pass a check made before them.
    let sitesPerAccount: Int

    package init(
        db: any DatabaseWriter, themes: ThemeLibrary, pipeline: BuildPipeline, events: EventBus, sitesPerAccount: Int = 0,
        now: @escaping @Sendable () -> Date
    ) {
        self.sitesPerAccount = sitesPerAccount
        self.db = db
        self.themes = themes
        self.pipeline = pipeline
        self.events = events
        self.now = now
    }

    /// The site, if `user` owns it: 404 when it does not exist, 403 when it belongs to someone else.
    package func site(named name: String, for user: UserRecord) async throws -> SiteRecord {
        let record = try await db.read { db in try SiteRecord.filter(Column("name") == name).fetchOne(db) }
        guard let record else {
            throw ServerError.notFound("No site named '\(name)'.", hint: "sitectl sites list")
        }
        guard record.ownerId == user.id else {
            throw ServerError.forbidden("You do not have access to the site '\(name)'.")
        }
        return record
    }

    /// Creates a site from a JSON body: the theme's starter content, or the base64 files of an import.
    package func create(_ request: CreateSiteRequest, for user: UserRecord) async throws -> Site {
        try await create(
            name: request.name, theme: request.theme, description: request.description,
            imported: try request.source.map { try SourcePolicy.decodeUpload($0) }, for: user)
    }

    /// Creates a site; version 1 is `imported` (a tree the owner uploaded) or, when nil, the theme's starter
    /// content. An imported site.yaml names its own theme; an explicit `theme` overrides it.
    package func create(name: String, theme requestedTheme: String?, description: String?, imported: SiteFiles?, for user: UserRecord)
        async throws -> Site
    {
        guard let userID = user.id else { throw ServerError.unauthorized }
        if let problem = SiteName.problem(with: name) {
            throw ServerError.badRequest("'\(name)' is not a valid site name: it \(problem).", hint: "sitectl sites create my-blog")
        }
        if let requestedTheme, !themes.names().contains(requestedTheme) {
            throw ServerError.badRequest(
                "There is no theme named \(String(requestedTheme.prefix(60)).debugDescription).", hint: "Available themes: \(themes.names().joined(separator: ", "))")
        }
        if let description, description.count > 500 || description.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ServerError.badRequest("A description is at most 500 characters, on one line.", hint: "sitectl sites create NAME --description \"A short line\"")
        }
        var source: SiteFiles
        let origin: String
        if let imported {
            source = imported
            origin = "import"
        } else {
            let theme = requestedTheme ?? "starter"
            guard themes.names().contains(theme) else {
                throw ServerError.badRequest(
                    "There is no theme named '\(theme)'.", hint: "Available themes: \(themes.names().joined(separator: ", "))")
            }
            source = try themes.starterSource(theme: theme, siteName: name)
            origin = "seed"
        }
        try SourcePolicy.check(source)
        let config = try? SiteConfig.parse(source.files["site.yaml"] ?? Data())
        let theme = config?.theme ?? requestedTheme ?? "starter"
        if let requested = requestedTheme, imported != nil, requested != theme {
            // An imported tree names its own theme; an explicit --theme overrides it in site.yaml.
            source = SourcePolicy.settingTheme(requested, in: source)
        }
        let built = try await pipeline.compile(source)
        let prepared = try pipeline.prepareVersion(
            built: built, origin: origin, summary: origin == "seed" ? "Created from the \(theme) theme" : "Imported source")
        let at = now()
        // The site, its version 1 and the live pointer appear together or not at all.
        let (siteID, version): (Int64, Int) = try await db.write { db in
            if try SiteRecord.filter(Column("name") == name).fetchCount(db) > 0 {
                throw ServerError.conflict("A site named '\(name)' already exists.", hint: "sitectl sites show \(name)")
            }
            let owned = try SiteRecord.filter(Column("owner_id") == userID).fetchCount(db)
            if sitesPerAccount > 0, owned >= sitesPerAccount {
                throw QuotaService.exceeded(
                    "You own \(owned) sites, the most this daemon allows per account.", hint: "Delete one first: sitectl sites delete SITE")
            }
            var site = SiteRecord(
                id: nil, ownerId: userID, name: name, theme: requestedTheme ?? theme, description: description,
                status: .enabled, liveVersion: nil, previewVersion: nil, createdAt: at, updatedAt: at)
            try site.insert(db)
            let siteID = db.lastInsertedRowID
            let version = try prepared.insert(db, siteID: siteID, requestID: nil, fence: nil, at: at)
            try db.execute(sql: "UPDATE sites SET live_version = ?, updated_at = ? WHERE id = ?", arguments: [version, at, siteID])
            try db.execute(
                sql: "INSERT INTO deployments (site_id, pointer, version, previous, created_at) VALUES (?, 'live', ?, NULL, ?)",
                arguments: [siteID, version, at])
            return (siteID, version)
        }
        events.publish(Event(kind: .siteDeployed, site: name, time: at, version: version), siteID: siteID)
        return try await apiSite(name: name, for: user)
    }

    package func list(for user: UserRecord, cursor: String?, limit: Int, status: SiteStatus?) async throws -> SiteAPI.Page<Site> {
        let limit = min(max(limit, 1), 200)
        let after = cursor ?? ""
        let records = try await db.read { db in
            var request = SiteRecord.filter(Column("owner_id") == user.id).filter(Column("name") > after)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("name")).limit(limit + 1).fetchAll(db)
        }
        let page = Array(records.prefix(limit))
        var items: [Site] = []
        for record in page { items.append(try await apiSite(record)) }
        return SiteAPI.Page(items: items, nextCursor: records.count > limit ? page.last?.name : nil)
    }

    package func apiSite(name: String, for user: UserRecord) async throws -> Site {
        try await apiSite(try await site(named: name, for: user))
    }

    package func apiSite(_ record: SiteRecord) async throws -> Site {
        let latest = try await db.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(number) FROM versions WHERE site_id = ?", arguments: [record.id])
        }
        return Site(
            name: record.name, theme: record.theme, description: record.description,
            status: record.status, liveVersion: record.liveVersion,
            previewVersion: record.previewVersion, latestVersion: latest, createdAt: record.createdAt,
            updatedAt: record.updatedAt,
            agent: record.agentProfile)
    }

    /// Sets (or with nil clears) the operator's agent profile the site uses.
    package func setAgentProfile(_ profile: String?, site name: String, for user: UserRecord, selector: AgentSelector) async throws -> Site {
        let record = try await site(named: name, for: user)
        if let profile { try selector.requireProfile(profile) }
        try await db.write { db in
            try db.execute(sql: "UPDATE sites SET agent_profile = ?, updated_at = ? WHERE id = ?", arguments: [profile, now(), record.id])
        }
        return try await apiSite(name: name, for: user)
    }

    package func setStatus(_ status: SiteStatus, site name: String, for user: UserRecord) async throws -> Site {
        let record = try await site(named: name, for: user)
        let at = now()
        try await db.write { db in
            try db.execute(sql: "UPDATE sites SET status = ?, updated_at = ? WHERE id = ?", arguments: [status.rawValue, at, record.id])
        }
        events.publish(Event(kind: .siteUpdated, site: name, time: at, state: status.rawValue), siteID: record.id ?? 0)
        return try await apiSite(name: name, for: user)
    }

    /// Deletes the site, its versions, requests and jobs. Refused while a job runs for it.
    package func delete(site name: String, for user: UserRecord) async throws {
        let record = try await site(named: name, for: user)
        try await db.write { db in
            let running = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM jobs WHERE site_id = ? AND state = 'running'", arguments: [record.id]) ?? 0
            if running > 0 {
                throw ServerError.conflict("A job is running for '\(name)'.", hint: "sitectl jobs list --site \(name)")
            }
            try db.execute(sql: "DELETE FROM sites WHERE id = ?", arguments: [record.id])
        }
        events.siteChanged(name)
        events.publish(Event(kind: .siteDeleted, site: name, time: Date()), siteID: record.id ?? 0)
    }
}

extension SiteService {
    /// Ids of the sites a user owns (event filtering). Site ids are never reused, so an id once owned by
    /// someone else can never become this user's.
    /// The highest site id handed out so far (0 when none).
    package func newestSiteID() async throws -> Int64 {
        try await db.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM sites") ?? 0 }
    }

    package func ownedIDs(userID: Int64) async throws -> Set<Int64> {
        Set(try await db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sites WHERE owner_id = ?", arguments: [userID]) })
    }
}
