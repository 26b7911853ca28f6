package import SiteCompiler

/// The offline, deterministic agent: rule-based intent parsing and surgical edits of the site's source.
///
/// It needs no network and no model; the same request on the same source always gives the same result.
/// Requests it cannot do (writing an article, taking payments) are answered with a question or a reason.
package struct EmbeddedAgent: AgentBackend {
    private let interpreter: Interpreter

    /// Creates the agent; `themes` lets it call component props by the names their theme declares.
    package init(themes: ThemeLibrary? = nil) {
        interpreter = Interpreter.embedded(themes: themes)
    }

    /// Decides whether the request is clear, needs a question, has nothing to do or is unsupported.
    package func triage(_ context: AgentContext) async throws -> Triage {
        switch try interpreter.resolve(context) {
        case .change(_, let summary): .clear(summary: summary)
        case .revert(_, let summary): .clear(summary: summary)
        case .question(let question): .question(question)
        case .noChange(let reason): .noChange(reason)
        case .unsupported(let reason): .unsupported(reason)
        }
    }

    /// Does the work, streaming one line per step to `log`.
    package func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome {
        let base = context.baseVersion.map { " of v\($0)" } ?? ""
        log("Reading the source\(base): \(context.source.files.count) files")
        let resolution = try interpreter.resolve(context)
        switch resolution {
        case .change(let workspace, let summary):
            for step in workspace.steps { log(step) }
            for warning in workspace.warnings { log("Warning: \(warning)") }
            log("Done: \(workspace.steps.count) file change(s)")
            return .changed(workspace.files, summary: summary, warnings: workspace.warnings)
        case .revert(let version, let summary):
            log("Undo: the new version takes the source of v\(version); no edits needed")
            return .revert(toVersion: version, summary: summary)
        case .question(let question):
            log("Needs an answer: \(question.text)")
            return .question(question)
        case .noChange(let reason):
            log("Nothing to change: \(reason)")
            return .noChange(reason)
        case .unsupported(let reason):
            log("Unsupported: \(reason)")
            return .unsupported(reason)
        }
    }
}
