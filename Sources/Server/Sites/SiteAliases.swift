package import Foundation
package import GRDB
package import SiteAPI

/// Custom domains of a site (`sitectl sites alias`): each is served as the site's live version by exact `Host`
/// match. A domain belongs to one site at a time; adding one another site holds is refused with the same answer
/// whoever holds it, so the check reveals nothing about other accounts.
package struct SiteAliasService: Sendable {
    let db: any DatabaseWriter
    let sites: SiteService
    let events: EventBus
    /// The daemon's own domain (`<site>.<domain>` names are its routing, never an alias).
    let domain: String
    let perSite: Int
    let now: @Sendable () -> Date
    /// The HTTPS listener's certificates (nil: no `--serve-tls`), and whether ACME obtains them.
    let certificates: CertificateStore?
    let acme: Bool

    package init(
        db: any DatabaseWriter, sites: SiteService, events: EventBus, domain: String, perSite: Int = 20,
        certificates: CertificateStore? = nil, acme: Bool = false, now: @escaping @Sendable () -> Date
    ) {
        self.certificates = certificates
        self.acme = acme
        self.db = db
        self.sites = sites
        self.events = events
        self.domain = domain
        self.perSite = perSite
        self.now = now
    }

    package func list(site name: String, for user: UserRecord) async throws -> [SiteAlias] {
        let site = try await sites.site(named: name, for: user)
        let rows: [(String, Date)] = try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT domain, created_at FROM site_aliases WHERE site_id = ? ORDER BY domain", arguments: [site.id])
                .map { ($0["domain"], $0["created_at"]) }
        }
        return rows.map { SiteAlias(domain: $0.0, site: site.name, createdAt: $0.1, certificate: certificate($0.0)) }
    }

    /// Every custom domain of every site (ACME keeps a certificate for each).
    package func allDomains() async throws -> [String] {
        try await db.read { db in try String.fetchAll(db, sql: "SELECT domain FROM site_aliases ORDER BY domain") }
    }

    /// The domain's certificate on the HTTPS listener, or where obtaining one stands.
    func certificate(_ domain: String) -> CertificateStatus? {
        guard let certificates else { return nil }
        return certificates.status(for: domain) ?? CertificateStatus(state: acme ? "pending" : "none")
    }

    package func add(_ text: String, site name: String, for user: UserRecord) async throws -> SiteAlias {
        let site = try await sites.site(named: name, for: user)
        if let problem = DomainNameRules.problem(with: text) {
            throw ServerError.badRequest("'\(text.prefix(100))' is not a domain name sitectl can serve: \(problem)", hint: "sitectl sites alias add \(name) www.example.com")
        }
        let domainName = DomainNameRules.normalized(text) ?? text
        let own = domain.lowercased()
        if domainName == own || domainName.hasSuffix("." + own) {
            throw ServerError.badRequest(
                "\(domainName) is under the daemon's own domain (\(own)), where sites are already served by name.",
                hint: "Use a domain you own, such as www.example.com.")
        }
        let at = now()
        let siteID = site.id
        let perSite = perSite
        let alias: SiteAlias = try await db.write { db in
            if let holder = try Int64.fetchOne(db, sql: "SELECT site_id FROM site_aliases WHERE domain = ?", arguments: [domainName]) {
                if holder == siteID {
                    let created = try Date.fetchOne(db, sql: "SELECT created_at FROM site_aliases WHERE domain = ?", arguments: [domainName]) ?? at
                    return SiteAlias(domain: domainName, site: site.name, createdAt: created)
                }
                throw ServerError.conflict(
                    "\(domainName) is already served by another site.",
                    hint: "A domain serves one site; remove it from the other site first (sitectl sites alias remove SITE \(domainName)).")
            }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_aliases WHERE site_id = ?", arguments: [siteID]) ?? 0
            guard count < perSite else {
                throw ServerError.conflict("\(site.name) has \(count) domains, the most one site may have.", hint: "sitectl sites alias remove \(site.name) DOMAIN")
            }
            try db.execute(sql: "INSERT INTO site_aliases (domain, site_id, created_at) VALUES (?, ?, ?)", arguments: [domainName, siteID, at])
            return SiteAlias(domain: domainName, site: site.name, createdAt: at)
        }
        events.domainChanged(domainName)
        var answer = alias
        answer.certificate = certificate(domainName)
        return answer
    }

    package func remove(_ text: String, site name: String, for user: UserRecord) async throws {
        let site = try await sites.site(named: name, for: user)
        let domainName = DomainNameRules.normalized(text) ?? text.lowercased()
        let siteID = site.id
        let removed = try await db.write { db -> Bool in
            try db.execute(sql: "DELETE FROM site_aliases WHERE domain = ? AND site_id = ?", arguments: [domainName, siteID])
            return db.changesCount > 0
        }
        guard removed else {
            throw ServerError.notFound("\(site.name) is not served at \(domainName.prefix(253)).", hint: "sitectl sites alias list \(site.name)")
        }
        events.domainChanged(domainName)
    }
}
