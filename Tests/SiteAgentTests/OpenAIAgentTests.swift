import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

@Suite struct OpenAIAgentTests {
    static func agent(_ url: String, limits: AgentLimits = AgentLimits()) throws -> OpenAIAgent {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        return OpenAIAgent(
            endpoint: OpenAIEndpoint(baseURL: url, model: "fake-model"), limits: limits,
            themes: ThemeLibrary(directories: [root.appendingPathComponent("themes")]))
    }

    static func run(_ server: FakeModelServer, _ message: String, limits: AgentLimits = AgentLimits()) async throws -> AgentRunResult {
        try await server.serve { url in
            try await agent(url, limits: limits).runWithTranscript(try AcmeFixture.context(message), log: { _ in })
        }
    }

    @Test func streamedToolCallInFragmentsChangesTheSite() async throws {
        // llama.cpp style: no `id` on the deltas, arguments split mid-string across chunks.
        let server = FakeModelServer([
            .stream([
                RecordedChunks.tool(index: 0, name: "set_site_field", arguments: ""),
                RecordedChunks.tool(index: 0, arguments: #"{"key": "ti"#),
                RecordedChunks.tool(index: 0, arguments: #"tle", "value": "Acme "#),
                RecordedChunks.tool(index: 0, arguments: #"Labs"}"#),
                RecordedChunks.finish("tool_calls"),
                RecordedChunks.usage(prompt: 900, completion: 30),
                RecordedChunks.done,
            ]),
            RecordedChunks.answer("Renamed the site to Acme Labs.", prompt: 1000, completion: 12),
        ])
        let result = try await Self.run(server, "rename the site to Acme Labs")
        guard case .changed(let files, let summary, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        let before = try AcmeFixture.source()
        #expect(files.text("site.yaml")?.contains("title: Acme Labs") == true)
        #expect(Set(before.paths).union(files.paths).filter { before[$0] != files[$0] } == ["site.yaml"])
        #expect(summary == "Renamed the site to Acme Labs.")
        #expect(result.transcript.usage == AgentTokenUsage(promptTokens: 1900, completionTokens: 42))
        #expect(result.transcript.entries.contains { $0.kind == .toolCall && $0.name == "set_site_field" && $0.text.contains("Acme Labs") })
        #expect(result.transcript.summary == summary)
        let second = server.requests[1]["messages"] as? [[String: Any]] ?? []
        let toolMessage = second.first { $0["role"] as? String == "tool" }
        #expect(toolMessage?["tool_call_id"] as? String == "call_1_0")
        #expect((second.first { $0["role"] as? String == "assistant" }?["tool_calls"] as? [Any])?.count == 1)
        #expect(server.requests[0]["stream"] as? Bool == true)
        #expect(server.requests[0]["tool_choice"] == nil)
    }

    @Test func parallelToolCallsInterleavedByIndexAreAllApplied() async throws {
        let server = FakeModelServer([
            .stream([
                RecordedChunks.tool(index: 0, id: "call_a", name: "set_token", arguments: #"{"name":"#),
                RecordedChunks.tool(index: 1, id: "call_b", name: "nav_add", arguments: #"{"label":"Pricing","#),
                RecordedChunks.tool(index: 0, arguments: #""header_bg","value":"navy"}"#),
                RecordedChunks.tool(index: 1, arguments: #""url":"/pricing/"}"#),
                RecordedChunks.finish("tool_calls"),
                RecordedChunks.done,
            ]),
            RecordedChunks.answer("Made the header navy and added Pricing to the menu."),
        ])
        let result = try await Self.run(server, "make the header navy and add pricing to the menu")
        guard case .changed(let files, _, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        let yaml = files.text("site.yaml") ?? ""
        #expect(yaml.contains(#"header_bg: "navy""#))
        #expect(yaml.contains("{ label: Pricing, url: /pricing/ }"))
        let messages = server.requests[1]["messages"] as? [[String: Any]] ?? []
        #expect(messages.compactMap { $0["tool_call_id"] as? String } == ["call_a", "call_b"])
    }

    @Test func malformedToolArgumentsAreReportedAndTheLoopContinues() async throws {
        let server = FakeModelServer([
            .stream([
                RecordedChunks.tool(index: 0, id: "c1", name: "set_site_field", arguments: #"{"key": "title", "value": "Oops"#),
                RecordedChunks.finish("tool_calls"), RecordedChunks.done,
            ]),
            .stream([
                RecordedChunks.tool(index: 0, id: "c2", name: "set_site_field", arguments: #"{"key": "title", "value": "Fixed"}"#),
                RecordedChunks.finish("tool_calls"), RecordedChunks.done,
            ]),
            RecordedChunks.answer("Set the title."),
        ])
        let result = try await Self.run(server, "set the title to Fixed")
        guard case .changed(let files, _, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        #expect(files.text("site.yaml")?.contains("title: Fixed") == true)
        let messages = server.requests[1]["messages"] as? [[String: Any]] ?? []
        let feedback = messages.last { $0["role"] as? String == "tool" }?["content"] as? String ?? ""
        #expect(feedback.hasPrefix("Error: the arguments are not a valid JSON object"))
        #expect(server.requests.count == 3)
    }

    @Test func toolCallsInAFinalMessageWithObjectArgumentsAreUnderstood() async throws {
        // Some servers stream text, then send the calls in a non-delta `message`, arguments as an object,
        // with an unusual finish_reason; the next answer ignores `stream` and comes back as plain JSON.
        let final = #"{"choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"function":{"name":"nav_remove","arguments":{"label":"services"}}}]},"finish_reason":"eos"}]}"#
        let server = FakeModelServer([
            .stream([RecordedChunks.content("Removing it."), FakeModelServer.event(final)]),
            .json(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"Removed Services from the menu."},"finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":7}}"#),
        ])
        let result = try await Self.run(server, "remove services from the menu")
        guard case .changed(let files, let summary, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        #expect(files.text("site.yaml")?.contains("label: Services") == false)
        #expect(summary == "Removed Services from the menu.")
        let messages = server.requests[1]["messages"] as? [[String: Any]] ?? []
        #expect(messages.contains { $0["tool_call_id"] as? String == "call_1_0" })
    }

    @Test func askUserEndsTheRunWithAQuestion() async throws {
        let server = FakeModelServer([
            .stream([
                RecordedChunks.tool(index: 0, id: "q", name: "ask_user", arguments: #"{"question":"Which page?","options":["About","Services"]}"#),
                RecordedChunks.finish("tool_calls"), RecordedChunks.done,
            ])
        ])
        let result = try await Self.run(server, "change the page")
        guard case .question(let question) = result.outcome else {
            Issue.record("expected a question, got \(result.outcome)")
            return
        }
        #expect(question == AgentQuestion(text: "Which page?", options: ["About", "Services"]))
        #expect(server.requests.count == 1)
    }

    @Test func aServerErrorFailsTheRunClearly() async throws {
        let server = FakeModelServer([.status(503, #"{"error":{"message":"model is loading"}}"#)])
        let error = await #expect(throws: AgentError.self) {
            try await Self.run(server, "rename the site")
        }
        #expect(error?.code == "model_server_error")
        #expect(error?.message.contains("503") == true)
        #expect(error?.message.contains("model is loading") == true)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = FakeModelServer([.stall])
        let error = await #expect(throws: AgentError.self) {
            try await Self.run(server, "rename the site", limits: AgentLimits(timeoutSeconds: 0.5))
        }
        #expect(error?.code == "agent_timeout")
    }

    @Test func theStepLimitStopsALoopingModel() async throws {
        let call = FakeModelServer.Reply.stream([
            RecordedChunks.tool(index: 0, name: "list_files", arguments: "{}"), RecordedChunks.finish("tool_calls"), RecordedChunks.done,
        ])
        let server = FakeModelServer([call, call, call])
        let error = await #expect(throws: AgentError.self) {
            try await Self.run(server, "look around", limits: AgentLimits(maxSteps: 2))
        }
        #expect(error?.code == "agent_step_limit")
        #expect(error?.transcript?.entries.filter { $0.kind == .toolCall }.count == 2)
        #expect(server.requests.count == 2)
    }

    @Test func triageIsOneNonStreamingCallWithoutTools() async throws {
        let answer = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"```json\n{\"verdict\":\"question\",\"question\":\"Which colour?\",\"options\":[\"navy\",\"teal\"]}\n```"},"finish_reason":"stop"}]}"#
        let server = FakeModelServer([.json(answer)])
        let verdict = try await server.serve { url in
            try await Self.agent(url).triage(try AcmeFixture.context("make it nicer"))
        }
        #expect(verdict == .question(AgentQuestion(text: "Which colour?", options: ["navy", "teal"])))
        #expect(server.requests.count == 1)
        #expect(server.requests[0]["stream"] as? Bool == false)
        #expect(server.requests[0]["tools"] == nil)
    }
}
