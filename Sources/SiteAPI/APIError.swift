public import Foundation

/// The error shape every API response uses: `{"error":{"code","message","hint"}}`.
///
/// `message` and `hint` are safe to show to a user: never a secret, a path outside the data dir, or SQL.
public struct APIError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// A stable machine-readable code such as `not_found`, `forbidden`, `conflict`.
    public var code: String
    /// What went wrong, in one sentence.
    public var message: String
    /// The exact next command or action, when there is one.
    public var hint: String?

    public init(code: String, message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(code): \(message)" }
}

/// The JSON envelope around an ``APIError``.
public struct APIErrorEnvelope: Codable, Sendable {
    public var error: APIError
    public init(error: APIError) { self.error = error }
}
