import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Opt-in: runs the openai backend against a real local model server. Skipped unless `SITECTL_OPENAI_TEST_URL` is
/// set. The model needs tool calling (llama.cpp: a chat template with tools, `--jinja`; vLLM: a tool-call parser).
///
/// ```
/// ollama pull qwen2.5-coder:7b
/// SITECTL_OPENAI_TEST_URL=http://localhost:11434/v1 SITECTL_OPENAI_TEST_MODEL=qwen2.5-coder:7b \
///   swift test --filter RealModelServerTests
/// ```
/// `SITECTL_OPENAI_TEST_KEY` is sent as the API key when set (for hosted endpoints).
@Suite struct RealModelServerTests {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["SITECTL_OPENAI_TEST_URL"] ?? ""

    @Test(.enabled(if: !url.isEmpty), .timeLimit(.minutes(10)))
    func aRealModelRenamesTheSite() async throws {
        let root = try #require(AcmeFixture.repositoryRoot)
        let endpoint = OpenAIEndpoint(
            baseURL: Self.url, model: Self.environment["SITECTL_OPENAI_TEST_MODEL"] ?? "default",
            apiKey: Self.environment["SITECTL_OPENAI_TEST_KEY"], temperature: 0)
        let agent = OpenAIAgent(
            endpoint: endpoint, limits: AgentLimits(timeoutSeconds: 300, maxSteps: 12),
            themes: ThemeLibrary(directories: [root.appendingPathComponent("themes")]))
        let context = try AcmeFixture.context("Change the site title to \"Acme Labs\".")
        let result = try await agent.runWithTranscript(context, log: { _ in })
        guard case .changed(let files, _, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)\n\(result.transcript.rendered)")
            return
        }
        #expect(files.text("site.yaml")?.contains("Acme Labs") == true, "\(result.transcript.rendered)")
        #expect(result.transcript.usage.totalTokens > 0)
    }
}
