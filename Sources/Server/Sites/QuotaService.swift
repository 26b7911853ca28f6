package import Foundation
package import GRDB
import HTTPTypes

/// Per-account quotas (operator-configurable through ``ServerConfiguration/quotas``); 0 turns one off.
package struct QuotaSettings: Sendable, Equatable {
    /// Sites an account may own.
    package var sitesPerAccount = 100
    /// Versions a site may keep (delete old ones to make room).
    package var versionsPerSite = 1000
    /// Bytes of built output over all of an account's versions (unchanged files count once per version).
    package var bytesPerAccount: Int64 = 5 << 30
    /// Build requests (chat messages) an account may make per hour.
    package var requestsPerHour = 120

    package init() {}
}

/// Checks an account's quotas before work is accepted: a new site, a new build request.
package struct QuotaService: Sendable {
    let db: any DatabaseWriter
    let settings: QuotaSettings
    let now: @Sendable () -> Date

    package init(db: any DatabaseWriter, settings: QuotaSettings, now: @escaping @Sendable () -> Date) {
        self.db = db
        self.settings = settings
        self.now = now
    }

    /// Before `sites create`.
    package func checkNewSite(userID: Int64) async throws {
        guard settings.sitesPerAccount > 0 else { return }
        let owned = try await db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sites WHERE owner_id = ?", arguments: [userID]) ?? 0
        }
        if owned >= settings.sitesPerAccount {
            throw Self.exceeded(
                "You own \(owned) sites, the most this daemon allows per account.", hint: "Delete one first: sitectl sites delete SITE")
        }
        try await checkBytes(userID: userID)
    }

    /// Before a chat message becomes a build request for the site `siteID`.
    package func checkNewRequest(userID: Int64, siteID: Int64) async throws {
        let since = now().addingTimeInterval(-3600)
        let (recent, oldest, versions) = try await db.read { db in
            (
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM build_requests WHERE user_id = ? AND created_at > ?", arguments: [userID, since]) ?? 0,
                try Date.fetchOne(
                    db, sql: "SELECT MIN(created_at) FROM build_requests WHERE user_id = ? AND created_at > ?", arguments: [userID, since]),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions WHERE site_id = ?", arguments: [siteID]) ?? 0
            )
        }
        if settings.requestsPerHour > 0, recent >= settings.requestsPerHour {
            let wait = max(1, (oldest ?? now()).addingTimeInterval(3600).timeIntervalSince(now()))
            throw ServerError.rateLimited(retryAfter: wait, what: "build requests this hour (\(settings.requestsPerHour) allowed)")
        }
        if settings.versionsPerSite > 0, versions >= settings.versionsPerSite {
            throw Self.exceeded(
                "This site has \(versions) versions, the most this daemon keeps per site.",
                hint: "Delete old versions: sitectl versions delete SITE@N")
        }
        try await checkBytes(userID: userID)
    }

    private func checkBytes(userID: Int64) async throws {
        guard settings.bytesPerAccount > 0 else { return }
        let used = try await db.read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT COALESCE(SUM(v.output_bytes), 0) FROM versions v JOIN sites s ON s.id = v.site_id WHERE s.owner_id = ?",
                arguments: [userID]) ?? 0
        }
        if used >= settings.bytesPerAccount {
            throw Self.exceeded(
                "Your versions hold \(used >> 20) MB, over this daemon's \(settings.bytesPerAccount >> 20) MB per account.",
                hint: "Delete old versions or sites: sitectl versions delete SITE@N")
        }
    }

    static func exceeded(_ message: String, hint: String) -> ServerError {
        ServerError(.unprocessableContent, .quotaExceeded, message, hint: hint)
    }
}
