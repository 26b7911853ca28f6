import Foundation
import Testing

/// Workflows a person runs from the shell, against the real binary and daemon.
@Suite(.tags(.endToEnd), .serialized) struct CLIWorkflowTests {
    func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func importAFolderChatAndDownloadTheVersion() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        let fixture = Harness.repositoryRoot.appendingPathComponent("Tests/Fixtures/acme").path
        let created = try harness.run(["sites", "create", "acme", "--from", fixture])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try harness.get("acme.localhost").stdout.contains("Acme Studio"))

        let chat = try harness.run(["chat", "acme", "add Blog to the menu", "--wait"])
        #expect(chat.status == 0)
        #expect(chat.stdout.contains("already"), "no-change reply: \(chat.stdout)")

        let pricing = try harness.run(["chat", "acme", "add a pricing page with three tiers", "--wait"])
        #expect(pricing.status == 0, "\(pricing.stderr)")
        #expect(pricing.stdout.contains("acme@2"))
        let diff = try harness.run(["versions", "diff", "acme@2", "--name-only"])
        #expect(diff.stdout.contains("content/pricing.md"))
        #expect(diff.stdout.contains("site.yaml"))
        #expect(try harness.run(["versions", "preview", "acme@2"]).status == 0)
        let preview = try harness.get("preview--acme.localhost", "/pricing/")
        #expect(preview.stdout.contains("Enterprise"))
        #expect(preview.stdout.hasSuffix("200"))
        #expect(try harness.get("acme.localhost", "/pricing/").stdout.hasSuffix("404"), "not live until deployed")

        let archive = harness.work.appendingPathComponent("acme.tar.gz").path
        #expect(try harness.run(["versions", "download", "acme@2", "-O", archive]).status == 0)
        let listing = try Harness.exec("/usr/bin/tar", ["-tzf", archive], environment: harness.environment)
        #expect(listing.stdout.contains("acme-v2/content/pricing.md"))
        #expect(listing.stdout.contains("acme-v2/static/img/work/01.jpg"))
    }

    /// `versions diff SITE@N` compares N with the version it was made on, even when numbers between were deleted.
    @Test func diffOfOneVersionComparesWithTheVersionItWasMadeOn() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the site title to Two", "--wait"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the site title to Three", "--wait"]).status == 0)
        // 3 was made on 2; delete 2 and start again from 1 by rolling back.
        #expect(try harness.run(["versions", "deploy", "blog@3", "--yes"]).status == 0)
        #expect(try harness.run(["versions", "delete", "blog@2", "--yes"]).status == 0)
        let three = try harness.run(["versions", "diff", "blog@3"])
        #expect(three.status == 0, "\(three.stderr)")
        #expect(three.stdout.contains("+title: Three") && three.stdout.contains("-title:"), "\(three.stdout)")
        #expect(try harness.run(["versions", "rollback", "blog", "--yes"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the tagline to Four", "--wait"]).status == 0)
        let show = try harness.run(["versions", "show", "blog@4"])
        #expect(show.stdout.contains("made on") && show.stdout.contains("blog@1"), "\(show.stdout)")
        let four = try harness.run(["versions", "diff", "blog@4"])
        #expect(four.stdout.contains("Four") && !four.stdout.contains("Three"), "\(four.stdout)")
    }

    /// Issue 11 (CLI fixes): global options before or between subcommands, and YAML with real integers and
    /// booleans (through NSNumber every number was written as `5e+0`).
    @Test func globalOptionsGoAnywhereAndYAMLKeepsTypes() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        for arguments in [["-o", "json", "sites", "list"], ["sites", "-o", "json", "list"], ["sites", "list", "-o", "json"], ["--output=json", "sites", "list"]] {
            let listed = try harness.run(arguments)
            #expect(listed.status == 0, "\(arguments): \(listed.stderr)")
            #expect(listed.stdout.contains("\"name\""), "\(arguments): \(listed.stdout)")
        }
        let yaml = try harness.run(["-o", "yaml", "versions", "list", "blog"])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(yaml.stdout.contains("number: 1"), "\(yaml.stdout)")
        #expect(yaml.stdout.contains("is_live: true"), "\(yaml.stdout)")
        #expect(!yaml.stdout.contains("e+0"), "\(yaml.stdout)")
        // A global option after the path still works, and an unknown one is still an error.
        #expect(try harness.run(["sites", "list", "--bogus"]).status == 64)
        // A message that starts with "-" (a forwarded e-mail) is the message, not an option (attack run 18).
        let forwarded = try harness.run(["chat", "blog", "---------- Forwarded message ---------\nFrom: Dana\n\nPlease set the tagline to Notes from Dana.\n\nThanks, D.", "--wait", "--no-input"])
        #expect(forwarded.status == 0, "\(forwarded.stderr)")
        #expect(try harness.run(["versions", "diff", "blog@2"]).stdout.contains("+tagline: Notes from Dana"))
    }

    @Test func followALogLiveUntilTheJobEnds() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--debug-pause-before-store", "1"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Followed", "-o", "json"])
        let jobID = try #require((json(chat.stdout) as? [String: Any])?["job_id"] as? Int)
        // Starts while the job runs; returns by itself when the job ends, with every line once.
        let logs = try harness.run(["jobs", "logs", String(jobID), "-f", "--exit-status"])
        #expect(logs.status == 0)
        let lines = logs.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains("pausing") })
        #expect(lines.contains { $0.contains("stored version 2") })
        #expect(Set(lines).count == lines.count, "no duplicated lines")
    }

    @Test func destructiveCommandsNeedYesWithoutATerminal() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let badState = try harness.run(["jobs", "list", "--state", "bogus"])
        #expect(badState.status == 64)
        #expect(badState.stderr.contains("succeeded"), "lists the valid states")
        let delete = try harness.run(["sites", "delete", "blog"])
        #expect(delete.status == 64)
        #expect(delete.stderr.contains("Hint: sitectl sites delete blog --yes"))
        let rollback = try harness.run(["versions", "rollback", "blog"])
        #expect(rollback.status != 0)
        #expect(try harness.run(["sites", "show", "blog"]).status == 0, "nothing was deleted")
        #expect(try harness.run(["sites", "delete", "blog", "--yes"]).status == 0)
        #expect(try harness.run(["sites", "show", "blog"]).status == 1)
    }

    @Test func disabledSitesShowAMaintenancePage() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["sites", "disable", "blog"]).status == 0)
        let page = try harness.get("blog.localhost")
        #expect(page.stdout.hasSuffix("503"))
        #expect(page.stdout.contains("maintenance"))
        #expect(try harness.run(["sites", "enable", "blog"]).status == 0)
        #expect(try harness.get("blog.localhost").stdout.hasSuffix("200"))
        #expect(try harness.get("nosuch.localhost").stdout.hasSuffix("404"))
    }

    @Test func tcpListenerWithHostFlag() throws {
        let harness = try Harness()
        defer {
            _ = try? harness.run(["daemon", "stop", "-H", "tcp://127.0.0.1:\(harness.apiPort)"])
            harness.cleanUp()
        }
        let start = try harness.run(["daemon", "start", "--data-dir", harness.dataDir, "--listen", "tcp://127.0.0.1:\(harness.apiPort)",
                                     "--serve", "127.0.0.1:\(harness.port)", "--wait"])
        #expect(start.status == 0, "\(start.stderr)")
        let host = "tcp://127.0.0.1:\(harness.apiPort)"
        let register = try harness.run(["register", "-H", host, "--email", "t@example.test", "--password-stdin"], stdin: "long enough pw\n")
        #expect(register.status == 0, "\(register.stderr)")
        #expect(try harness.run(["login", "-H", host, "--email", "t@example.test", "--password-stdin"], stdin: "long enough pw\n").status == 0)
        #expect(try harness.run(["sites", "create", "blog", "-H", host]).status == 0)
        let listed = try harness.run(["sites", "list", "-o", "name"], environment: ["SITECTL_HOST": host])
        #expect(listed.stdout == "blog\n")
        #expect(try harness.run(["sites", "list", "-c", "local", "-H", host]).status == 64, "-H with -c is a usage error")
    }

    @Test func daemonWithACommandAgentStoresItsTranscript() throws {
        var harness = try Harness()
        defer { harness.cleanUp() }
        let bin = harness.work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = bin.appendingPathComponent("fake-codex")
        try "#!/bin/sh\nsed -i 's/^title: .*/title: Made By Codex/' site.yaml\nprintf 'Thinking\\n\\nRenamed the site.\\n'\n"
            .write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        harness.environment["PATH"] = bin.path + ":" + (harness.environment["PATH"] ?? "/usr/bin:/bin")
        let config = harness.work.appendingPathComponent("agent.yaml")
        try """
            default: local
            profiles:
              local: {kind: embedded, description: Offline}
              codex: {kind: command, command: [fake-codex, "{prompt}"], sandbox: off, description: Fake Codex}
            """.write(to: config, atomically: true, encoding: .utf8)

        let bad = harness.work.appendingPathComponent("bad.yaml")
        try "kind: openai\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try harness.run(["daemon", "start", "--data-dir", harness.dataDir, "--serve", "127.0.0.1:\(harness.port)",
                                       "--agent-config", bad.path, "--foreground"])
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("base_url"))

        try harness.startDaemon(extra: ["--agent-config", config.path])
        let status = try harness.run(["daemon", "status", "-o", "json"])
        #expect((json(status.stdout) as? [String: Any])?["agent"] as? String == "embedded")
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let listed = try harness.run(["agents", "list"])
        #expect(listed.stdout.contains("codex") && listed.stdout.contains("Fake Codex"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("fake-codex"), "the command stays the operator's")
        // An account cannot bring its own backend: the old --config is refused with the way forward.
        let own = harness.work.appendingPathComponent("own.yaml")
        try "kind: command\ncommand: [sh, -c, id]\nsandbox: off\n".write(to: own, atomically: true, encoding: .utf8)
        let refusedConfig = try harness.run(["sites", "agent", "blog", "--config", own.path])
        #expect(refusedConfig.status == 64, "\(refusedConfig.stderr)")
        #expect(refusedConfig.stderr.contains("--profile"))
        #expect(try harness.run(["sites", "agent", "blog", "--profile", "nope"]).status == 1)
        let picked = try harness.run(["sites", "agent", "blog", "--profile", "codex"])
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(picked.stdout.contains("codex"))
        let chat = try harness.run(["chat", "blog", "rename the site", "--wait"])
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.stdout.contains("Renamed the site."))
        let shown = try harness.run(["versions", "show", "blog@2", "--transcript"])
        #expect(shown.stdout.contains("Thinking"))
        #expect(shown.stdout.contains("fake-codex"))
    }

    @Test func browserChecksStoreAHomeScreenshot() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--browser-checks"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the site title to Screenshot Me", "--wait"]).status == 0)
        let shown = try harness.run(["versions", "show", "blog@2"])
        let hasChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        if hasChromium {
            #expect(shown.stdout.contains("browser") && shown.stdout.contains("passed"), "\(shown.stdout)")
            let png = harness.work.appendingPathComponent("home.png")
            #expect(try harness.run(["versions", "show", "blog@2", "--screenshot", png.path]).status == 0)
            let bytes = try Data(contentsOf: png)
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(bytes.count > 10_000)
        } else {
            #expect(shown.stdout.contains("skipped"), "the report says the checks were skipped: \(shown.stdout)")
        }
    }

    /// Issue 11's CLI fixes: one JSON shape per resource, --no-headers, --search/--sort, malformed names are usage
    /// errors, an empty password on stdin is a usage error, help environment, themes as data, preview's URL in JSON.
    @Test func scriptableShapesAndUsageErrors() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("shapes@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["sites", "create", "notes", "--theme", "docs"]).status == 0)
        // An array with or without --limit; the next page is said on stderr.
        let page = try harness.run(["sites", "list", "--limit", "1", "-o", "json"])
        #expect((json(page.stdout) as? [[String: Any]])?.map { $0["name"] as? String } == ["blog"])
        #expect(page.stderr.contains("More: sitectl sites list --limit 1 --cursor"))
        #expect((json(try harness.run(["sites", "list", "-o", "json"]).stdout) as? [Any])?.count == 2)
        #expect(try harness.run(["sites", "list", "--search", "DOCS", "-o", "name"]).stdout == "notes\n")
        #expect(try harness.run(["sites", "list", "--sort", "updated", "-o", "name"]).stdout == "notes\nblog\n")
        #expect(try harness.run(["sites", "list", "--sort", "size"]).status == 64)
        // The same keys whatever the state: what does not apply is null.
        let site = try #require(json(try harness.run(["sites", "show", "blog", "-o", "json"]).stdout) as? [String: Any])
        #expect(site.keys.contains("description") && site["description"] is NSNull)
        #expect(site.keys.contains("preview_version"))
        let plain = try harness.run(["sites", "list", "--no-headers"])
        #expect(!plain.stdout.contains("NAME") && plain.stdout.contains("blog"))
        for bad in ["Bad name", "x--y", "-x", String(repeating: "a", count: 64)] {
            let result = try harness.run(["sites", "show", "--", bad])
            #expect(result.status == 64, "\(bad): \(result.stderr)")
            #expect(result.stderr.contains("is not a site name"))
        }
        #expect(try harness.run(["versions", "list", "UPPER"]).status == 64)
        #expect(try harness.run(["login", "--email", "shapes@example.test", "--password-stdin"], stdin: "").status == 64)
        let environment = try harness.run(["help", "environment"])
        #expect(environment.stdout.contains("SITECTL_TOKEN") && environment.stdout.contains("SITECTL_SSH_COMMAND"))
        let themes = try #require(json(try harness.run(["themes", "list", "-o", "json"]).stdout) as? [[String: Any]])
        #expect((themes.first { $0["name"] as? String == "docs" }?["components"] as? [String])?.contains("FAQ") == true)
        #expect(try harness.run(["themes", "list", "-o", "yaml"]).stdout.contains("  name: blog"))
        let preview = try #require(json(try harness.run(["versions", "preview", "blog@1", "-o", "json"]).stdout) as? [String: Any])
        #expect((preview["url"] as? String)?.hasPrefix("http://preview--blog.localhost:") == true)
        #expect(try harness.run(["sites", "list", "-o", "wide"]).stdout.contains("DESCRIPTION"))
        #expect(!(try harness.run(["sites", "list"]).stdout.contains("DESCRIPTION")), "-o wide is more than the table")
        #expect(try harness.run(["versions", "list", "blog", "-o", "wide"]).stdout.contains("MADE ON"))
        #expect(try harness.run(["--color", "never", "sites", "list"]).status == 0)
        #expect(try harness.run(["sites", "list", "--color", "sometimes"]).status == 64)
    }

    /// A question answered ahead with --answer; without it (no terminal) exit 3 and the request as JSON, in the
    /// same shape as `requests show -o json`; `requests answer --answer`.
    @Test func questionsAnsweredAheadOrLater() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("asks@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let asked = try harness.run(["chat", "blog", "make it pop"])
        #expect(asked.status == 3)
        let request = try #require(json(asked.stdout) as? [String: Any])
        let shown = try #require(json(try harness.run(["requests", "show", String(request["id"] as? Int ?? 0), "-o", "json"]).stdout) as? [String: Any])
        #expect(request["state"] as? String == "needs_input")
        #expect(((request["question"] as? [String: Any])?["options"] as? [String])?.count == 3)
        #expect(NSDictionary(dictionary: request["question"] as? [String: Any] ?? [:]).isEqual(to: shown["question"] as? [String: Any] ?? [:]))
        #expect(asked.stderr.contains("Hint: sitectl requests answer"))
        #expect(try harness.run(["requests", "answer", String(request["id"] as? Int ?? 0), "1", "--answer", "2"]).status == 64, "one answer, not two")
        let answered = try harness.run(["requests", "answer", String(request["id"] as? Int ?? 0), "--answer", "2", "--wait"])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("Arial Black"))
        let yamlLog = try harness.run(["jobs", "logs", "1", "-o", "yaml"])
        #expect(yamlLog.stdout.hasPrefix("---\n") && yamlLog.stdout.contains("job_id: 1"), "\(yamlLog.stdout)")
        let ahead = try harness.run(["chat", "blog", "make it pop", "--answer", "1", "--wait"])
        #expect(ahead.status == 0, "\(ahead.stderr)")
        #expect(ahead.stdout.contains("primary colour"))
        #expect(ahead.stdout.contains("Created blog@3"))
    }

    /// `jobs retry` sends a cancelled job's request again; `jobs list -w` prints changes; `daemon restart` comes
    /// back in the same process with the same settings.
    @Test func retryWatchAndRestart() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--debug-pause-before-store", "3"])
        try harness.login("ops@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let watchLog = harness.work.appendingPathComponent("watch.log").path
        let watcher = try Subprocess.spawnBackground(Harness.binary.path, ["jobs", "list", "-w"], environment: harness.environment, log: watchLog)
        defer { kill(watcher, SIGKILL); var status: Int32 = 0; waitpid(watcher, &status, 0) }
        let chat = try harness.run(["chat", "blog", "set the site title to Retried", "-o", "json"])
        let jobID = try #require((json(chat.stdout) as? [String: Any])?["job_id"] as? Int)
        #expect(try harness.run(["jobs", "cancel", String(jobID), "--yes"]).status == 0)
        #expect(Harness.eventually { (try? harness.run(["jobs", "show", String(jobID), "-o", "json"]).stdout.contains("\"cancelled\"")) == true })
        #expect(Harness.eventually(timeout: 10) {
            ((try? String(contentsOfFile: watchLog, encoding: .utf8)) ?? "").contains("cancelled")
        }, "jobs list -w: \((try? String(contentsOfFile: watchLog, encoding: .utf8)) ?? "")")
        let retried = try harness.run(["jobs", "retry", String(jobID), "--wait"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("Created blog@"), "\(retried.stdout)")
        #expect(try harness.run(["jobs", "retry", String(jobID + 1)]).status == 64, "a succeeded job is not retried")

        let before = try #require(json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        let restart = try harness.run(["daemon", "restart"])
        #expect(restart.status == 0, "\(restart.stderr)")
        let after = try #require(json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        #expect(after["pid"] as? Int == before["pid"] as? Int)
        #expect((after["started_at"] as? String ?? "") > (before["started_at"] as? String ?? ""))
        #expect(try harness.run(["sites", "list", "-o", "name"]).stdout == "blog\n")
    }
}
