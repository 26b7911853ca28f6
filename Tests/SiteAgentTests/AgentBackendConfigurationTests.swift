import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

@Suite struct AgentBackendConfigurationTests {
    static let themes = ThemeLibrary(directories: [])

    static func decode(_ json: String) throws -> AgentBackendConfiguration {
        try JSONDecoder().decode(AgentBackendConfiguration.self, from: Data(json.utf8))
    }

    @Test func anOpenAIConfigurationReadsTheKeyFromTheNamedVariable() throws {
        let configuration = try Self.decode(
            #"{"kind":"openai","base_url":"http://localhost:11434/v1","model":"qwen","api_key_env":"MY_KEY","timeout_seconds":30,"limits":{"max_steps":5}}"#)
        let backend = try makeAgentBackend(configuration, themes: Self.themes, environment: ["MY_KEY": "sk-test"])
        let agent = try #require(backend as? OpenAIAgent)
        #expect(agent.endpoint.apiKey == "sk-test")
        #expect(agent.endpoint.model == "qwen")
        #expect(agent.limits.maxSteps == 5)
        #expect(agent.limits.timeoutSeconds == 30)
        #expect(agent.limits.maxTokens == AgentLimits().maxTokens)
    }

    @Test func aMissingKeyVariableIsAClearError() throws {
        let configuration = try Self.decode(#"{"kind":"openai","base_url":"http://x/v1","model":"m","api_key_env":"NOPE"}"#)
        let error = #expect(throws: AgentError.self) { try makeAgentBackend(configuration, themes: Self.themes, environment: [:]) }
        #expect(error?.message.contains("$NOPE") == true)
    }

    @Test func aCommandPresetCanBeOverridden() throws {
        let configuration = try Self.decode(
            #"{"kind":"command","preset":"aider","prompt_input":"stdin","sandbox":"required","network":true}"#)
        let agent = try #require(try makeAgentBackend(configuration, themes: Self.themes, environment: [:]) as? CommandAgent)
        #expect(agent.command.arguments.first == "aider")
        #expect(agent.command.promptInput == .stdin)
        #expect(agent.command.ignoredPrefixes == [".aider"])
        #expect(agent.sandbox == CommandSandbox(mode: .required, network: true))
    }

    @Test func everyPresetPutsThePromptInItsArguments() {
        for preset in CommandPreset.allCases {
            let arguments = preset.command.arguments(prompt: "make it blue")
            #expect(arguments.first == preset.rawValue)
            #expect(arguments.contains("make it blue"))
        }
    }

    @Test func embeddedIsTheDefaultAndRoundTrips() throws {
        let configuration = try Self.decode(#"{"kind":"embedded"}"#)
        #expect(try makeAgentBackend(configuration, themes: Self.themes) is EmbeddedAgent)
        let encoded = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(AgentBackendConfiguration.self, from: encoded) == configuration)
        #expect(throws: AgentError.self) { try makeAgentBackend(AgentBackendConfiguration(kind: .command), themes: Self.themes) }
    }

    @Test func theEmbeddedAgentStillGivesATranscript() async throws {
        let result = try await EmbeddedAgent().runWithTranscript(try AcmeFixture.context("set the title to Acme Labs"), log: { _ in })
        guard case .changed = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        #expect(result.transcript.prompt == "set the title to Acme Labs")
        #expect(result.transcript.summary == result.outcome.replyText)
        #expect(!result.transcript.entries.isEmpty)
        let decoded = try JSONDecoder().decode(AgentTranscript.self, from: try result.transcript.encoded())
        #expect(decoded == result.transcript)
    }
}
