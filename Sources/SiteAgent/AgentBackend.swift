/// An agent that turns a plain-language request into a change of a site's source.
///
/// Implementations: ``EmbeddedAgent`` (offline, rule-based); later an OpenAI-compatible tool loop and an
/// external command.
package protocol AgentBackend: Sendable {
    /// Cheap, before a job is queued: decides whether the request is clear.
    func triage(_ context: AgentContext) async throws -> Triage
    /// In the worker: does the work. `log` receives human-readable progress lines (they stream to the user).
    func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome
}
