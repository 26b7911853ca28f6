/// One complete tool call from the model: its id (generated when the server sent none), tool name and arguments.
struct ChatToolCall: Sendable, Equatable {
    /// The id the tool result must quote (`tool_call_id`).
    var id: String
    /// The tool's name.
    var name: String
    /// The arguments as JSON text, exactly as assembled (it may be malformed; the loop reports that to the model).
    var arguments: String

    /// The assistant message's `tool_calls` entry for this call.
    var json: JSONValue {
        .object([
            "id": .string(id), "type": .string("function"),
            "function": .object(["name": .string(name), "arguments": .string(arguments)]),
        ])
    }
}
