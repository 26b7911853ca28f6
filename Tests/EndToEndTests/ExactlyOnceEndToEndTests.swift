import Foundation
import Testing

/// Issue 9: crashes, stalled workers, a second daemon and bad disks lose nothing and repeat nothing — against the
/// real binary.
@Suite(.tags(.endToEnd)) struct ExactlyOnceEndToEndTests {
    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func aSecondDaemonOnTheSameDataDirIsRefusedAtOnceAndChangesNothing() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let status = try #require(try Self.json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        let pid = try #require(status["pid"] as? Int)

        // Another socket, same data dir: in the background (the CLI checks before it spawns) and in the foreground.
        let other = harness.work.appendingPathComponent("run/other.sock").path
        let started = Date()
        let second = try harness.run([
            "daemon", "start", "--data-dir", harness.dataDir, "--listen", "unix://\(other)", "--serve", "127.0.0.1:\(Harness.freePort())", "--wait",
        ])
        #expect(second.status == 1)
        #expect(second.stderr.contains("Another sitectl daemon (pid \(pid)"), "\(second.stderr)")
        #expect(second.stderr.contains("--data-dir"))
        #expect(Date().timeIntervalSince(started) < 5)
        let foreground = try harness.run([
            "daemon", "start", "--foreground", "--data-dir", harness.dataDir, "--listen", "unix://\(other)",
            "--serve", "127.0.0.1:\(Harness.freePort())",
        ])
        #expect(foreground.status == 1)
        #expect(foreground.stderr.contains("pid \(pid)"), "\(foreground.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))

        // The first daemon is untouched: its socket answers and it still runs jobs.
        let chat = try harness.run(["chat", "blog", "set the site title to Still Here", "--wait"])
        #expect(chat.status == 0, "\(chat.stderr)")
        harness.stopDaemon()
        // Once it is gone, the data dir is free again (the kernel drops the lock even after kill -9).
        try harness.startDaemon()
    }

    @Test func aKillRightAfterTheVersionIsStoredNeverAppliesTheChangeTwice() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        // The worker pauses right after the version's transaction commits: the kill lands there.
        try harness.startDaemon(extra: ["--debug-pause-after-store", "5"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Once", "-o", "json"])
        let jobID = try #require((try Self.json(chat.stdout) as? [String: Any])?["job_id"] as? Int)
        #expect(try Harness.eventually { (try harness.run(["jobs", "logs", String(jobID)]).stdout).contains("pausing") })
        let status = try #require(try Self.json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        let pid = try #require(status["pid"] as? Int)
        #expect(kill(pid_t(pid), SIGKILL) == 0)
        #expect(try Harness.eventually { kill(pid_t(pid), 0) != 0 })

        try harness.startDaemon()
        let job = try #require(try Self.json(try harness.run(["jobs", "show", String(jobID), "-o", "json"]).stdout) as? [String: Any])
        #expect(job["state"] as? String == "succeeded")
        #expect(job["attempts"] as? Int == 1, "the job never ran again")
        let versions = try #require(try Self.json(try harness.run(["versions", "list", "blog", "-o", "json"]).stdout) as? [[String: Any]])
        #expect(versions.map { $0["number"] as? Int } == [2, 1])
        let requests = try #require(try Self.json(try harness.run(["requests", "list", "-o", "json"]).stdout) as? [[String: Any]])
        #expect(requests.map { $0["state"] as? String } == ["done"])
        #expect(requests.first?["version"] as? Int == 2)
    }

    @Test func garbageOnTheAPIListenerGetsA400AndTheConnectionCloses() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--listen", "tcp://127.0.0.1:\(harness.apiPort)"])
        let status = try harness.run(["daemon", "status", "-o", "json"], environment: ["SITECTL_HOST": "tcp://127.0.0.1:\(harness.apiPort)"])
        let pid = (try? Self.json(status.stdout) as? [String: Any])?["pid"] as? Int
        defer { if let pid { kill(pid_t(pid), SIGTERM) } }
        let script = """
            import socket, sys
            for payload in [b"GARBAGE\\r\\n\\r\\n", b"GET / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n"]:
                s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
                s.sendall(payload)
                data = b""
                while True:
                    chunk = s.recv(4096)
                    if not chunk: break
                    data += chunk
                print(data.split(b"\\r\\n")[0].decode())
            """
        let result = try Harness.exec("/usr/bin/python3", ["-c", script, String(harness.apiPort)], environment: harness.environment, timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == ["HTTP/1.1 400 Bad Request", "HTTP/1.1 400 Bad Request"])
    }


    @Test func daemonLogsShowsRecoveryAfterAKillAndFiltersByTimeAndCount() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--debug-pause-before-store", "5"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Logged", "-o", "json"])
        let jobID = try #require((try Self.json(chat.stdout) as? [String: Any])?["job_id"] as? Int)
        #expect(try Harness.eventually { (try harness.run(["jobs", "logs", String(jobID)]).stdout).contains("pausing") })
        let status = try #require(try Self.json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        kill(pid_t(try #require(status["pid"] as? Int)), SIGKILL)
        usleep(300_000)
        try harness.startDaemon()
        let logs = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir])
        #expect(logs.status == 0, "\(logs.stderr)")
        #expect(logs.stdout.contains("recovered work from an earlier run"))
        #expect(logs.stdout.contains("requeued=\(jobID)"))
        let one = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir, "--tail", "1", "--json"])
        #expect(one.stdout.split(separator: "\n").count == 1)
        #expect((try? Self.json(one.stdout)) != nil)
        #expect(try harness.run(["daemon", "logs", "--data-dir", harness.dataDir, "--since", "1d"]).stdout.contains("daemon starting"))
        let future = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir, "--since", "2999-01-01T00:00:00Z"])
        #expect(future.status == 0 && future.stdout.isEmpty)
        let bad = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir, "--since", "yesterday"])
        #expect(bad.status == 64 && bad.stderr.contains("--since 10m"))
        let missing = try harness.run(["daemon", "logs", "--data-dir", harness.work.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1 && missing.stderr.contains("daemon start"))
    }


    @Test func aSecondSigtermCancelsTheRunningJobWhichIsRequeuedWithNothingStored() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--debug-pause-before-store", "60"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Interrupted", "-o", "json"])
        let jobID = try #require((try Self.json(chat.stdout) as? [String: Any])?["job_id"] as? Int)
        #expect(try Harness.eventually { (try harness.run(["jobs", "logs", String(jobID)]).stdout).contains("pausing") })
        let status = try #require(try Self.json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        let pid = pid_t(try #require(status["pid"] as? Int))
        let started = Date()
        kill(pid, SIGTERM)
        usleep(500_000)
        kill(pid, SIGTERM)
        #expect(try Harness.eventually(timeout: 15) { kill(pid, 0) != 0 })
        #expect(Date().timeIntervalSince(started) < 15, "not the 60 s pause, nor the 20 s bound")
        let db = harness.work.appendingPathComponent("data/sitectl.db").path
        let rows = try Harness.exec(
            "/usr/bin/sqlite3", [db, "SELECT state FROM jobs WHERE id = \(jobID); SELECT COUNT(*) FROM versions; SELECT COUNT(*) FROM site_locks WHERE holder IS NOT NULL"],
            environment: harness.environment)
        #expect(rows.stdout.split(separator: "\n") == ["queued", "1", "0"], "\(rows.stdout)")
    }

}
