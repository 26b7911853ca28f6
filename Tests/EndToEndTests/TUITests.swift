import Foundation
import Testing

/// Drives the real `sitectl tui` in tmux as a person would: keys in, screen text out.
@Suite(.tags(.endToEnd), .serialized) struct TUITests {
    struct Tmux {
        let session: String
        let environment: [String: String]

        func run(_ arguments: [String]) throws -> Harness.Result {
            // new-session may fork the tmux server, which would keep any pipe it inherited open: no pipes there.
            let outcome = try Subprocess.run("/usr/bin/tmux", arguments, environment: environment, timeout: 60,
                                             capture: arguments.first != "new-session")
            return Harness.Result(status: outcome.status, stdout: String(decoding: outcome.stdout, as: UTF8.self),
                                  stderr: String(decoding: outcome.stderr, as: UTF8.self))
        }

        func keys(_ keys: String...) throws { _ = try run(["send-keys", "-t", session] + keys) }
        func type(_ text: String) throws { _ = try run(["send-keys", "-t", session, "-l", text]) }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]).stdout }

        func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> Bool {
            try Harness.eventually(timeout: timeout) { try screen().contains(text) }
        }

        /// Starts `sitectl tui` as `harness`'s user in a new detached session of `width`×`height`; when it exits
        /// the shell prints `TUI-EXIT=<status>`, runs `after` and stays a while so the screen can be read.
        static func startTUI(_ harness: Harness, width: Int, height: Int, after: String? = nil) throws -> Tmux {
            var environment = harness.environment
            environment["TERM"] = "xterm-256color"
            environment.removeValue(forKey: "TMUX")
            let tmux = Tmux(session: "sitectl-e2e-\(UUID().uuidString.prefix(6))", environment: environment)
            let ssh = environment["SITECTL_SSH_COMMAND"].map { " SITECTL_SSH_COMMAND='\($0)'" } ?? ""
            let tui = "env XDG_RUNTIME_DIR=\(environment["XDG_RUNTIME_DIR"] ?? "") SITECTL_CONFIG_DIR=\(environment["SITECTL_CONFIG_DIR"] ?? "")\(ssh) \(Harness.binary.path) tui"
            let command = [tui, "echo TUI-EXIT=$?", after, "sleep 30"].compactMap { $0 }.joined(separator: "; ")
            let started = try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", String(width), "-y", String(height), command])
            #expect(started.status == 0, "\(started.stderr)")
            return tmux
        }
    }

    @Test func chatDeployFromTheTUI() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)

        let tmux = try Tmux.startTUI(harness, width: 110, height: 32)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }

        #expect(try tmux.waitFor("Sites (1)"), "dashboard: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("blog"))
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · blog"))
        try tmux.type("set the site title to Terminal Made")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("stored version 2"), "live log: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("[done]"), "reply: \((try? tmux.screen()) ?? "")")

        try tmux.keys("C-v")
        #expect(try tmux.waitFor("CREATED"))
        try tmux.keys("d")
        #expect(try tmux.waitFor("Deploy blog@2 to live?"))
        try tmux.keys("y")
        #expect(try Harness.eventually {
            let site = try harness.run(["sites", "show", "blog", "-o", "json"])
            return (try JSONSerialization.jsonObject(with: Data(site.stdout.utf8)) as? [String: Any])?["live_version"] as? Int == 2
        })
        let page = try harness.get("blog.localhost")
        #expect(page.stdout.contains("Terminal Made"))

        try tmux.keys("Escape")
        try tmux.keys("Escape")
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"), "exit: \((try? tmux.screen()) ?? "")")
    }

    /// The daemon stops under a running TUI and comes back: the TUI says since when it is unreachable instead of
    /// showing empty lists, reconnects on its own, and a chat sent afterwards finishes live. Then once more
    /// through `daemon restart`.
    @Test func reconnectsAfterTheDaemonRestarts() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let tmux = try Tmux.startTUI(harness, width: 120, height: 30)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("● live"), "start: \((try? tmux.screen()) ?? "")")

        harness.stopDaemon()
        #expect(try tmux.waitFor("unreachable since"), "down: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("daemon unreachable since"), "banner: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("blog"), "the list stays: \((try? tmux.screen()) ?? "")")
        try tmux.keys("v")
        #expect(try tmux.waitFor("Versions · blog"))
        #expect(try Harness.eventually(timeout: 5) { !(try tmux.screen().contains("Loading versions")) })
        #expect(!(try tmux.screen().contains("No versions yet")), "versions while down: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Escape")
        #expect(try Harness.eventually { !(try tmux.screen().contains("Versions · blog")) })

        try harness.startDaemon()
        #expect(try tmux.waitFor("● live"), "back: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · blog"))
        try tmux.type("set the site title to Back Again")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("[done]"), "chat after the restart: \((try? tmux.screen()) ?? "")")

        #expect(try harness.run(["daemon", "restart"]).status == 0)
        // The restart can be quicker than a screen poll, so the end state is what is checked: live, and a chat
        // sent now finishes without a key press.
        #expect(try tmux.waitFor("● live"))
        try tmux.type("set the site title to Twice Back")
        try tmux.keys("Enter")
        #expect(try Harness.eventually { try tmux.screen().components(separatedBy: "[done]").count >= 3 },
                "chat after daemon restart: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Escape")
        #expect(try Harness.eventually { !(try tmux.screen().contains("Chat · blog")) })
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"), "exit: \((try? tmux.screen()) ?? "")")
    }

    /// `kill` (SIGTERM) on a running TUI leaves the terminal usable: ncurses' own signal handler restores it
    /// before the process ends (checked: the terminal is back in canonical mode).
    @Test func sigtermRestoresTheTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        let tmux = try Tmux.startTUI(
            harness, width: 100, height: 24, after: "stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'")
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("Sites (0)"), "dashboard: \((try? tmux.screen()) ?? "")")
        // Anchored: the shell tmux runs has the same words in its command line and must not get the signal.
        let pids = try Harness.exec("/usr/bin/pgrep", ["-f", "^\(Harness.binary.path) tui$"], environment: tmux.environment)
        #expect(!pids.stdout.isEmpty, "no TUI process found")
        for pid in pids.stdout.split(separator: "\n").compactMap({ pid_t($0) }) { kill(pid, SIGTERM) }
        #expect(try tmux.waitFor("TUI-EXIT="), "exit: \((try? tmux.screen()) ?? "")")
        // Canonical mode is back (ncurses left raw mode): the line reads "icanon", not "-icanon".
        #expect(try tmux.waitFor("\nicanon") || tmux.screen().split(separator: "\n").contains("icanon"), "\((try? tmux.screen()) ?? "")")
    }
}
