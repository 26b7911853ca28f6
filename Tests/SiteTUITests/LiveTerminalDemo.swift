import Foundation
import SiteAPI
import Testing
import SiteTUI

/// Runs the real TUI (ncurses on this process's terminal) against the in-memory backend, for checking by hand or
/// from tmux: `SITECTL_TUI_DEMO=1 .build/debug/<package>PackageTests.xctest --testing-library swift-testing
/// --filter LiveTerminalDemo`. Chats are answered by a simulated job that streams a few log lines.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SITECTL_TUI_DEMO"] != nil))
struct LiveTerminalDemo {
    @Test func runOnTheRealTerminal() async throws {
        let backend = InMemoryTUIBackend(sites: Fixtures.sites, versions: Fixtures.versions, now: Date())
        let readonly = ProcessInfo.processInfo.environment["SITECTL_TUI_DEMO"] == "readonly"
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Self.simulateJobs(backend) }
            try await runTUI(backend: backend, options: TUIOptions(readonly: readonly, contextName: "demo", host: "memory"))
            group.cancelAll()
        }
    }

    private static func simulateJobs(_ backend: InMemoryTUIBackend) async throws {
        var next: Int64 = 1
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            guard let request = backend.storedRequest(next) else { continue }
            if request.state == .needsInput { continue }
            let job = request.jobId ?? 0
            for (seq, line) in ["agent: reading site.yaml", "agent: editing content/index.md", "compile: 12 pages",
                                "checks: links ok"].enumerated() {
                try await Task.sleep(for: .milliseconds(400))
                backend.emitLog(site: request.site, requestID: request.id, jobID: job, seq: seq + 1, message: line)
            }
            backend.runJob(requestID: request.id, logs: [], summary: "Updated \(request.site): \(request.message)")
            next += 1
            if next == 2 { backend.askNext(Question(text: "Which colour scheme?", options: ["Light", "Dark"])) }
        }
    }
}
