/// A message of the chat history the tool loop sends.
struct ChatMessage: Sendable {
    /// `system`, `user`, `assistant` or `tool`.
    var role: String
    /// The text (empty for an assistant message that only calls tools).
    var content: String
    /// The tool calls of an assistant message.
    var toolCalls: [ChatToolCall] = []
    /// For a `tool` message: the call it answers.
    var toolCallID: String?

    static func system(_ text: String) -> ChatMessage { ChatMessage(role: "system", content: text) }
    static func user(_ text: String) -> ChatMessage { ChatMessage(role: "user", content: text) }

    /// The message as the wire expects it. Content is always a string: some servers reject `null`.
    var json: JSONValue {
        var object: [String: JSONValue] = ["role": .string(role), "content": .string(content)]
        if !toolCalls.isEmpty { object["tool_calls"] = .array(toolCalls.map(\.json)) }
        if let toolCallID { object["tool_call_id"] = .string(toolCallID) }
        return .object(object)
    }
}
