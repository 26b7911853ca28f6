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
