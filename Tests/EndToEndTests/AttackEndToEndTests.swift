import Foundation
import Testing

/// Issue 8, item 5: links in a site folder never reach files outside it, and the CLI says which it skipped.
@Suite(.serialized) struct SymlinkAttackTests {
    /// A site folder with a link to /etc/passwd, a link to /etc, a dangling link, and a link inside the tree.
    static func hostileSite(in work: URL) throws -> URL {
        let site = work.appendingPathComponent("hostile")
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try fm.createDirectory(at: site.appendingPathComponent("static/files"), withIntermediateDirectories: true)
        try "name: hostile\ntitle: Hostile\ntheme: starter\n".write(
            to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Home\n---\nHello.\n".write(to: site.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)
        try "inside\n".write(to: site.appendingPathComponent("static/files/real.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("static/passwd.txt").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("static/etc").path, withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("static/gone.txt").path, withDestinationPath: "/nonexistent/x")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("static/alias.txt").path, withDestinationPath: "files/real.txt")
        return site
    }

    @Test func importingASiteWithALinkToEtcPasswdPublishesNothingFromOutside() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = try Self.hostileSite(in: harness.work)
        try harness.startDaemon()
        try harness.login("mallory@example.test")
        let created = try harness.run(["sites", "create", "hostile", "--from", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("skipped 3 symbolic link(s)"), "\(created.stderr)")
        #expect(created.stderr.contains("static/passwd.txt") && created.stderr.contains("static/etc"))
        let passwd = try harness.get("hostile.localhost", "/passwd.txt").stdout
        #expect(!passwd.contains("root:") && passwd.hasSuffix("404"), "\(passwd)")
        #expect(try harness.get("hostile.localhost", "/etc/hostname").stdout.hasSuffix("404"))
        let alias = try harness.get("hostile.localhost", "/alias.txt").stdout
        #expect(alias.hasPrefix("inside") && alias.hasSuffix("200"), "\(alias)")
    }

    @Test func buildDoesNotCopyFilesFromLinkedFoldersOutsideTheSite() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = try Self.hostileSite(in: harness.work)
        let out = harness.work.appendingPathComponent("dist")
        let built = try harness.run(["build", site.path, "--out", out.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("skipped 3 symbolic link(s)"), "\(built.stderr)")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("passwd.txt").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("etc").path))
        #expect((try? String(contentsOf: out.appendingPathComponent("alias.txt"), encoding: .utf8)) == "inside\n")
    }
}

/// Issue 8, item 8: commands started together when the access token is due refresh once and stay logged in.
@Suite struct RefreshRaceEndToEndTests {
    @Test func threeCommandsAtOnceWithADueTokenAllSucceedAndStayLoggedIn() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        for round in 0..<3 {
            // Make the stored access token due, as if 15 minutes had passed.
            let file = harness.work.appendingPathComponent("config/credentials.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let due = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.contains("access_expires_at:") ? line.prefix { $0 != ":" } + ": 2020-01-01T00:00:00Z" : String(line)
            }
            try due.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            chmod(file.path, 0o600)
            let bin = Harness.binary.path
            let script = (0..<3).map { _ in "( '\(bin)' sites list >/dev/null; echo \"rc=$?\" ) &" }.joined(separator: " ") + " wait"
            let results = try Harness.exec("/bin/sh", ["-c", script], environment: harness.environment)
            #expect(results.stdout.components(separatedBy: "rc=0").count - 1 == 3, "round \(round): \(results.stdout) \(results.stderr)")
            #expect(try harness.run(["whoami"]).status == 0)
        }
    }
}

/// Issue 8, items 9 and the "failed logins are logged" item, against the real daemon on TCP.
@Suite struct LoginFloodEndToEndTests {
    @Test func aLoginFloodOverTCPGets429AndTheOperatorSeesFailedLogins() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--listen", "tcp://127.0.0.1:\(harness.apiPort)"])
        let script = """
            for i in $(seq 1 40); do
              curl -s -o /dev/null -w '%{http_code} ' -H 'Content-Type: application/json' \\
                -d '{"email":"victim@example.test","password":"guess-number-'$i'"}' http://127.0.0.1:\(harness.apiPort)/v1/auth/login
            done
            curl -s -D - -o /dev/null -H 'Content-Type: application/json' \\
              -d '{"email":"victim@example.test","password":"x"}' http://127.0.0.1:\(harness.apiPort)/v1/auth/login
            """
        let result = try Harness.exec("/bin/sh", ["-c", script], environment: harness.environment)
        #expect(result.stdout.contains("401 "), "\(result.stdout)")
        #expect(result.stdout.contains("429 "), "\(result.stdout)")
        #expect(result.stdout.lowercased().contains("retry-after:"), "\(result.stdout)")
        let log = (try? String(contentsOfFile: harness.dataDir + "/logs/daemon.log", encoding: .utf8)) ?? ""
        #expect(log.contains("failed login") && log.contains("victim@example.test"), "\(log.suffix(500))")
        #expect(!log.contains("guess-number"), "passwords never reach the log")
    }
}

/// Issue 8, item 11: `daemon stop -H tcp://…` never signals a PID it read from the network.
@Suite struct RemoteStopEndToEndTests {
    @Test func stoppingARemoteDaemonNeverKillsALocalProcessNamedByIt() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        // A victim process on this machine, and a fake "daemon" whose status names its PID.
        let victim = try Harness.exec("/bin/sh", ["-c", "sleep 300 >/dev/null 2>&1 & echo $!"], environment: harness.environment)
        let pid = try #require(Int32(victim.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(pid, SIGKILL) }
        let server = harness.work.appendingPathComponent("fake.py")
        try """
            import http.server, json, sys
            class H(http.server.BaseHTTPRequestHandler):
                def log_message(self, *a): pass
                def reply(self, code, body):
                    data = json.dumps(body).encode()
                    self.send_response(code); self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
                def do_GET(self):
                    if self.path.startswith("/readyz"): self.reply(200, {})
                    else: self.reply(200, {"version": "0", "pid": \(pid), "api_address": "tcp://x", "serve_address": "x:1",
                        "workers": 1, "queue_depth": 0, "running_jobs": 0, "started_at": "2026-01-01T00:00:00Z"})
                def do_POST(self): self.reply(404, {"error": {"code": "not_found", "message": "no"}})
            http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
            """.write(to: server, atomically: true, encoding: .utf8)
        let started = try Harness.exec(
            "/bin/sh", ["-c", "python3 \(server.path) \(harness.apiPort) >/dev/null 2>&1 & echo $!"], environment: harness.environment)
        let serverPID = try #require(Int32(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(serverPID, SIGKILL) }
        #expect(Harness.eventually { (try? Harness.exec("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(harness.apiPort)/readyz"],
            environment: harness.environment).status) == 0 })
        let stop = try harness.run(["daemon", "stop", "-H", "tcp://127.0.0.1:\(harness.apiPort)", "--timeout", "3"])
        #expect(stop.status != 0)
        #expect(kill(pid, 0) == 0, "the local process the fake daemon named was signalled")
    }

    @Test func aRealDaemonOnTCPRefusesToBeStoppedByAnAccountAndStopsOverItsSocket() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--listen", "tcp://127.0.0.1:\(harness.apiPort)"])
        let refused = try harness.run(["daemon", "stop", "-H", "tcp://127.0.0.1:\(harness.apiPort)"])
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.contains("operator"), "\(refused.stderr)")
        #expect(try harness.run(["daemon", "status", "-H", "tcp://127.0.0.1:\(harness.apiPort)"]).status == 0)
        // The operator stops it with a signal on the daemon's own machine instead.
        let status = try harness.run(["daemon", "status", "-H", "tcp://127.0.0.1:\(harness.apiPort)", "-o", "json"])
        let pid = try #require((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["pid"] as? Int)
        kill(pid_t(pid), SIGTERM)
        #expect(Harness.eventually { kill(pid_t(pid), 0) != 0 })
    }
}

/// Found by the attack run: building an untrusted folder must not write outside `--out`.
@Suite struct BuildTraversalEndToEndTests {
    @Test func buildingAFolderWithTraversingSlugsAndAliasesWritesNothingOutsideTheOutput() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = harness.work.appendingPathComponent("deep/er/site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "name: t\ntitle: T\ntheme: starter\n".write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Home\n---\nHi\n".write(to: site.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: A\nslug: ../../../escaped-slug\n---\nHi\n".write(
            to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let victim = harness.work.appendingPathComponent("victim.txt")
        try "untouched\n".write(to: victim, atomically: true, encoding: .utf8)
        let out = site.appendingPathComponent("out")
        let built = try harness.run(["build", site.path, "--out", out.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: harness.work.appendingPathComponent("deep/escaped-slug").path))
        #expect(!FileManager.default.fileExists(atPath: harness.work.appendingPathComponent("escaped-slug").path))
        try "---\ntitle: B\naliases: [\"/../../../../victim.txt\"]\n---\nHi\n".write(
            to: site.appendingPathComponent("content/b.md"), atomically: true, encoding: .utf8)
        let refused = try harness.run(["build", site.path, "--out", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("must be a path on this site"), "\(refused.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "untouched\n")
    }
}
