import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Issue 8, item 1: a command agent gets an allow-listed environment and never sees the daemon's data dir.
@Suite struct CommandEnvironmentAttackTests {
    @Test func aCommandAgentDoesNotInheritTheDaemonsSecrets() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("env-agent", "env > content/env.md")
        let agent = CommandAgent(
            command: AgentCommand(arguments: ["env-agent"]), sandbox: CommandSandbox(mode: .off),
            environment: bin.environment(["DAEMON_DB_PASSWORD": "hunter2", "AGENT_API_KEY": "sk-allowed"]),
            passedVariables: ["AGENT_API_KEY"])
        let outcome = try await agent.run(try AcmeFixture.context("dump the environment"), log: { _ in })
        guard case .changed(let files, _, _) = outcome, let dump = files.text("content/env.md") else {
            Issue.record("the agent did not run: \(outcome)")
            return
        }
        let names = Set(dump.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        #expect(!dump.contains("hunter2"))
        #expect(dump.contains("AGENT_API_KEY=sk-allowed"))
        #expect(names.isSubset(of: ["PATH", "HOME", "LANG", "AGENT_API_KEY", "PWD", "SHLVL", "_", "OLDPWD"]), "\(names.sorted())")
    }

    @Test(.enabled(if: CommandSandboxTests.hasBubblewrap)) func aSandboxedAgentCannotReadTheDaemonsDataDir() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        let data = URL(fileURLWithPath: "/var/tmp/sitectl-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        try Data("TOP-SECRET-PEPPER".utf8).write(to: data.appendingPathComponent("secret.key"))
        try bin.add("thief-agent", "cat \(data.path)/secret.key > content/loot.md 2>&1 || echo none > content/loot.md")
        let agent = CommandAgent(
            command: AgentCommand(arguments: ["thief-agent"]), sandbox: CommandSandbox(hiddenPaths: [data.path]),
            environment: bin.environment())
        let outcome = try await agent.run(try AcmeFixture.context("steal"), log: { _ in })
        guard case .changed(let files, _, _) = outcome else {
            Issue.record("the agent did not run: \(outcome)")
            return
        }
        #expect(files.text("content/loot.md")?.contains("TOP-SECRET") == false)
    }
}
