/// One assembled model response: text, tool calls, why it stopped and what it cost.
struct ChatTurn: Sendable, Equatable {
    /// The text the model wrote.
    var content: String
    /// Complete tool calls, in index order.
    var toolCalls: [ChatToolCall]
    /// The server's `finish_reason` as sent (`stop`, `tool_calls`, `length`, `eos`, …), nil when none was sent.
    var finishReason: String?
    /// Token usage, when the server reported it.
    var usage: AgentTokenUsage?

    /// Whether the model was cut off by its output limit.
    var wasTruncated: Bool { finishReason == "length" || finishReason == "max_tokens" }
}
