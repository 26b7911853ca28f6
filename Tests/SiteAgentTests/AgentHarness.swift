import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Runs the embedded agent on the fixture the way the daemon does: triage, then run.
struct AgentHarness {
    let agent = EmbeddedAgent()

    /// The result of one request, with what it changed.
    struct Change {
        var before: SiteFiles
        var files: SiteFiles
        var summary: String
        var warnings: [String]

        /// Paths added, removed or modified.
        var changedPaths: [String] {
            Set(before.paths + files.paths).filter { before[$0] != files[$0] }.sorted()
        }

        func text(_ path: String) -> String { files.text(path) ?? "" }

        /// Lines of `path` that were removed and added (as multisets, order ignored).
        func lineDiff(_ path: String) -> (removed: [String], added: [String]) {
            let old = (before.text(path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let new = text(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var remaining = new
            var removed: [String] = []
            for line in old {
                if let index = remaining.firstIndex(of: line) { remaining.remove(at: index) } else { removed.append(line) }
            }
            return (removed, remaining)
        }

        var config: SiteConfig {
            get throws { try SiteConfig.parse(files["site.yaml"] ?? Data()) }
        }

        func frontMatter(_ path: String) -> FrontMatterEditor { FrontMatterEditor(text(path)) }

        func components(_ path: String) -> ComponentBlockEditor { ComponentBlockEditor(text(path)) }
    }

    func triage(_ message: String, question: AgentQuestion? = nil, answer: String? = nil) async throws -> Triage {
        try await agent.triage(AcmeFixture.context(message, question: question, answer: answer))
    }

    func run(_ message: String, question: AgentQuestion? = nil, answer: String? = nil) async throws -> AgentOutcome {
        try await agent.run(AcmeFixture.context(message, question: question, answer: answer), log: { _ in })
    }

    /// Triage must call the request clear and the run must change the source.
    func change(_ message: String, question: AgentQuestion? = nil, answer: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Change {
        let verdict = try await triage(message, question: question, answer: answer)
        guard case .clear = verdict else {
            Issue.record("triage of “\(message)” was \(verdict), not clear", sourceLocation: sourceLocation)
            throw Unexpected()
        }
        let outcome = try await run(message, question: question, answer: answer)
        guard case .changed(let files, let summary, let warnings) = outcome else {
            Issue.record("run of “\(message)” gave \(outcome), not a change", sourceLocation: sourceLocation)
            throw Unexpected()
        }
        return Change(before: try AcmeFixture.source(), files: files, summary: summary, warnings: warnings)
    }

    /// Triage and run must both ask a question; returns it.
    func question(_ message: String, question asked: AgentQuestion? = nil, answer: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> AgentQuestion {
        let verdict = try await triage(message, question: asked, answer: answer)
        let outcome = try await run(message, question: asked, answer: answer)
        guard case .question(let question) = verdict, case .question(let again) = outcome else {
            Issue.record("“\(message)” gave \(verdict) / \(outcome), not a question", sourceLocation: sourceLocation)
            throw Unexpected()
        }
        #expect(question == again, sourceLocation: sourceLocation)
        return question
    }

    struct Unexpected: Error {}
}
