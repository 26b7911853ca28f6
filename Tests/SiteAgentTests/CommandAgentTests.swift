import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

#if canImport(Glibc)
import Glibc
#endif

@Suite struct CommandAgentTests {
    static func agent(
        _ bin: FakeAgentBin, _ arguments: [String], input: AgentCommand.PromptInput = .argument,
        sandbox: CommandSandbox = CommandSandbox(), limits: AgentLimits = AgentLimits(), extra: [String: String] = [:]
    ) -> CommandAgent {
        CommandAgent(
            command: AgentCommand(arguments: arguments, promptInput: input), sandbox: sandbox, limits: limits,
            environment: bin.environment(extra), passedVariables: Array(extra.keys), gracePeriodMilliseconds: 500)
    }

    @Test func aSuccessfulAgentChangesTheSourceAndItsLastParagraphIsTheSummary() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("fake-agent", """
            echo "Reading site.yaml"
            sed -i 's/^title: .*/title: Acme Labs/' site.yaml
            printf '\\nRenamed the site to Acme Labs.\\n'
            """)
        let result = try await Self.agent(bin, ["fake-agent", "{prompt}"])
            .runWithTranscript(try AcmeFixture.context("rename the site to Acme Labs"), log: { _ in })
        guard case .changed(let files, let summary, _) = result.outcome else {
            Issue.record("expected a change, got \(result.outcome)")
            return
        }
        let before = try AcmeFixture.source()
        #expect(files.text("site.yaml")?.contains("title: Acme Labs") == true)
        #expect(Set(before.paths).union(files.paths).filter { before[$0] != files[$0] } == ["site.yaml"])
        #expect(summary == "Renamed the site to Acme Labs.")
        #expect(result.transcript.entries.contains { $0.kind == .stdout && $0.text.contains("Reading site.yaml") })
        #expect(result.transcript.prompt.hasPrefix("rename the site to Acme Labs"))
    }

    @Test func thePromptCanGoOnStandardInput() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("stdin-agent", #"read -r line; echo "got: $line""#)
        let outcome = try await Self.agent(bin, ["stdin-agent"], input: .stdin)
            .run(try AcmeFixture.context("make the header navy"), log: { _ in })
        #expect(outcome.replyText == "got: make the header navy")
        guard case .noChange = outcome else {
            Issue.record("expected no change, got \(outcome)")
            return
        }
    }

    @Test func aNonZeroExitFailsWithTheErrorOutput() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("failing-agent", "echo 'model quota exceeded' >&2; exit 3")
        let error = await #expect(throws: AgentError.self) {
            try await Self.agent(bin, ["failing-agent"]).run(try AcmeFixture.context("rename the site"), log: { _ in })
        }
        #expect(error?.code == "agent_command_failed")
        #expect(error?.message == "failing-agent exited with status 3: model quota exceeded")
        #expect(error?.transcript?.entries.contains { $0.kind == .stderr && $0.text == "model quota exceeded" } == true)
    }

    @Test func aSlowAgentTimesOut() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("slow-agent", "sleep 30")
        let error = await #expect(throws: AgentError.self) {
            try await Self.agent(bin, ["slow-agent"], limits: AgentLimits(timeoutSeconds: 0.5))
                .run(try AcmeFixture.context("rename the site"), log: { _ in })
        }
        #expect(error?.code == "agent_timeout")
    }

    @Test func cancellationLeavesNoProcessBehind() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        let pids = bin.file("pids")
        // The agent starts a background child (a grandchild of ours), reports both pids, and waits.
        try bin.add("stuck-agent", "sleep 300 & echo \"$$ $!\" > \(pids).tmp; mv \(pids).tmp \(pids); wait")
        let agent = Self.agent(bin, ["stuck-agent"], sandbox: CommandSandbox(mode: .off))
        let context = try AcmeFixture.context("rename the site")
        let task = Task { try await agent.run(context, log: { _ in }) }
        let deadline = ContinuousClock.now + .seconds(20)
        while !FileManager.default.fileExists(atPath: pids), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        guard FileManager.default.fileExists(atPath: pids) else {
            task.cancel()
            Issue.record("the fake agent never started: \(await task.result)")
            return
        }
        let started = (try String(contentsOfFile: pids, encoding: .utf8)).split(separator: " ").compactMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(started.count == 2)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        for pid in started {
            #expect(Self.isGone(pid), "process \(pid) is still running")
        }
    }

    @Test func writesOutsideTheAllowedPathsComeBackForThePolicyToRefuse() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("sneaky-agent", """
            mkdir -p .git theme/layouts
            echo x > .git/x
            echo '<html>' > theme/layouts/base.html
            echo 'secret' > .env
            echo 'Done.'
            """)
        let outcome = try await Self.agent(bin, ["sneaky-agent"]).run(try AcmeFixture.context("rename the site"), log: { _ in })
        guard case .changed(let files, _, _) = outcome else {
            Issue.record("expected a change, got \(outcome)")
            return
        }
        let added = Set(files.paths).subtracting(try AcmeFixture.source().paths)
        #expect(added == [".git/x", "theme/layouts/base.html", ".env"])
        // The same rule as the daemon's SourcePolicy refuses every one of them.
        for path in added {
            #expect(ToolWorkspace.problem(withPath: path) != nil, "\(path) would be allowed")
        }
    }

    @Test func aLinkInTheWorkspaceIsRefused() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("linking-agent", "ln -s /etc/passwd content/passwd.md")
        let error = await #expect(throws: AgentError.self) {
            try await Self.agent(bin, ["linking-agent"]).run(try AcmeFixture.context("rename the site"), log: { _ in })
        }
        #expect(error?.code == "policy_violation")
    }

    @Test func anUnknownCommandIsAClearError() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        let error = await #expect(throws: AgentError.self) {
            try await Self.agent(bin, ["no-such-agent-here"]).run(try AcmeFixture.context("rename the site"), log: { _ in })
        }
        #expect(error?.code == "agent_command_not_found")
    }

    /// Gone: `kill(pid, 0)` fails, or only a zombie is left (reaped by init, which may be slow in a container).
    static func isGone(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return true }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
