extension AgentOutcome {
    /// The text shown to the user for this outcome (the summary, the question or the reason).
    package var replyText: String {
        switch self {
        case .changed(_, let summary, _): summary
        case .revert(_, let summary): summary
        case .noChange(let reason): reason
        case .question(let question): question.text
        case .unsupported(let reason): reason
        }
    }
}
