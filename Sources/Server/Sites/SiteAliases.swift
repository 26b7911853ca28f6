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
        let rows: [(String, Date, String?)] = try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT domain, created_at, redirect_to FROM site_aliases WHERE site_id = ? ORDER BY domain", arguments: [site.id])
                .map { ($0["domain"], $0["created_at"], $0["redirect_to"]) }
        }
        return rows.map { SiteAlias(domain: $0.0, site: site.name, createdAt: $0.1, certificate: certificate($0.0), redirectTo: $0.2) }
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

    package func add(_ text: String, site name: String, redirectTo targetText: String? = nil, for user: UserRecord) async throws -> SiteAlias {
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
        var redirect: String?
        if let targetText {
            guard let normalized = DomainNameRules.normalized(targetText) else {
                throw ServerError.badRequest(
                    "'\(targetText.prefix(100))' is not a domain name to redirect to.", hint: "sitectl sites alias add \(name) example.com --redirect-to www.example.com")
            }
            guard normalized != domainName else {
                throw ServerError.badRequest("\(domainName) cannot redirect to itself.", hint: "sitectl sites alias add \(name) example.com --redirect-to www.example.com")
            }
            redirect = normalized
        }
        let target = redirect
        let at = now()
        let siteID = site.id
        let perSite = perSite
        let alias: SiteAlias = try await db.write { db in
            if let target {
                // The target serves this site (it is not itself a redirect): one hop, never a loop.
                let row = try Row.fetchOne(db, sql: "SELECT site_id, redirect_to FROM site_aliases WHERE domain = ?", arguments: [target])
                guard let row, row["site_id"] as Int64 == siteID else {
                    throw ServerError.badRequest(
                        "\(target) is not a domain of \(site.name); a domain can only redirect to another domain of the same site.",
                        hint: "Add it first (sitectl sites alias add \(site.name) \(target)), or list the site's domains: sitectl sites alias list \(site.name)")
                }
                if let onward = row["redirect_to"] as String? {
                    throw ServerError.badRequest("\(target) is itself a redirect (to \(onward)); redirect to the domain that serves the site.",
                        hint: "sitectl sites alias add \(site.name) \(domainName) --redirect-to \(onward)")
                }
            }
            if let holder = try Int64.fetchOne(db, sql: "SELECT site_id FROM site_aliases WHERE domain = ?", arguments: [domainName]) {
                if holder == siteID {
                    // Adding it again updates where it points (a redirect, or serving the site).
                    if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_aliases WHERE redirect_to = ?", arguments: [domainName]) ?? 0 > 0, target != nil {
                        throw ServerError.conflict("Other domains redirect to \(domainName); it must keep serving the site.",
                            hint: "sitectl sites alias list \(site.name)")
                    }
                    try db.execute(sql: "UPDATE site_aliases SET redirect_to = ? WHERE domain = ?", arguments: [target, domainName])
                    let created = try Date.fetchOne(db, sql: "SELECT created_at FROM site_aliases WHERE domain = ?", arguments: [domainName]) ?? at
                    return SiteAlias(domain: domainName, site: site.name, createdAt: created, redirectTo: target)
                }
                throw ServerError.conflict(
                    "\(domainName) is already served by another site.",
                    hint: "A domain serves one site; remove it from the other site first (sitectl sites alias remove SITE \(domainName)).")
            }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_aliases WHERE site_id = ?", arguments: [siteID]) ?? 0
            guard count < perSite else {
                throw ServerError.conflict("\(site.name) has \(count) domains, the most one site may have.", hint: "sitectl sites alias remove \(site.name) DOMAIN")
            }
            try db.execute(
                sql: "INSERT INTO site_aliases (domain, site_id, created_at, redirect_to) VALUES (?, ?, ?, ?)", arguments: [domainName, siteID, at, target])
            return SiteAlias(domain: domainName, site: site.name, createdAt: at, redirectTo: target)
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
            let redirecting = try String.fetchAll(
                db, sql: "SELECT domain FROM site_aliases WHERE redirect_to = ? AND site_id = ? ORDER BY domain", arguments: [domainName, siteID])
            if let first = redirecting.first {
                throw ServerError.conflict(
                    "\(redirecting.joined(separator: ", ")) redirect\(redirecting.count == 1 ? "s" : "") to \(domainName); remove \(redirecting.count == 1 ? "it" : "them") first.",
                    hint: "sitectl sites alias remove \(name) \(first)")
            }
            try db.execute(sql: "DELETE FROM site_aliases WHERE domain = ? AND site_id = ?", arguments: [domainName, siteID])
            return db.changesCount > 0
        }
        guard removed else {
            throw ServerError.notFound("\(site.name) is not served at \(domainName.prefix(253)).", hint: "sitectl sites alias list \(site.name)")
        }
        events.domainChanged(domainName)
    }
}
