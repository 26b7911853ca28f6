/// A tool call that ends the run without a change of the source.
enum ToolEnding: Sendable {
    /// The model asked the user a question.
    case question(AgentQuestion)
    /// The model reported the request as impossible.
    case unsupported(String)
    /// The model asked for an earlier version's source.
    case revert(Int)
}
