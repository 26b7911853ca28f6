import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// The sandbox of external agents: bubblewrap when installed (skipped otherwise), resource limits always.
@Suite struct CommandSandboxTests {
    static let hasBubblewrap = CommandSandbox.find("bwrap", path: ProcessInfo.processInfo.environment["PATH"] ?? "") != nil

    /// A fake agent that tries to write outside the workspace and to reach a local TCP server, and reports.
    static func probe(network: Bool) async throws -> (stdout: String, escaped: Bool) {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        let outside = URL(fileURLWithPath: "/var/tmp/sitectl-sandbox-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try bin.add("probe-agent", """
            if echo x > "$OUTSIDE/escaped" 2>/dev/null; then echo WRITE=yes; else echo WRITE=no; fi
            if bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then echo NET=yes; else echo NET=no; fi
            echo x > content/inside.md
            """)
        let server = FakeModelServer([])
        let result = try await server.serve { url in
            let port = URL(string: url)?.port ?? 0
            let agent = CommandAgent(
                command: AgentCommand(arguments: ["probe-agent"]), sandbox: CommandSandbox(mode: .required, network: network),
                environment: bin.environment(["OUTSIDE": outside.path, "PORT": String(port)]), passedVariables: ["OUTSIDE", "PORT"])
            return try await agent.runWithTranscript(try AcmeFixture.context("probe"), log: { _ in })
        }
        guard case .changed(let files, _, _) = result.outcome, files["content/inside.md"] != nil else {
            Issue.record("the agent could not write inside its workspace: \(result.outcome)")
            return ("", false)
        }
        let stdout = result.transcript.entries.filter { $0.kind == .stdout }.map(\.text).joined()
        return (stdout, FileManager.default.fileExists(atPath: outside.appendingPathComponent("escaped").path))
    }

    @Test(.enabled(if: hasBubblewrap)) func aSandboxedAgentCannotWriteOutsideItsWorkspaceNorReachTheNetwork() async throws {
        let (stdout, escaped) = try await Self.probe(network: false)
        #expect(!escaped)
        #expect(stdout.contains("WRITE=no"))
        #expect(stdout.contains("NET=no"))
    }

    @Test(.enabled(if: hasBubblewrap)) func networkIsThereOnlyWhenConfigured() async throws {
        let (stdout, escaped) = try await Self.probe(network: true)
        #expect(!escaped)
        #expect(stdout.contains("NET=yes"))
    }

    @Test func resourceLimitsApplyWithOrWithoutBubblewrap() async throws {
        let bin = try FakeAgentBin()
        defer { bin.remove() }
        try bin.add("limits-agent", #"echo "cpu=$(ulimit -t) as=$(ulimit -v)""#)
        for mode in [CommandSandbox.Mode.off, .auto] {
            let agent = CommandAgent(
                command: AgentCommand(arguments: ["limits-agent"]), sandbox: CommandSandbox(mode: mode),
                limits: AgentLimits(cpuSeconds: 42, memoryBytes: 8 * 1024 * 1024 * 1024), environment: bin.environment())
            let outcome = try await agent.run(try AcmeFixture.context("limits"), log: { _ in })
            #expect(outcome.replyText == "cpu=42 as=\(8 * 1024 * 1024)", "sandbox \(mode)")
        }
    }
}
