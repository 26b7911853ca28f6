import Testing
@testable import SiteAgent

/// The SSE framing and the assembly of tool-call deltas, byte by byte.
@Suite struct ChatStreamTests {
    @Test func eventsSplitAnywhereAreReassembled() {
        let body = "data: {\"a\":1}\r\n\r\n: keep-alive\n\ndata: {\"b\":\ndata: 2}\n\ndata: [DONE]"
        var parser = ServerSentEventParser()
        var events: [String] = []
        for byte in body.utf8 { events += parser.feed([byte]) }
        if let last = parser.finish() { events.append(last) }
        #expect(events == [#"{"a":1}"#, "{\"b\":\n2}", "[DONE]"])
    }

    @Test func deltasWithoutIndexContinueTheLastCallAndMissingIDsAreGenerated() throws {
        var assembler = ChatTurnAssembler(idPrefix: "call_3")
        let chunks = [
            #"{"choices":[{"delta":{"tool_calls":[{"function":{"name":"read_file","arguments":"{\"pa"}}]}}]}"#,
            #"{"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"th\":\"site.yaml\"}"}}]}}]}"#,
            #"{"choices":[{"delta":{},"finish_reason":"function_call"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}"#,
        ]
        for chunk in chunks { try assembler.add(try #require(JSONValue.parse(chunk))) }
        let turn = assembler.turn()
        #expect(turn.toolCalls == [ChatToolCall(id: "call_3_0", name: "read_file", arguments: #"{"path":"site.yaml"}"#)])
        #expect(turn.usage == AgentTokenUsage(promptTokens: 5, completionTokens: 2))
        #expect(turn.finishReason == "function_call")
    }

    @Test func anErrorInsideTheStreamIsThrown() throws {
        var assembler = ChatTurnAssembler()
        let chunk = try #require(JSONValue.parse(#"{"error":{"message":"context length exceeded"}}"#))
        let error = #expect(throws: AgentError.self) { try assembler.add(chunk) }
        #expect(error?.message.contains("context length exceeded") == true)
    }

    @Test func baseURLsOfEveryShapeReachChatCompletions() {
        #expect(ChatCompletionsClient.endpoint(for: "http://localhost:8080") == "http://localhost:8080/v1/chat/completions")
        #expect(ChatCompletionsClient.endpoint(for: "http://localhost:11434/v1/") == "http://localhost:11434/v1/chat/completions")
        #expect(ChatCompletionsClient.endpoint(for: "https://x/v1/chat/completions") == "https://x/v1/chat/completions")
    }
}
