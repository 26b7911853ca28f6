/// The cheap verdict on a request, given before a job is queued.
package enum Triage: Sendable, Equatable {
    /// The request is clear; `summary` says what will be done.
    case clear(summary: String)
    /// The request needs an answer first; it waits in `needs_input`.
    case question(AgentQuestion)
    /// Nothing to do (for example the menu already has that item); the reason is shown to the user.
    case noChange(String)
    /// The request cannot be done by this backend; the reason says why and what to do instead.
    case unsupported(String)
}
