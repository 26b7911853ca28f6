/// Why the TUI could not start or had to stop, shaped like the CLI's errors (`Error: …` / `Hint: …`).
public struct TUIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code: `not_a_terminal`, `unknown_terminal`, `terminal_too_small`.
    public var code: String
    /// What went wrong, safe to show.
    public var message: String
    /// The exact next step, when there is one.
    public var hint: String?

    public init(code: String, message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}
