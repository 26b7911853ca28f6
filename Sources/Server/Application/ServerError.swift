import Foundation
package import HTTPTypes
package import SiteAPI

/// The daemon's error at its boundary: a status, a safe message and hint for the client, and a cause for the logs.
package struct ServerError: Error, Sendable {
    package var status: HTTPResponse.Status
    package var code: String
    package var message: String
    package var hint: String?
    /// Logged, never sent: may hold paths, SQL or other internals.
    package var cause: String?
    /// Seconds to send as `Retry-After` (429 and 503).
    package var retryAfter: Int?

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String, hint: String? = nil, cause: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.cause = cause
    }

    package var apiError: APIError { APIError(code: code, message: message, hint: hint) }

    package static func badRequest(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.badRequest, "bad_request", message, hint: hint)
    }
    package static func notFound(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.notFound, "not_found", message, hint: hint)
    }
    package static func conflict(_ message: String, hint: String? = nil) -> ServerError {
        ServerError(.conflict, "conflict", message, hint: hint)
    }
    package static let unauthorized = ServerError(
        .unauthorized, "unauthorized", "You are not logged in or your session has expired.",
        hint: "sitectl login")
    /// Too many requests: 429 with `Retry-After`.
    package static func rateLimited(retryAfter seconds: Double, what: String) -> ServerError {
        let wait = max(1, Int(seconds.rounded(.up)))
        var error = ServerError(
            .tooManyRequests, "rate_limited", "Too many \(what); try again in \(wait) s.", hint: "Wait \(wait) s, then retry.")
        error.retryAfter = wait
        return error
    }
    package static func forbidden(_ message: String) -> ServerError {
        ServerError(.forbidden, "forbidden", message)
    }
}
