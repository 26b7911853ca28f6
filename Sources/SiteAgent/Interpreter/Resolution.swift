/// What the interpreter decided for a request; ``EmbeddedAgent`` maps it to a ``Triage`` or an ``AgentOutcome``.
enum Resolution {
    /// Edits made in `workspace`; `summary` is the reply.
    case change(Workspace, summary: String)
    case revert(toVersion: Int, summary: String)
    case question(AgentQuestion)
    case noChange(String)
    case unsupported(String)
}
