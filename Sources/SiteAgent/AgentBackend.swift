/// An agent that turns a plain-language request into a change of a site's source.
///
/// Implementations: ``EmbeddedAgent`` (offline, rule-based), ``OpenAIAgent`` (a tool loop over an
/// OpenAI-compatible chat endpoint) and ``CommandAgent`` (an external agent CLI in a sandbox).
package protocol AgentBackend: Sendable {
    /// Cheap, before a job is queued: decides whether the request is clear.
    func triage(_ context: AgentContext) async throws -> Triage
    /// In the worker: does the work. `log` receives human-readable progress lines (they stream to the user).
    func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome
    /// Like ``run(_:log:)``, and also returns the transcript to store with the version.
    ///
    /// The default runs ``run(_:log:)`` and records the request, the log lines and the summary.
    func runWithTranscript(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentRunResult
}

extension AgentBackend {
    /// Runs ``run(_:log:)`` and builds a transcript from its log lines and outcome.
    package func runWithTranscript(
        _ context: AgentContext, log: @escaping @Sendable (String) -> Void
    ) async throws -> AgentRunResult {
        let lines = LineCollector()
        let outcome = try await run(context) { line in
            lines.append(line)
            log(line)
        }
        // `EmbeddedAgent` → "embedded", `ScriptedAgent` → "scripted".
        var name = String(describing: Self.self)
        if name.hasSuffix("Agent") { name.removeLast(5) }
        var transcript = AgentTranscript(backend: name.lowercased(), prompt: context.promptText)
        for line in lines.lines { transcript.append(.note, line) }
        transcript.summary = outcome.replyText
        return AgentRunResult(outcome: outcome, transcript: transcript)
    }
}
