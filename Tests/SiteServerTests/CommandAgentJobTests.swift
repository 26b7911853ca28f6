import Foundation
import GRDB
import Logging
import SiteAPI
import SiteAgent
@testable import SiteServer
import Testing

/// The worker with an external command agent (a fake executable first on PATH): guardrails and cancellation.
@Suite struct CommandAgentJobTests {
    /// A temporary folder holding fake agent executables.
    struct FakeBin {
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("fake-agents-\(UUID().uuidString.prefix(8))")

        init(_ name: String, script: String) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let file = url.appendingPathComponent(name)
            try ("#!/bin/sh\nset -e\n" + script + "\n").write(to: file, atomically: true, encoding: .utf8)
            chmod(file.path, 0o755)
        }

        func agent(_ name: String) -> CommandAgent {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = url.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            return CommandAgent(
                command: AgentCommand(arguments: [name, "{prompt}"]), sandbox: CommandSandbox(mode: .off),
                environment: environment, gracePeriodMilliseconds: 300)
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test func anAgentWritingOutsideTheAllowedPathsIsRefusedAndNoVersionIsCreated() async throws {
        let bin = try FakeBin("sneaky-agent", script: """
            sed -i 's/^title: .*/title: Sneaky/' site.yaml
            mkdir -p .git && echo owned > .git/config
            echo "Changed the title."
            """)
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("sneaky-agent"))
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let request = try await daemon.components.requests.chat(site: "blog", message: "set the title to Sneaky", for: user)
        let outcomes = try await daemon.drainQueue()
        #expect(outcomes.map(\.state) == [.failed])
        let closed = try await daemon.components.requests.show(requestID: request.id, for: user)
        #expect(closed.state == .failed)
        #expect(closed.reply?.contains(".git/config") == true, "\(closed.reply ?? "")")
        #expect(try await daemon.components.versions.list(site: "blog", for: user).map(\.number) == [1])
    }

    @Test func aCommandAgentsTranscriptIsStoredWithTheVersion() async throws {
        let bin = try FakeBin("good-agent", script: """
            sed -i 's/^title: .*/title: From A Command/' site.yaml
            printf 'Working on it\\n\\nRenamed the site.\\n'
            """)
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("good-agent"))
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "rename the site", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])
        let data = try #require(try await daemon.components.versions.transcript(site: "blog", ref: "2", for: user))
        let transcript = try JSONDecoder().decode(AgentTranscript.self, from: data)
        #expect(transcript.summary == "Renamed the site.")
        #expect(transcript.rendered.contains("Working on it"))
    }

    @Test func cancellingARunningJobKillsTheAgentAndLeavesTheSiteUntouched() async throws {
        let pidFile = URL(fileURLWithPath: "/tmp").appendingPathComponent("slow-agent-\(UUID().uuidString.prefix(8)).pid")
        let bin = try FakeBin("slow-agent", script: """
            echo $$ > \(pidFile.path)
            sed -i 's/^title: .*/title: Never/' site.yaml
            sleep 60
            """)
        defer {
            bin.remove()
            try? FileManager.default.removeItem(at: pidFile)
        }
        let daemon = try TestDaemon(agent: bin.agent("slow-agent"))
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let request = try await daemon.components.requests.chat(site: "blog", message: "rename the site", for: user)
        let jobID = try #require(request.jobId)
        let workers = WorkerService(
            lifecycle: daemon.components.lifecycle, runner: daemon.components.runner, workers: 1, instance: "test",
            leaseDuration: 30, logger: Logger(label: "test"))
        let pool = Task { try await workers.run() }
        defer { pool.cancel() }

        let deadline = Date().addingTimeInterval(90)
        var pid: pid_t?
        while pid == nil, Date() < deadline {
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            try await Task.sleep(for: .milliseconds(50))
        }
        let agentPID = try #require(pid, "the fake agent never started")
        _ = try await daemon.components.jobs.cancel(jobID: jobID, for: user)

        var job = try await daemon.components.jobs.show(jobID: jobID, for: user)
        while job.state == .running, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            job = try await daemon.components.jobs.show(jobID: jobID, for: user)
        }
        #expect(job.state == .cancelled)
        // The process (and its group) is gone; a zombie left for init to reap counts as gone.
        var gone = false
        while !gone, Date() < deadline {
            let status = (try? String(contentsOfFile: "/proc/\(agentPID)/stat", encoding: .utf8)) ?? ""
            gone = status.isEmpty || status.contains(") Z ")
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "agent process \(agentPID) still running")
        #expect(try await daemon.components.requests.show(requestID: request.id, for: user).state == .cancelled)
        #expect(try await daemon.components.versions.list(site: "blog", for: user).map(\.number) == [1])
        let locks = try await daemon.components.db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_locks WHERE holder IS NOT NULL")
        }
        #expect(locks == 0)
    }

    @Test func aSiteCanPickAnOperatorProfileWhileOthersKeepTheDefault() async throws {
        let bin = try FakeBin("site-agent", script: """
            sed -i 's/^title: .*/title: Per Site/' site.yaml
            printf 'Used the site agent.\\n'
            """)
        defer { bin.remove() }
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        var command = AgentBackendConfiguration(kind: .command)
        command.command = [bin.url.appendingPathComponent("site-agent").path, "{prompt}"]
        command.sandbox = .off
        command.description = "an external CLI"
        configuration.agents = try AgentProfiles(
            profiles: ["local": AgentBackendConfiguration(kind: .embedded), "cli": command], defaultName: "local")
        let daemon = try TestDaemon(configuration: configuration)
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "docs"), for: user)
        await #expect(throws: ServerError.self) {
            _ = try await daemon.components.sites.setAgentProfile("nope", site: "blog", for: user, selector: daemon.components.agents)
        }
        let site = try await daemon.components.sites.setAgentProfile(
            "cli", site: "blog", for: user, selector: daemon.components.agents)
        #expect(site.agent == "cli")
        #expect(daemon.components.agents.summaries().map(\.name) == ["local", "cli"])
        _ = try await daemon.components.requests.chat(site: "blog", message: "anything at all", for: user)
        _ = try await daemon.components.requests.chat(site: "docs", message: "set the site title to Embedded", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded, .succeeded])
        let blog = try await daemon.components.versions.show(site: "blog", ref: "2", for: user)
        #expect(blog.summary == "Used the site agent.")
        let docsTranscript = try await daemon.components.versions.transcript(site: "docs", ref: "2", for: user)
        let decoded = try docsTranscript.map { try JSONDecoder().decode(AgentTranscript.self, from: $0) }
        #expect(decoded?.backend == "embedded")
        _ = try await daemon.components.sites.setAgentProfile(nil, site: "blog", for: user, selector: daemon.components.agents)
        #expect(try await daemon.components.sites.apiSite(name: "blog", for: user).agent == nil)
    }

    @Test func aThemesAgentTimeLimitStopsASlowAgent() async throws {
        let themes = URL(fileURLWithPath: "/tmp").appendingPathComponent("themes-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: themes) }
        try FileManager.default.copyItem(
            at: TestDaemon.themesDirectory.appendingPathComponent("starter"), to: themes.appendingPathComponent("starter"))
        let manifest = themes.appendingPathComponent("starter/theme.yaml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "\nagent_timeout_seconds: 1\n").write(to: manifest, atomically: true, encoding: .utf8)
        let bin = try FakeBin("stuck-agent", script: "sleep 60")
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("stuck-agent"), themes: themes)
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let request = try await daemon.components.requests.chat(site: "blog", message: "anything", for: user)
        let started = ContinuousClock.now
        #expect(try await daemon.drainQueue().map(\.state) == [.failed])
        #expect(ContinuousClock.now - started < .seconds(30), "the 60 s agent was stopped at the theme's limit")
        let closed = try await daemon.components.requests.show(requestID: request.id, for: user)
        #expect(closed.reply?.contains("limit") == true, "\(closed.reply ?? "")")
        #expect(try await daemon.components.versions.list(site: "blog", for: user).map(\.number) == [1])
    }
}
