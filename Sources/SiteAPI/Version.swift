public import Foundation

/// Outcome of a version's checks.
public enum CheckStatus: String, Codable, Sendable {
    case passed, warnings, failed
}

/// One finding of the compiler or the checks.
public struct CheckFinding: Codable, Sendable, Equatable {
    public var severity: String  // "error" | "warning"
    public var check: String  // "links", "compile", "placeholder", ...
    public var message: String
    public var file: String?
    public var line: Int?
    public init(severity: String, check: String, message: String, file: String? = nil, line: Int? = nil) {
        self.severity = severity
        self.check = check
        self.message = message
        self.file = file
        self.line = line
    }
}

/// An immutable version of a site.
public struct Version: Codable, StableKeysEncodable, Sendable, Equatable {
    public var site: String
    public var number: Int
    public var createdAt: Date
    /// `seed`, `import`, `chat`, `revert`.
    public var origin: String
    public var summary: String
    public var requestId: Int64?
    public var checkStatus: CheckStatus
    public var sourceFiles: Int
    public var outputFiles: Int
    public var outputBytes: Int64
    public var isLive: Bool
    public var isPreview: Bool
    public var findings: [CheckFinding]?
    /// Outcome of the headless-browser checks: `passed`, `2 console errors, 1 failed request`,
    /// `skipped: Chromium not installed`; nil when none ran (site creation, imports).
    public var browserChecks: String?
    /// Whether a home page screenshot is stored (`GET …/versions/{ref}/screenshot`).
    public var hasScreenshot: Bool?
    /// The version a chat request's change was made on; nil for versions no request made.
    public var baseVersion: Int?

    public init(
        site: String, number: Int, createdAt: Date, origin: String, summary: String, requestId: Int64?,
        checkStatus: CheckStatus, sourceFiles: Int, outputFiles: Int, outputBytes: Int64, isLive: Bool,
        isPreview: Bool, findings: [CheckFinding]? = nil, browserChecks: String? = nil, hasScreenshot: Bool? = nil,
        baseVersion: Int? = nil
    ) {
        self.site = site
        self.number = number
        self.createdAt = createdAt
        self.origin = origin
        self.summary = summary
        self.requestId = requestId
        self.checkStatus = checkStatus
        self.sourceFiles = sourceFiles
        self.outputFiles = outputFiles
        self.outputBytes = outputBytes
        self.isLive = isLive
        self.isPreview = isPreview
        self.findings = findings
        self.browserChecks = browserChecks
        self.hasScreenshot = hasScreenshot
        self.baseVersion = baseVersion
    }
}

/// Body of `POST /v1/sites/{site}/deploy` and `/preview`.
public struct PointerMoveRequest: Codable, Sendable {
    /// A version number or `live`, `preview`, `latest`, `previous`.
    public var version: String
    public var force: Bool?
    public init(version: String, force: Bool? = nil) {
        self.version = version
        self.force = force
    }
}

/// Body of `POST /v1/sites/{site}/rollback`: `to` defaults to the version live before the current one.
public struct RollbackRequest: Codable, Sendable {
    public var to: String?
    public init(to: String? = nil) { self.to = to }
}

/// Result of a deploy, preview or rollback.
public struct PointerMove: Codable, StableKeysEncodable, Sendable, Equatable {
    public var site: String
    public var pointer: String  // "live" | "preview"
    public var from: Int?
    public var to: Int
    public init(site: String, pointer: String, from: Int?, to: Int) {
        self.site = site
        self.pointer = pointer
        self.from = from
        self.to = to
    }
}

extension Version {
    /// What a one-version diff compares this version with: the version it was made on when that still exists,
    /// otherwise the newest earlier one of `existing` (version numbers). Nil for a first version.
    public func diffBase(existing: [Int]) -> Int? {
        let earlier = existing.filter { $0 < number }
        return baseVersion.flatMap { earlier.contains($0) ? $0 : nil } ?? earlier.max()
    }
}

/// A unified diff between two versions' sources.
public struct VersionDiff: Codable, Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var files: [FileDiff]
    public init(from: Int, to: Int, files: [FileDiff]) {
        self.from = from
        self.to = to
        self.files = files
    }
}

/// One changed file of a ``VersionDiff``.
public struct FileDiff: Codable, Sendable, Equatable {
    public var path: String
    public var change: String  // "added" | "deleted" | "modified"
    public var unified: String
    public var additions: Int
    public var deletions: Int
    public init(path: String, change: String, unified: String, additions: Int, deletions: Int) {
        self.path = path
        self.change = change
        self.unified = unified
        self.additions = additions
        self.deletions = deletions
    }
}
