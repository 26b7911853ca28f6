/// Builds one ``ChatTurn`` from streamed chunks (or a whole non-streaming response), tolerating the ways
/// OpenAI-compatible servers differ:
///
/// - tool-call arguments arrive in fragments across chunks, several calls interleaved by `index`;
/// - a delta without `index` (matched by `id`, else continuing the last call) or without `id` (one is generated);
/// - `arguments` sent as a JSON object instead of a string;
/// - the tool calls (or the text) sent in a final non-delta `message` instead of deltas;
/// - the legacy single `function_call` delta;
/// - any `finish_reason` (`tool_calls`, `stop`, `eos`, `function_call`, none at all): the loop goes by the calls;
/// - usage in a final chunk with no choices, or not at all.
struct ChatTurnAssembler {
    private struct PartialCall {
        var id: String?
        var name = ""
        var arguments = ""
    }

    /// Prefix of generated call ids (unique per turn, so ids never repeat within a run).
    let idPrefix: String
    private var content = ""
    private var calls: [Int: PartialCall] = [:]
    private var lastKey: Int?
    private var finishReason: String?
    private var usage: AgentTokenUsage?

    init(idPrefix: String = "call") {
        self.idPrefix = idPrefix
    }

    /// Adds one chunk (or a whole response). Throws when the server put an error object in the stream.
    mutating func add(_ chunk: JSONValue) throws {
        if let error = chunk["error"] {
            let message = error["message"]?.stringValue ?? error.stringValue ?? error.jsonText
            throw AgentError(code: "model_server_error", message: "The model server reported an error: \(message)")
        }
        if let reported = chunk["usage"], let prompt = reported["prompt_tokens"]?.intValue {
            usage = AgentTokenUsage(promptTokens: prompt, completionTokens: reported["completion_tokens"]?.intValue ?? 0)
        }
        let choices = chunk["choices"]?.arrayValue ?? []
        guard let choice = choices.first(where: { $0["index"]?.intValue ?? 0 == 0 }) ?? choices.first else { return }
        if let delta = choice["delta"] { addDelta(delta) }
        if let message = choice["message"] { addMessage(message) }
        if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
    }

    /// The turn assembled so far.
    func turn() -> ChatTurn {
        let toolCalls = calls.keys.sorted().compactMap { key -> ChatToolCall? in
            guard let call = calls[key], !(call.name.isEmpty && call.arguments.isEmpty) else { return nil }
            let id = call.id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(idPrefix)_\(key)"
            return ChatToolCall(id: id, name: call.name, arguments: call.arguments.isEmpty ? "{}" : call.arguments)
        }
        return ChatTurn(content: content, toolCalls: toolCalls, finishReason: finishReason, usage: usage)
    }

    private mutating func addDelta(_ delta: JSONValue) {
        if let text = delta["content"]?.stringValue { content += text }
        for (position, fragment) in (delta["tool_calls"]?.arrayValue ?? []).enumerated() {
            let key = key(for: fragment, position: position, fragmentary: true)
            var call = calls[key] ?? PartialCall()
            if let id = fragment["id"]?.stringValue, !id.isEmpty { call.id = id }
            merge(fragment["function"], into: &call)
            calls[key] = call
            lastKey = key
        }
        if let legacy = delta["function_call"] {
            var call = calls[0] ?? PartialCall()
            merge(legacy, into: &call)
            calls[0] = call
            lastKey = 0
        }
    }

    /// A complete message replaces whatever the deltas built for the same call.
    private mutating func addMessage(_ message: JSONValue) {
        if content.isEmpty, let text = message["content"]?.stringValue { content = text }
        for (position, complete) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            let key = key(for: complete, position: position, fragmentary: false)
            var call = PartialCall(id: complete["id"]?.stringValue ?? calls[key]?.id)
            merge(complete["function"], into: &call)
            calls[key] = call
        }
    }

    private func key(for call: JSONValue, position: Int, fragmentary: Bool) -> Int {
        if let index = call["index"]?.intValue { return index }
        if let id = call["id"]?.stringValue, !id.isEmpty {
            if let existing = calls.first(where: { $0.value.id == id })?.key { return existing }
            return fragmentary ? (calls.keys.max() ?? -1) + 1 : position
        }
        return fragmentary ? (lastKey ?? position) : position
    }

    private func merge(_ function: JSONValue?, into call: inout PartialCall) {
        guard let function else { return }
        if let name = function["name"]?.stringValue, !name.isEmpty, call.name.isEmpty || call.name == name {
            call.name = name
        }
        switch function["arguments"] {
        case .string(let fragment): call.arguments += fragment
        case .object, .array: call.arguments = function["arguments"]?.jsonText ?? "{}"
        default: break
        }
    }
}
