/// An error from an agent backend: the site's source cannot be read or edited as it is.
package struct AgentError: Error, Sendable, CustomStringConvertible {
    /// A stable machine-readable code (`invalid_site_yaml`).
    package var code: String
    /// What went wrong, safe to show to the user.
    package var message: String
    /// What to do next.
    package var hint: String?
    /// The underlying error, for logs only.
    package var cause: String?
    /// What the agent did before it failed (a limit, a failing command), for the job's record.
    package var transcript: AgentTranscript?

    /// Creates an error.
    package init(code: String, message: String, hint: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.cause = cause
    }

    /// The message (and hint) as shown to a user.
    package var description: String {
        hint.map { "\(message) \($0)" } ?? message
    }
}
