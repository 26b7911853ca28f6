/// An ``AgentBackend`` that answers from closures: for tests of the daemon (queueing, needs_input, failures,
/// slow agents) without depending on what the embedded agent understands.
package struct ScriptedAgent: AgentBackend {
    private let triageHandler: @Sendable (AgentContext) async throws -> Triage
    private let runHandler: @Sendable (AgentContext, @escaping @Sendable (String) -> Void) async throws -> AgentOutcome

    /// Creates an agent whose triage and run call the given closures.
    package init(
        triage: @escaping @Sendable (AgentContext) async throws -> Triage,
        run: @escaping @Sendable (AgentContext, @escaping @Sendable (String) -> Void) async throws -> AgentOutcome
    ) {
        triageHandler = triage
        runHandler = run
    }

    /// Creates an agent that always gives `triage` and `outcome`, logging `log` lines on each run.
    package init(triage: Triage, outcome: AgentOutcome, log lines: [String] = []) {
        self.init(triage: { _ in triage }, run: { _, log in
            for line in lines { log(line) }
            return outcome
        })
    }

    /// Returns what the triage closure decides.
    package func triage(_ context: AgentContext) async throws -> Triage {
        try await triageHandler(context)
    }

    /// Returns what the run closure produces.
    package func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome {
        try await runHandler(context, log)
    }
}
