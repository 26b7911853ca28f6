/// A clarifying question the agent asks before it changes anything.
///
/// The request waits in `needs_input` until the user answers; the answer comes back in
/// ``AgentContext/answer`` (with this question in ``AgentContext/question``) and resumes the same request.
package struct AgentQuestion: Sendable, Equatable {
    /// The question, self-contained: it states the facts the user needs to answer.
    package var text: String
    /// Concrete answers the user can pick (by number or by wording); empty when a free-text answer is expected.
    package var options: [String]

    /// Creates a question.
    package init(text: String, options: [String] = []) {
        self.text = text
        self.options = options
    }
}
