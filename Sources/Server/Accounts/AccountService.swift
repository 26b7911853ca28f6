import HTTPTypes
import Crypto
package import Foundation
package import GRDB
import HummingbirdBcrypt
package import SiteAPI

/// Accounts and sessions: bcrypt passwords, short-lived access tokens, rotating refresh tokens.
///
/// Tokens are random 256-bit strings; only their SHA-256 is stored, so a database leak yields no usable token.
/// A refresh token works once: using it returns a new pair, and presenting an already-used one revokes its
/// whole family (the mark of a stolen token).
package struct AccountService: Sendable {
    let db: any DatabaseWriter
    let pepper: SymmetricKey
    let bcryptCost: UInt8
    let accessLifetime: TimeInterval
    let refreshLifetime: TimeInterval
    let now: @Sendable () -> Date
    /// Verified against when the email is unknown, so a login takes as long whether or not the account exists.
    let dummyHash: String
    /// Where bcrypt runs: off the cooperative pool, bounded.
    let hashing = PasswordHashingPool(threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))

    package init(
        db: any DatabaseWriter, pepper: Data, bcryptCost: UInt8, accessLifetime: TimeInterval,
        refreshLifetime: TimeInterval, now: @escaping @Sendable () -> Date
    ) {
        self.db = db
        self.pepper = SymmetricKey(data: pepper)
        self.bcryptCost = bcryptCost
        self.accessLifetime = accessLifetime
        self.refreshLifetime = refreshLifetime
        self.now = now
        self.dummyHash = Bcrypt.hash("sitectl-dummy-password", cost: bcryptCost)
    }

    /// bcrypt reads only 72 bytes; HMAC-SHA-256 with the server pepper first makes every byte of a long password count.
    private func prehash(_ password: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: pepper)
        return Data(mac).base64EncodedString()
    }

    /// Creates an account and answers with the user, always with `id` 0 (`sitectl whoami` shows the real id after
    /// login).
    ///
    /// An email that already has an account gets the very same answer, and nothing changes: that account and its
    /// password stay as they were, the password sent is dropped. Answering 409 instead would let anyone find out,
    /// one request at a time, who has an account here (account enumeration). Both paths hash the password with
    /// bcrypt and run one write transaction, so they also take the same time; the body carries no real id for the
    /// same reason (a real one for new accounts would tell them apart from the 0 of existing ones).
    /// What remains is inherent without email verification: logging in with the password just sent fails for an
    /// email that was already taken; the per-client rate limits on register and login bound that probing.
    package func register(email rawEmail: String, password: String) async throws -> User {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard EmailAddress.isPlausible(email) else {
            // Echoed back only when printable: the CLI prints this message to a terminal.
            let shown = EmailAddress.isDisplayable(email) ? "'\(email)'" : "That"
            throw ServerError.badRequest(
                "\(shown) is not an email address: use one address such as you@example.com.",
                hint: "sitectl register --email you@example.com")
        }
        if let problem = PasswordPolicy.problem(with: password, email: email) { throw problem }
        let input = prehash(password)
        let cost = bcryptCost
        let hash = try await hashing.run { Bcrypt.hash(input, cost: cost) }
        let created = now()
        try await db.write { db in
            guard try UserRecord.filter(Column("email") == email).fetchCount(db) == 0 else { return }
            var record = UserRecord(id: nil, email: email, passwordHash: hash, createdAt: created)
            try record.insert(db)
        }
        return User(id: 0, email: email, createdAt: created)
    }

    package func login(email rawEmail: String, password: String) async throws -> TokenPair {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let record = try await db.read { db in try UserRecord.filter(Column("email") == email).fetchOne(db) }
        let hash = record?.passwordHash ?? dummyHash
        let input = prehash(password)
        let ok = try await hashing.run { Bcrypt.verify(input, hash: hash) }
        guard let record, let userID = record.id, ok else {
            throw ServerError(.unauthorized, .invalidCredentials, "Email or password is wrong.",
                hint: "sitectl login --email \(email)")
        }
        return try await issue(userID: userID, family: UUID().uuidString, user: record)
    }

    /// How long a just-rotated refresh token still works (for commands that raced to refresh the same session);
    /// presenting it later revokes the whole session, as reuse of a stolen token would.
    package static let refreshGraceSeconds: TimeInterval = 10

    package func refresh(token: String) async throws -> TokenPair {
        let tokenHash = Digest.sha256Hex(token)
        let at = now()
        let outcome: (UserRecord, String)? = try await db.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM refresh_tokens WHERE token_hash = ?", arguments: [tokenHash])
            else { return nil }
            let family: String = row["family"]
            let usedAt = row["used_at"] as Date?
            if let usedAt, at.timeIntervalSince(usedAt) <= Self.refreshGraceSeconds, (row["expires_at"] as Date) >= at {
                // The client's own race (several commands refreshing at once): a new pair in the same session.
                guard let user = try UserRecord.fetchOne(db, key: row["user_id"] as Int64) else { return nil }
                return (user, family)
            }
            if usedAt != nil || (row["expires_at"] as Date) < at {
                // Reuse of a rotated token: revoke the family's refresh and access tokens.
                try db.execute(sql: "DELETE FROM refresh_tokens WHERE family = ?", arguments: [family])
                try db.execute(sql: "DELETE FROM access_tokens WHERE family = ?", arguments: [family])
                return nil
            }
            try db.execute(sql: "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?", arguments: [at, tokenHash])
            guard let user = try UserRecord.fetchOne(db, key: row["user_id"] as Int64) else { return nil }
            return (user, family)
        }
        guard let (user, family) = outcome, let userID = user.id else {
            throw ServerError(.unauthorized, .sessionExpired, "Your session has expired or was revoked.", hint: "sitectl login")
        }
        return try await issue(userID: userID, family: family, user: user)
    }

    /// Ends the session the refresh token belongs to.
    package func logout(refreshToken: String) async throws {
        let tokenHash = Digest.sha256Hex(refreshToken)
        try await db.write { db in
            guard let family = try String.fetchOne(db, sql: "SELECT family FROM refresh_tokens WHERE token_hash = ?", arguments: [tokenHash])
            else { return }
            try db.execute(sql: "DELETE FROM refresh_tokens WHERE family = ?", arguments: [family])
            try db.execute(sql: "DELETE FROM access_tokens WHERE family = ?", arguments: [family])
        }
    }

    /// The user an access token belongs to, or nil when unknown or expired. An API token (`sct_…`) that was
    /// revoked or is past its expiry is said as such.
    package func authenticate(accessToken: String) async throws -> UserRecord? {
        let tokenHash = Digest.sha256Hex(accessToken)
        let at = now()
        if accessToken.hasPrefix(Self.apiTokenPrefix) { return try await authenticate(apiTokenHash: tokenHash, at: at) }
        return try await db.read { db in
            try UserRecord.fetchOne(
                db,
                sql: """
                    SELECT users.* FROM access_tokens JOIN users ON users.id = access_tokens.user_id
                    WHERE access_tokens.token_hash = ? AND access_tokens.expires_at > ?
                    """, arguments: [tokenHash, at])
        }
    }

    // MARK: API tokens

    package static let apiTokenPrefix = "sct_"
    /// Tokens one account may hold (revoked ones do not count).
    package static let maxAPITokens = 50

    private func authenticate(apiTokenHash: String, at: Date) async throws -> UserRecord? {
        let found: (UserRecord, String, Date?, Date?, Date?)? = try await db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [apiTokenHash]),
                let user = try UserRecord.fetchOne(db, key: row["user_id"] as Int64)
            else { return nil }
            return (user, row["name"], row["revoked_at"], row["expires_at"], row["last_used_at"])
        }
        guard let (user, name, revokedAt, expiresAt, lastUsedAt) = found else { return nil }
        if revokedAt != nil {
            throw ServerError(.unauthorized, .tokenRevoked, "The API token '\(name)' was revoked.",
                hint: "Create a new one (sitectl auth token create) and use it where this one was (SITECTL_TOKEN or login --token-stdin).")
        }
        if let expiresAt, expiresAt <= at {
            throw ServerError(.unauthorized, .tokenExpired, "The API token '\(name)' expired at \(APIJSON.formatDate(expiresAt)).",
                hint: "Create a new one (sitectl auth token create --expires 90d) and use it where this one was (SITECTL_TOKEN or login --token-stdin).")
        }
        // When it was last used, to the minute (not a write per request).
        if lastUsedAt.map({ at.timeIntervalSince($0) > 60 }) ?? true {
            try await db.write { db in
                try db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?", arguments: [at, apiTokenHash])
            }
        }
        return user
    }

    package func createAPIToken(userID: Int64, name rawName: String, expiresInSeconds: Int?) async throws -> CreatedToken {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 64, !name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw ServerError.badRequest("A token name is 1 to 64 printable characters.", hint: "sitectl auth token create --name ci-deploy")
        }
        if let expiresInSeconds, !(60...(3660 * 86400)).contains(expiresInSeconds) {
            throw ServerError.badRequest("A token expires between one minute and ten years from now, or never.",
                hint: "sitectl auth token create --expires 30d")
        }
        let secret = Self.apiTokenPrefix + Self.randomToken()
        let at = now()
        let expires = expiresInSeconds.map { at.addingTimeInterval(TimeInterval($0)) }
        let prefix = String(secret.prefix(8))
        let id: Int64 = try await db.write { db in
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL", arguments: [userID]) ?? 0
            guard active < Self.maxAPITokens else {
                throw ServerError(.forbidden, .quotaExceeded, "This account already has \(Self.maxAPITokens) API tokens.",
                    hint: "Revoke the ones no longer used: sitectl auth token list; sitectl auth token revoke ID")
            }
            try db.execute(
                sql: "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [userID, name, Digest.sha256Hex(secret), prefix, at, expires])
            return db.lastInsertedRowID
        }
        return CreatedToken(
            token: APIToken(id: id, name: name, prefix: prefix, createdAt: at, expiresAt: expires, lastUsedAt: nil), secret: secret)
    }

    /// The account's tokens that are not revoked (expired ones included, to be seen and revoked).
    package func apiTokens(userID: Int64) async throws -> [APIToken] {
        try await db.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id", arguments: [userID]
            ).map { row in
                APIToken(
                    id: row["id"], name: row["name"], prefix: row["prefix"], createdAt: row["created_at"], expiresAt: row["expires_at"],
                    lastUsedAt: row["last_used_at"])
            }
        }
    }

    /// Revokes one of the account's tokens; another account's token id is answered as not found.
    package func revokeAPIToken(userID: Int64, id: Int64) async throws -> APIToken {
        let at = now()
        let token: APIToken? = try await db.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM api_tokens WHERE id = ? AND user_id = ? AND revoked_at IS NULL", arguments: [id, userID])
            else { return nil }
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", arguments: [at, id])
            return APIToken(
                id: row["id"], name: row["name"], prefix: row["prefix"], createdAt: row["created_at"], expiresAt: row["expires_at"],
                lastUsedAt: row["last_used_at"])
        }
        guard let token else {
            throw ServerError(.notFound, .notFound, "You have no API token with id \(id).", hint: "sitectl auth token list")
        }
        return token
    }

    private func issue(userID: Int64, family: String, user: UserRecord) async throws -> TokenPair {
        let access = "sat_" + Self.randomToken()
        let refresh = "srt_" + Self.randomToken()
        let at = now()
        let accessExpires = at.addingTimeInterval(accessLifetime)
        let refreshExpires = at.addingTimeInterval(refreshLifetime)
        try await db.write { db in
            try db.execute(sql: "DELETE FROM access_tokens WHERE expires_at < ?", arguments: [at])
            try db.execute(
                sql: "INSERT INTO access_tokens (token_hash, user_id, family, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [Digest.sha256Hex(access), userID, family, accessExpires])
            try db.execute(
                sql: "INSERT INTO refresh_tokens (token_hash, user_id, family, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [Digest.sha256Hex(refresh), userID, family, refreshExpires])
        }
        return TokenPair(
            accessToken: access, accessExpiresAt: accessExpires, refreshToken: refresh, refreshExpiresAt: refreshExpires,
            user: User(id: userID, email: user.email, createdAt: user.createdAt))
    }

    /// 32 random bytes, base64url without padding.
    package static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
