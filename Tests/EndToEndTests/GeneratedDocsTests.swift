import Foundation
import Testing

/// Man pages and completions are generated from the command tree; the committed copies must match it.
@Suite(.tags(.endToEnd)) struct GeneratedDocsTests {
    @Test func manPagesAndCompletionsMatchTheCommandTree() throws {
        let output = URL(fileURLWithPath: "/tmp").appendingPathComponent("sitectl-docs-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: output) }
        let root = Harness.repositoryRoot
        let result = try Harness.exec(
            "/usr/bin/env", ["python3", root.appendingPathComponent("scripts/gen-docs").path, Harness.binary.path, output.path],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["man", "completions"] {
            let generated = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path).sorted()
            let committed = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
            #expect(generated == committed, "\(folder)/ is out of date: run scripts/gen-docs")
            for name in generated {
                let a = try Data(contentsOf: output.appendingPathComponent(folder).appendingPathComponent(name))
                let b = try? Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
                #expect(a == b, "\(folder)/\(name) is out of date: run scripts/gen-docs")
            }
        }
    }

    @Test func completionCommandPrintsTheScript() throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.work) }
        let bash = try harness.run(["completion", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("_sitectl"))
        #expect(try harness.run(["completion", "powershell"]).status == 64)
    }

    /// bash completion offers the context's site names, SITE@V refs, job ids and themes (the scripts call back
    /// into `sitectl ---completion`).
    @Test func bashCompletesNamesFromTheContext() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("complete@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the site title to Completed", "--wait"]).status == 0)
        let script = harness.work.appendingPathComponent("complete.sh").path
        let bin = Harness.binary.path
        try """
            source <("\(bin)" completion bash)
            complete_line() {
              COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
              read -ra COMP_WORDS <<< "$COMP_LINE"
              if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
              COMP_CWORD=$((${#COMP_WORDS[@]}-1))
              COMPREPLY=()
              _sitectl "${COMP_WORDS[0]}" "${COMP_WORDS[$COMP_CWORD]}" "${COMP_WORDS[$((COMP_CWORD-1))]}"
              echo "$2=${COMPREPLY[*]}"
            }
            complete_line "\(bin) sites show " sites
            complete_line "\(bin) jobs logs " jobs
            complete_line "\(bin) sites create x --theme po" themes
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try Harness.exec("/bin/bash", [script], environment: harness.environment)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("sites=blog"), "\(result.stdout) \(result.stderr)")
        #expect(lines.contains("jobs=1"))
        #expect(lines.contains("themes=portfolio"))
    }

    /// In a real interactive bash (which splits words at `@`), `SITE@` completes to its refs and `SITE@l<Tab>` to
    /// `SITE@live`, and a site name completes to `SITE@` with no backslash and no space.
    @Test func bashCompletesVersionRefsInARealShell() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("refs@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["chat", "blog", "set the site title to Completed", "--wait"]).status == 0)
        let rc = harness.work.appendingPathComponent("bashrc").path
        try """
            PS1='$ '
            export XDG_RUNTIME_DIR='\(harness.environment["XDG_RUNTIME_DIR"] ?? "")' SITECTL_CONFIG_DIR='\(harness.environment["SITECTL_CONFIG_DIR"] ?? "")'
            sitectl() { '\(Harness.binary.path)' "$@"; }
            source <('\(Harness.binary.path)' completion bash)
            complete -o filenames -F _sitectl sitectl
            """.write(toFile: rc, atomically: true, encoding: .utf8)
        var environment = harness.environment
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        let tmux = TUITests.Tmux(session: "sitectl-bash-\(UUID().uuidString.prefix(6))", environment: environment)
        #expect(try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "150", "-y", "20",
                              "bash --noprofile --rcfile \(rc) -i"]).status == 0)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("$"))

        try tmux.type("sitectl versions deploy bl")
        try tmux.keys("Tab")
        #expect(try tmux.waitFor("deploy blog@"), "\((try? tmux.screen()) ?? "")")
        #expect(try !tmux.screen().contains("blog\\@"))
        try tmux.keys("Tab", "Tab")
        #expect(try tmux.waitFor("@live"), "\((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("@2"))
        try tmux.type("li")
        try tmux.keys("Tab")
        try tmux.type("END")
        #expect(try tmux.waitFor("deploy blog@live END"), "\((try? tmux.screen()) ?? "")")
    }
}
