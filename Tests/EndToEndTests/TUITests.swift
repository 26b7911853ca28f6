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

        /// The 0-based screen row holding `text`.
        func row(of text: String) throws -> Int? {
            try screen().split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
        }

        /// A left click at a cell, as the terminal reports it (X10: ESC [ M, button, column and row plus 33).
        func click(row: Int, col: Int) throws {
            for button in [0x20, 0x23] {  // press, release
                let bytes = [0x1B, 0x5B, 0x4D, button, 33 + col, 33 + row].map { String(format: "%02x", $0) }
                _ = try run(["send-keys", "-t", session, "-H"] + bytes)
            }
        }

        /// Whether the program in the pane asked for mouse reports.
        func mouseReporting() throws -> Bool {
            try run(["display-message", "-p", "-t", session, "#{mouse_any_flag}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
        }

        /// Starts `sitectl tui` as `harness`'s user in a new detached session of `width`×`height`; when it exits
        /// the shell prints `TUI-EXIT=<status>`, runs `after` and stays a while so the screen can be read.
        static func startTUI(_ harness: Harness, width: Int, height: Int, after: String? = nil, arguments: String = "") throws -> Tmux {
            var environment = harness.environment
            environment["TERM"] = "xterm-256color"
            environment.removeValue(forKey: "TMUX")
            let tmux = Tmux(session: "sitectl-e2e-\(UUID().uuidString.prefix(6))", environment: environment)
            let ssh = environment["SITECTL_SSH_COMMAND"].map { " SITECTL_SSH_COMMAND='\($0)'" } ?? ""
            let tui = "env XDG_RUNTIME_DIR=\(environment["XDG_RUNTIME_DIR"] ?? "") SITECTL_CONFIG_DIR=\(environment["SITECTL_CONFIG_DIR"] ?? "")\(ssh) \(Harness.binary.path) tui\(arguments.isEmpty ? "" : " " + arguments)"
            let command = [tui, "echo TUI-EXIT=$?", after, "sleep 30"].compactMap { $0 }.joined(separator: "; ")
            let started = try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", String(width), "-y", String(height), command])
            #expect(started.status == 0, "\(started.stderr)")
            return tmux
        }
    }

    /// A daemon with ann@example.test signed in; nil, with an issue recorded, when tmux is missing.
    static func signedIn(daemon extra: [String] = []) throws -> Harness? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: run scripts/install-deps")
            return nil
        }
        let harness = try Harness()
        try harness.startDaemon(extra: extra)
        try harness.login("ann@example.test")
        return harness
    }

    @Test func chatDeployFromTheTUI() throws {
        guard let harness = try Self.signedIn() else { return }
        defer { harness.cleanUp() }
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)

        let tmux = try Tmux.startTUI(harness, width: 110, height: 32)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }

        #expect(try tmux.waitFor("Sites (1)"), "dashboard: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("blog"))
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · blog"), "enter: \((try? tmux.screen()) ?? "")")
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
        guard let harness = try Self.signedIn() else { return }
        defer { harness.cleanUp() }
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
        #expect(try tmux.waitFor("Chat · blog"), "enter: \((try? tmux.screen()) ?? "")")
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

    /// The filter, the command line and the mouse as a person uses them.
    @Test func filterCommandLineAndMouse() throws {
        guard let harness = try Self.signedIn() else { return }
        defer { harness.cleanUp() }
        for site in ["blog", "docs", "shop"] { #expect(try harness.run(["sites", "create", site]).status == 0) }
        let tmux = try Tmux.startTUI(harness, width: 110, height: 30)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("Sites (3)"), "dashboard: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.mouseReporting())

        // `/`: narrows as you type; Enter keeps it; Enter opens the one left.
        try tmux.keys("/")
        try tmux.type("do")
        #expect(try tmux.waitFor("Sites (1 of 3) · /do"), "filter: \((try? tmux.screen()) ?? "")")
        #expect(!(try tmux.screen().contains("shop")))
        try tmux.keys("Enter")
        #expect(try Harness.eventually { !(try tmux.screen().contains("tab complete")) })
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · docs"))
        // A two-line paste is one line of input, not a message sent at the first line break.
        _ = try tmux.run(["set-buffer", "-b", "e2e", "set the site title\nto Pasted"])
        _ = try tmux.run(["paste-buffer", "-p", "-b", "e2e", "-t", tmux.session])
        #expect(try tmux.waitFor("› set the site title to Pasted"), "paste: \((try? tmux.screen()) ?? "")")
        #expect(!(try tmux.screen().contains("you: set the site title")))
        try tmux.keys("C-u")
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (1 of 3)"))
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (3)"), "esc clears: \((try? tmux.screen()) ?? "")")

        // `:`: a command, a completion, a mistake.
        try tmux.keys(":")
        try tmux.type("versions bl")
        try tmux.keys("Tab")
        #expect(try tmux.waitFor(":versions blog"))
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Versions · blog"), "palette: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("CREATED"))
        try tmux.keys("Escape")
        #expect(try Harness.eventually { !(try tmux.screen().contains("Versions · blog")) })
        try tmux.keys(":")
        try tmux.type("nope")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Unknown command: nope (hint: :help lists the commands)"))

        // The mouse: a click selects the row under it, a second click opens it.
        let row = try #require(try tmux.row(of: "shop"))
        try tmux.click(row: row, col: 8)
        #expect(try Harness.eventually {
            let lines = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
            return lines.indices.contains(row) && lines[row].contains("›")
        }, "click: \((try? tmux.screen()) ?? "")")
        try tmux.click(row: row, col: 8)
        #expect(try tmux.waitFor("Chat · shop"), "second click: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (3)"))
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"), "exit: \((try? tmux.screen()) ?? "")")
        #expect(!(try tmux.mouseReporting()), "mouse reporting left on after exit")

        // --no-mouse leaves the mouse to the terminal.
        let plain = try Tmux.startTUI(harness, width: 110, height: 30, arguments: "--no-mouse")
        defer { _ = try? plain.run(["kill-session", "-t", plain.session]) }
        #expect(try plain.waitFor("Sites (3)"))
        #expect(!(try plain.mouseReporting()))
        try plain.keys("q")
        #expect(try plain.waitFor("TUI-EXIT=0"))
    }

    /// Work started outside the TUI shows in it: a question asked through `chat --no-input` is marked on the
    /// dashboard and answered in the chat, and the jobs view follows a running job's log without a key press.
    @Test func questionFromTheCLIAndAFollowedJobLog() throws {
        guard let harness = try Self.signedIn(daemon: ["--debug-pause-before-store", "3"]) else { return }
        defer { harness.cleanUp() }
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["sites", "create", "docs"]).status == 0)
        let asked = try harness.run(["chat", "blog", "make it pop", "--no-input"])
        #expect(asked.status == 3, "chat --no-input: \(asked.stderr)")

        let tmux = try Tmux.startTUI(harness, width: 120, height: 32)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("? question"), "marker: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("[2]"), "history: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("you: make it pop"))
        try tmux.type("2")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("[done]", timeout: 60), "answered: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (2)"))
        #expect(try Harness.eventually { !(try tmux.screen().contains("? question")) })

        // A job started from the CLI, followed in the jobs view.
        try tmux.keys("2")
        #expect(try tmux.waitFor("Jobs ("))
        let started = try Subprocess.run(Harness.binary.path, ["chat", "docs", "set the site title to Followed"],
                                         environment: harness.environment, timeout: 60)
        #expect(started.status == 0, "\(String(decoding: started.stderr, as: UTF8.self))")
        #expect(try tmux.waitFor("#2"), "new job listed: \((try? tmux.screen()) ?? "")")
        try tmux.keys("g")  // the newest job
        #expect(try tmux.waitFor("Log · job #2 · docs · following"), "\((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("pausing", timeout: 30), "live log: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("stored version 2", timeout: 60), "followed to the end: \((try? tmux.screen()) ?? "")")
        try tmux.keys("q")
        #expect(try tmux.waitFor("Sites (2)"))
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"))
    }

    /// `kill` (SIGTERM) on a running TUI leaves the terminal usable: ncurses' own signal handler restores it
    /// before the process ends (checked: the terminal is back in canonical mode).
    @Test func sigtermRestoresTheTerminal() throws {
        guard let harness = try Self.signedIn() else { return }
        defer { harness.cleanUp() }
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
