public import Foundation

/// Whether a site is served.
public enum SiteStatus: String, Codable, Sendable, CaseIterable {
    case enabled, disabled
}

/// A site and its version pointers.
public struct Site: Codable, StableKeysEncodable, Sendable, Equatable {
    public var name: String
    public var theme: String
    public var description: String?
    public var status: SiteStatus
    public var liveVersion: Int?
    public var previewVersion: Int?
    public var latestVersion: Int?
    public var createdAt: Date
    public var updatedAt: Date
    /// The operator's agent profile this site's jobs use (`sitectl agents list`); nil means the daemon's default.
    public var agent: String?

    public init(
        name: String, theme: String, description: String?, status: SiteStatus, liveVersion: Int?,
        previewVersion: Int?, latestVersion: Int?, createdAt: Date, updatedAt: Date, agent: String? = nil
    ) {
        self.agent = agent
        self.name = name
        self.theme = theme
        self.description = description
        self.status = status
        self.liveVersion = liveVersion
        self.previewVersion = previewVersion
        self.latestVersion = latestVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Body of `PUT /v1/sites/{site}/agent`: one of the operator's agent profiles, or nil for the daemon's default.
///
/// `config` (a whole backend configuration) was accepted once; it is refused now, since backends, commands and
/// secrets are the operator's to configure.
public struct SiteAgentRequest: Codable, Sendable {
    public var profile: String?
    public var config: String?
    public init(profile: String?) { self.profile = profile }
}

/// An agent profile the operator offers (`GET /v1/agents`): what an account may know, never commands or keys.
public struct AgentProfileInfo: Codable, Sendable, Equatable {
    public var name: String
    /// `embedded`, `openai` or `command`.
    public var kind: String
    public var description: String?
    /// Sites that name no profile use this one.
    public var isDefault: Bool

    public init(name: String, kind: String, description: String?, isDefault: Bool) {
        self.name = name
        self.kind = kind
        self.description = description
        self.isDefault = isDefault
    }
}

/// One file of an uploaded source tree (`sites create --from DIR`).
public struct SourceFile: Codable, Sendable, Equatable {
    public var path: String
    /// Base64 of the file's bytes.
    public var contentBase64: String
    public init(path: String, content: Data) {
        self.path = path
        self.contentBase64 = content.base64EncodedString()
    }
    public var content: Data? { Data(base64Encoded: contentBase64) }
}

/// Body of `POST /v1/sites`.
public struct CreateSiteRequest: Codable, Sendable {
    public var name: String
    public var theme: String?
    public var description: String?
    /// When set, the site's version 1 is this tree instead of the theme's starter content.
    public var source: [SourceFile]?
    public init(name: String, theme: String? = nil, description: String? = nil, source: [SourceFile]? = nil) {
        self.name = name
        self.theme = theme
        self.description = description
        self.source = source
    }
}

/// A page of a list; `nextCursor` is nil on the last page.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var nextCursor: String?
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Rules for site names, shared by the daemon and the CLI: a DNS label, since a site is served at `<name>.<domain>`.
public enum SiteNameRules {
    /// Returns a reason when `name` cannot be a site name.
    public static func problem(with name: String) -> String? {
        if name.isEmpty || name.count > 63 { return "must be 1 to 63 characters long" }
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed { return "may hold only lower-case letters, digits and '-'" }
        if name.hasPrefix("-") || name.hasSuffix("-") { return "cannot start or end with '-'" }
        if name.contains("--") { return "cannot contain '--' (reserved for preview--NAME and vN--NAME hosts)" }
        return nil
    }
}

/// A custom domain that serves a site's live version (`sitectl sites alias`).
public struct SiteAlias: Codable, Sendable, Equatable {
    public var domain: String
    public var site: String
    public var createdAt: Date
    /// The HTTPS certificate the site server has for the domain, or where obtaining one stands (nil: the daemon
    /// serves no HTTPS).
    public var certificate: CertificateStatus?
    /// Another domain of the same site this one redirects to (308, path and query kept), instead of serving it.
    public var redirectTo: String?

    public init(domain: String, site: String, createdAt: Date, certificate: CertificateStatus? = nil, redirectTo: String? = nil) {
        self.redirectTo = redirectTo
        self.domain = domain
        self.site = site
        self.createdAt = createdAt
        self.certificate = certificate
    }
}

/// A domain's certificate on the site server's HTTPS listener.
public struct CertificateStatus: Codable, Sendable, Equatable {
    /// `valid` (served), `pending` (being obtained over ACME), `failed` (the last attempt's error is in `error`;
    /// retried later) or `none` (no certificate and no ACME).
    public var state: String
    /// `file` (the operator's, in the data dir's tls/ folder) or `acme`.
    public var source: String?
    public var notAfter: Date?
    public var issuer: String?
    public var error: String?

    public init(state: String, source: String? = nil, notAfter: Date? = nil, issuer: String? = nil, error: String? = nil) {
        self.state = state
        self.source = source
        self.notAfter = notAfter
        self.issuer = issuer
        self.error = error
    }
}

/// `POST /v1/sites/{site}/aliases`.
public struct AddAliasRequest: Codable, Sendable {
    public var domain: String
    /// Redirect to this domain of the same site instead of serving (`--redirect-to`).
    public var redirectTo: String?
    public init(domain: String, redirectTo: String? = nil) {
        self.domain = domain
        self.redirectTo = redirectTo
    }
}

/// Domain names a site may be served at: what `sites alias add` accepts, the same on both sides.
public enum DomainNameRules {
    /// Lower-cased, without a trailing dot; nil with `problem` when it is not a host name of two labels or more.
    public static func normalized(_ text: String) -> String? {
        problem(with: text) == nil ? canonical(text) : nil
    }

    static func canonical(_ text: String) -> String {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// Why `text` is not a domain name sitectl can serve, or nil.
    public static func problem(with text: String) -> String? {
        let name = canonical(text)
        guard !name.isEmpty, name.utf8.count <= 253 else { return "A domain name has 1 to 253 characters." }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "Give a full domain name such as www.example.com." }
        for label in labels {
            guard (1...63).contains(label.utf8.count) else { return "Each part of a domain name has 1 to 63 characters." }
            guard label.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
                return "A domain name has letters a-z, digits and '-' (write an international name in its xn-- form)."
            }
            guard label.first != "-", label.last != "-" else { return "A part of a domain name cannot start or end with '-'." }
        }
        if labels.last.map({ $0.allSatisfy(\.isNumber) }) == true { return "An IP address is not a domain name." }
        return nil
    }
}
