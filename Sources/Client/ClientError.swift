public import SiteAPI

/// An error the CLI shows as `Error: …` / `Hint: …` and exits with `exitCode` (see CLI.md).
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var exitCode: Int32
    /// The API error code when the daemon answered with one.
    public var code: String?
    /// The HTTP status when the daemon answered.
    public var status: Int?

    public init(_ message: String, hint: String? = nil, exitCode: Int32 = 1, code: String? = nil, status: Int? = nil) {
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
        self.code = code
        self.status = status
    }

    public var description: String { message }

    /// Exit codes from CLI.md.
    public enum Exit {
        public static let failure: Int32 = 1
        public static let cancelled: Int32 = 2
        public static let inputRequired: Int32 = 3
        public static let auth: Int32 = 4
        public static let usage: Int32 = 64
        public static let unreachable: Int32 = 69
        public static let timeout: Int32 = 124
        public static let interrupted: Int32 = 130
    }

    static func from(_ error: APIError, status: Int) -> ClientError {
        let exit: Int32 = status == 401 ? Exit.auth : status == 403 ? Exit.auth : Exit.failure
        return ClientError(error.message, hint: error.hint, exitCode: exit, code: error.code, status: status)
    }
}
