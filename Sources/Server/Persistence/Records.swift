package import Foundation
package import GRDB
package import SiteAPI

/// Shared GRDB settings: snake_case columns for camelCase properties.
package protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    /// JSON columns (findings, a request's question) use the API's encoding, as rows written before they were typed.
    package static func databaseJSONDecoder(for column: String) -> JSONDecoder { APIJSON.decoder() }
    package static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = APIJSON.encoder()
        encoder.outputFormatting.insert(.sortedKeys)
        return encoder
    }
}

/// A row of `users`.
package struct UserRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "users"
    package var id: Int64?
    package var email: String
    package var passwordHash: String
    package var createdAt: Date
}

/// A row of `sites`.
package struct SiteRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "sites"
    package var id: Int64?
    package var ownerId: Int64
    package var name: String
    package var theme: String
    package var description: String?
    package var status: SiteStatus
    package var liveVersion: Int?
    package var previewVersion: Int?
    package var createdAt: Date
    package var updatedAt: Date
    /// The operator's agent profile the site uses; nil uses the default profile.
    package var agentProfile: String? = nil
}

/// A row of `versions`: an immutable version and the manifests (blob hashes) it is made of.
package struct VersionRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "versions"
    package var siteId: Int64
    package var number: Int
    package var createdAt: Date
    package var origin: String
    package var summary: String
    package var requestId: Int64?
    package var sourceManifest: String
    package var outputManifest: String
    package var sourceFiles: Int
    package var outputFiles: Int
    package var outputBytes: Int64
    package var checkStatus: CheckStatus
    /// A JSON column, in the API's encoding.
    package var findings: [CheckFinding]
    package var buildLog: String?
    package var transcript: String?
    package var fence: Int64?
    /// Digest of the home page screenshot (PNG) taken by the browser checks.
    package var screenshot: String?
    /// Outcome of the browser checks: `passed`, `2 console errors`, `skipped: …`; nil when none ran.
    package var browserChecks: String?
    /// The version the agent's workspace started from; nil for seeds, imports and older rows.
    package var baseVersion: Int? = nil
}

/// A row of `build_requests`.
package struct RequestRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "build_requests"
    package var id: Int64?
    package var siteId: Int64
    package var userId: Int64
    package var message: String
    package var state: RequestState
    /// A JSON column, in the API's encoding.
    package var question: Question?
    package var answer: String?
    package var reply: String?
    package var jobId: Int64?
    package var version: Int?
    package var createdAt: Date
    package var updatedAt: Date
}

/// A row of `jobs`: the durable queue.
package struct JobRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "jobs"
    package var id: Int64?
    package var siteId: Int64
    package var requestId: Int64?
    package var kind: String
    package var state: JobState
    package var priority: Int
    package var attempts: Int
    package var maxAttempts: Int
    package var leaseOwner: String?
    package var leaseExpiresAt: Date?
    package var cancelRequested: Bool
    package var error: String?
    package var version: Int?
    package var createdAt: Date
    package var startedAt: Date?
    package var finishedAt: Date?
}

/// A row of `job_logs`.
package struct JobLogRecord: SnakeCaseRecord, Sendable {
    package static let databaseTableName = "job_logs"
    package var jobId: Int64
    package var seq: Int
    package var time: Date
    package var level: String
    package var message: String
}

// Statuses (RequestState, JobState, CheckStatus, SiteStatus) are stored as their raw strings through Codable and
// read back typed: an unknown string in the database is a decoding error, not a silently wrong branch. Query
// expressions use `.rawValue` (a DatabaseValueConvertible conformance would make GRDB part of SiteAPI's surface).
