/// Tokens a model reported for one or more calls (zero when the server reports none).
package struct AgentTokenUsage: Sendable, Equatable, Codable {
    /// Tokens of the prompt (system, history and tool results), summed over calls.
    package var promptTokens: Int
    /// Tokens the model generated, summed over calls.
    package var completionTokens: Int

    /// Usage of `promptTokens` in and `completionTokens` out.
    package init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// Prompt and completion tokens together: what the token limit counts.
    package var totalTokens: Int { promptTokens + completionTokens }

    /// Adds another call's usage.
    package static func += (lhs: inout AgentTokenUsage, rhs: AgentTokenUsage) {
        lhs.promptTokens += rhs.promptTokens
        lhs.completionTokens += rhs.completionTokens
    }

    private enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }
}
