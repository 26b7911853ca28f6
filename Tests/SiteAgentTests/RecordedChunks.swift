@testable import SiteAgent

/// Builders for the chunks OpenAI-compatible servers stream, as recorded from them (one `data:` event each).
enum RecordedChunks {
    static func quoted(_ text: String) -> String { JSONValue.string(text).jsonText }

    static func content(_ text: String) -> String {
        FakeModelServer.event(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":\#(quoted(text))},"finish_reason":null}]}"#)
    }

    /// A tool-call fragment; nil fields are left out, as servers do after the first fragment.
    static func tool(index: Int?, id: String? = nil, name: String? = nil, arguments: String) -> String {
        var call: [String] = []
        if let index { call.append(#""index":\#(index)"#) }
        if let id { call.append(#""id":\#(quoted(id)),"type":"function""#) }
        var function = [#""arguments":\#(quoted(arguments))"#]
        if let name { function.insert(#""name":\#(quoted(name))"#, at: 0) }
        call.append(#""function":{\#(function.joined(separator: ","))}"#)
        return FakeModelServer.event(
            #"{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{\#(call.joined(separator: ","))}]},"finish_reason":null}]}"#)
    }

    static func finish(_ reason: String) -> String {
        FakeModelServer.event(#"{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":\#(quoted(reason))}]}"#)
    }

    static func usage(prompt: Int, completion: Int) -> String {
        FakeModelServer.event(
            #"{"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(prompt + completion)}}"#)
    }

    static let done = "data: [DONE]\n\n"

    /// A whole final answer: text, stop, usage.
    static func answer(_ text: String, prompt: Int = 100, completion: Int = 10) -> FakeModelServer.Reply {
        .stream([content(text), finish("stop"), usage(prompt: prompt, completion: completion), done])
    }
}
