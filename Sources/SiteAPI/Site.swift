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
