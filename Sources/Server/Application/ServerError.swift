import Foundation
package import GRDB
package import HTTPTypes
package import SiteAPI

/// Every code the API answers with, in `{"error":{"code": …}}` (docs/api.md lists them): one closed set, so a
/// client can switch on it and a new code is a deliberate change.
package enum ErrorCode: String, Sendable, CaseIterable {
    case agentConfigForbidden = "agent_config_forbidden"
    case agentTimeout = "agent_timeout"
    case badRequest = "bad_request"
    case busy
    case checksFailed = "checks_failed"
    case compileFailed = "compile_failed"
    case compileLimit = "compile_limit"
    case conflict
    case dataDirPermissions = "data_dir_permissions"
    case forbidden
    case httpError = "http_error"
    case methodNotAllowed = "method_not_allowed"
    case `internal`
    case invalidCredentials = "invalid_credentials"
    case notFound = "not_found"
    case operatorOnly = "operator_only"
    case policyViolation = "policy_violation"
    case quotaExceeded = "quota_exceeded"
    case rateLimited = "rate_limited"
    case sessionExpired = "session_expired"
    case storageDamaged = "storage_damaged"
    case storageFailed = "storage_failed"
    case storageUnavailable = "storage_unavailable"
    case timeout
    case tokenExpired = "token_expired"
    case tokenRevoked = "token_revoked"
    case tooLarge = "too_large"
    case triageFailed = "triage_failed"
    case unauthorized
    case unavailable
    case unknownAgentProfile = "unknown_agent_profile"
    case weakPassword = "weak_password"
}

/// The daemon's error at its boundary: a status, a safe message and hint for the client, and a cause for the logs.
package struct ServerError: Error, Sendable {
    package var status: HTTPResponse.Status
    package var code: ErrorCode
    package var message: String
    package var hint: String?
    /// Logged, never sent: may hold paths, SQL or other internals.
    package var cause: String?
    /// Seconds to send as `Retry-After` (429 and 503).
    package var retryAfter: Int?

    package init(_ status: HTTPResponse.Status, _ code: ErrorCode, _ message: String, hint: String? = nil, cause: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.cause = cause
    }

    package var apiError: APIError { APIError(code: code.rawValue, message: message, hint: hint) }

    package static func badRequest(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.badRequest, .badRequest, message, hint: hint)
    }
    package static func notFound(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.notFound, .notFound, message, hint: hint)
    }
    package static func conflict(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.conflict, .conflict, message, hint: hint)
    }
    package static let unauthorized = ServerError(
        .unauthorized, .unauthorized, "You are not logged in or your session has expired.",
        hint: "sitectl login")
    /// Too many requests: 429 with `Retry-After`.
    package static func rateLimited(retryAfter seconds: Double, what: String) -> ServerError {
        let wait = max(1, Int(seconds.rounded(.up)))
        var error = ServerError(
            .tooManyRequests, .rateLimited, "Too many \(what); try again in \(wait) s.", hint: "Wait \(wait) s, then retry.")
        error.retryAfter = wait
        return error
    }
    package static func forbidden(_ message: String) -> ServerError {
        ServerError(.forbidden, .forbidden, message)
    }
}

extension ServerError {
    /// A blob store failure, said in one line: what the owner can do is wait, what the operator must do is named.
    package static func storage(_ error: BlobError) -> ServerError {
        switch error {
        case .unwritable(let path, let reason):
            var result = ServerError(
                .serviceUnavailable, .storageUnavailable, "The daemon cannot store files: \(reason) (\(path)). Nothing was changed.",
                hint: "The daemon's operator must free space or fix that folder (sitectl doctor checks it); then send the request again.",
                cause: "\(error)")
            result.retryAfter = 60
            return result
        case .missing, .corrupt:
            return ServerError(
                .serviceUnavailable, .storageDamaged, "Stored data is damaged: \(error). Nothing was changed.",
                hint: "The daemon's operator can run sitectl doctor --fix (it lists damaged blobs and rebuilds what it can).",
                cause: "\(error)")
        case .invalidDigest:
            return ServerError(.internalServerError, .internal, "Something went wrong in the daemon; see its log.", hint: "sitectl daemon logs",
                cause: "\(error)")
        }
    }
}

extension ServerError {
    /// A database that cannot be written because of its disk (full, read-only, failing), in one line naming the
    /// file; nil for every other database error (those stay internal: they may quote SQL).
    package static func storage(_ error: DatabaseError, path: String?) -> ServerError? {
        let reason: String
        switch error.resultCode {
        case .SQLITE_FULL: reason = "the disk is full"
        case .SQLITE_READONLY: reason = "it is read-only"
        case .SQLITE_IOERR: reason = "the disk reports an I/O error"
        case .SQLITE_CANTOPEN: reason = "it cannot be opened"
        default: return nil
        }
        var result = ServerError(
            .serviceUnavailable, .storageUnavailable,
            "The daemon cannot write its database\(path.map { " (\($0))" } ?? ""): \(reason). Nothing was changed.",
            hint: "The daemon's operator must free space or fix that folder (sitectl doctor checks it); then try again.",
            cause: "\(error)")
        result.retryAfter = 60
        return result
    }
}

/// A setting the daemon cannot start with (a certificate that does not load, …), said with what to do.
package struct ServerStartError: Error, CustomStringConvertible {
    package var message: String
    package var hint: String
    package var description: String { message }

    package init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}
