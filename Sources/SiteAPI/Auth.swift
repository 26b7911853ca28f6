public import Foundation

/// Body of `POST /v1/auth/register` and `POST /v1/auth/login`.
public struct Credentials: Codable, Sendable {
    public var email: String
    public var password: String
    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }
}

/// Body of `POST /v1/auth/refresh` and `POST /v1/auth/logout`.
public struct RefreshRequest: Codable, Sendable {
    public var refreshToken: String
    public init(refreshToken: String) { self.refreshToken = refreshToken }
}

/// An account.
public struct User: Codable, Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var createdAt: Date
    public init(id: Int64, email: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.createdAt = createdAt
    }
}

/// A short-lived access token and the rotating refresh token that renews it.
public struct TokenPair: Codable, Sendable {
    public var accessToken: String
    public var accessExpiresAt: Date
    public var refreshToken: String
    public var refreshExpiresAt: Date
    public var user: User
    public init(accessToken: String, accessExpiresAt: Date, refreshToken: String, refreshExpiresAt: Date, user: User) {
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshExpiresAt = refreshExpiresAt
        self.user = user
    }
}

/// Body of `POST /v1/auth/tokens`.
public struct CreateTokenRequest: Codable, Sendable {
    public var name: String
    /// Seconds until it expires; nil: never.
    public var expiresInSeconds: Int?
    public init(name: String, expiresInSeconds: Int?) {
        self.name = name
        self.expiresInSeconds = expiresInSeconds
    }
}

/// An API token as listed: never its secret.
public struct APIToken: Codable, StableKeysEncodable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// The first characters of the secret, to recognise it (`sct_AbCd…`).
    public var prefix: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public init(id: Int64, name: String, prefix: String, createdAt: Date, expiresAt: Date?, lastUsedAt: Date?) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }
}

/// Answer of `POST /v1/auth/tokens`: the token and, this once, its secret.
public struct CreatedToken: Codable, Sendable {
    public var token: APIToken
    public var secret: String
    public init(token: APIToken, secret: String) {
        self.token = token
        self.secret = secret
    }
}
