extension AgentContext {
    /// The request as an external agent or a model sees it: the message, and any earlier question with the
    /// user's answer.
    package var promptText: String {
        var text = message
        if let question {
            text += "\n\nYou asked earlier: \(question.text)"
            if !question.options.isEmpty { text += " (options: \(question.options.joined(separator: "; ")))" }
        }
        if let answer { text += "\nThe user answered: \(answer)" }
        return text
    }
}
