import Foundation
import Testing

@Suite(.tags(.endToEnd), .serialized) struct DaemonLifecycleTests {
    @Test func socketIsOwnerOnlyAndStatusReportsTheDaemon() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        let socket = harness.work.appendingPathComponent("run/sitectl/sitectl.sock").path
        let attributes = try FileManager.default.attributesOfItem(atPath: socket)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
        let status = try harness.run(["daemon", "status", "-o", "json"])
        #expect(status.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["workers"] as? Int == 2)
        #expect(json?["queue_depth"] as? Int == 0)
        #expect((json?["serve_address"] as? String)?.hasSuffix(":\(harness.port)") == true)
        let logFile = harness.work.appendingPathComponent("data/logs/daemon.log").path
        let firstLine = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect((try? JSONSerialization.jsonObject(with: Data(firstLine.utf8))) != nil, "log lines are JSON: \(firstLine)")
        #expect(try harness.run(["daemon", "stop"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    @Test func commandsWithoutADaemonExit69WithAHint() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try harness.run(["sites", "list"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("Error: Cannot reach the sitectl daemon"))
        #expect(result.stderr.contains("Hint: sitectl daemon start"))
    }

    @Test func notLoggedInExits4() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        let result = try harness.run(["sites", "list"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("Hint: sitectl login"))
    }

    @Test func killedMidJobTheRestartFinishesItCleanly() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        // The worker pauses 3 s before storing the version, so the kill lands mid-job.
        try harness.startDaemon(extra: ["--debug-pause-before-store", "3"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Survivor", "-o", "json"])
        #expect(chat.status == 0, "\(chat.stderr)")
        let jobID = try #require((try JSONSerialization.jsonObject(with: Data(chat.stdout.utf8)) as? [String: Any])?["job_id"] as? Int)
        #expect(try Harness.eventually {
            (try harness.run(["jobs", "logs", String(jobID)]).stdout).contains("pausing")
        })
        let status = try harness.run(["daemon", "status", "-o", "json"])
        let pid = try #require((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["pid"] as? Int)
        #expect(kill(pid_t(pid), SIGKILL) == 0)
        #expect(try Harness.eventually { kill(pid_t(pid), 0) != 0 })

        // Restart without the pause: recovery requeues the job and a worker finishes it.
        try harness.startDaemon()
        #expect(try harness.run(["jobs", "wait", String(jobID), "--timeout", "60"]).status == 0)
        let job = try JSONSerialization.jsonObject(with: Data(try harness.run(["jobs", "show", String(jobID), "-o", "json"]).stdout.utf8)) as? [String: Any]
        #expect(job?["state"] as? String == "succeeded")
        #expect(job?["attempts"] as? Int == 2)
        let versions = try JSONSerialization.jsonObject(with: Data(try harness.run(["versions", "list", "blog", "-o", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(versions?.map { $0["number"] as? Int } == [2, 1], "exactly one new version, no half-written one")
        let running = try harness.run(["jobs", "list", "--state", "running", "-o", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(running.stdout.utf8)) as? [Any])?.isEmpty == true, "\(running.stdout)")
        harness.stopDaemon()
        let db = harness.work.appendingPathComponent("data/sitectl.db").path
        let locks = try Harness.exec("/usr/bin/sqlite3", [db, "SELECT COUNT(*) FROM site_locks WHERE holder IS NOT NULL"], environment: harness.environment)
        #expect(locks.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func gracefulStopLetsTheRunningJobFinish() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--debug-pause-before-store", "2"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Graceful", "-o", "json"])
        let jobID = try #require((try JSONSerialization.jsonObject(with: Data(chat.stdout.utf8)) as? [String: Any])?["job_id"] as? Int)
        #expect(try Harness.eventually { (try harness.run(["jobs", "logs", String(jobID)]).stdout).contains("pausing") })
        #expect(try harness.run(["daemon", "stop"]).status == 0)
        let db = harness.work.appendingPathComponent("data/sitectl.db").path
        let state = try Harness.exec("/usr/bin/sqlite3", [db, "SELECT state FROM jobs WHERE id = \(jobID)"], environment: harness.environment)
        #expect(state.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "succeeded")
    }
}
