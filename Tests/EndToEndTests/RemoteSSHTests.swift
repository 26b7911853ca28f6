import Foundation
import Testing

/// A real `sshd` on loopback with keys made here: the CLI drives the daemon through an `ssh://` context, the way
/// a laptop drives a server (the "remote" machine is this one, reached only through ssh and `daemon dial-stdio`).
struct SSHServer {
    let directory: URL
    let port: Int
    let pid: pid_t
    /// An ssh config with a `Host sitectl-test` entry, the key and a known_hosts file holding the server's key.
    var configFile: String { directory.appendingPathComponent("ssh_config").path }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }

    static func start(in work: URL, environment: [String: String]) throws -> SSHServer {
        let directory = work.appendingPathComponent("ssh")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        for name in ["host_key", "id"] {
            let made = try Harness.exec("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory.appendingPathComponent(name).path],
                environment: environment)
            #expect(made.status == 0, "ssh-keygen: \(made.stderr)")
        }
        let port = Harness.freePort()
        let path = directory.path
        try FileManager.default.copyItem(atPath: path + "/id.pub", toPath: path + "/authorized_keys")
        let hostKey = try String(contentsOfFile: path + "/host_key.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: path + "/known_hosts", atomically: true, encoding: .utf8)
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(path)/host_key
            AuthorizedKeysFile \(path)/authorized_keys
            PidFile \(path)/sshd.pid
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PermitRootLogin prohibit-password
            StrictModes no
            AllowUsers \(user)

            """.write(toFile: path + "/sshd_config", atomically: true, encoding: .utf8)
        try """
            Host sitectl-test
              HostName 127.0.0.1
              Port \(port)
              User \(user)
            Host *
              IdentityFile \(path)/id
              IdentitiesOnly yes
              UserKnownHostsFile \(path)/known_hosts
              StrictHostKeyChecking yes
              BatchMode yes
              LogLevel ERROR

            """.write(toFile: path + "/ssh_config", atomically: true, encoding: .utf8)
        let pid = try Subprocess.spawnBackground("/usr/sbin/sshd", ["-f", path + "/sshd_config", "-D", "-e"],
            environment: environment, log: path + "/sshd.log")
        let listening = Harness.eventually(timeout: 15) {
            (try? Harness.exec("/usr/bin/bash", ["-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"], environment: environment).status) == 0
        }
        #expect(listening, "sshd did not start: \((try? String(contentsOfFile: path + "/sshd.log", encoding: .utf8)) ?? "")")
        return SSHServer(directory: directory, port: port, pid: pid)
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

@Suite(.tags(.endToEnd), .serialized) struct RemoteSSHTests {
    /// A harness whose ssh is `ssh -F <test config>`, with a daemon and a context `box` over ssh in use.
    static func remoteSetUp() throws -> (Harness, SSHServer) {
        var harness = try Harness()
        let server = try SSHServer.start(in: harness.work, environment: harness.environment)
        harness.environment["SITECTL_SSH_COMMAND"] = "ssh -F \(server.configFile)"
        try harness.startDaemon()
        let socket = harness.work.appendingPathComponent("run/sitectl/sitectl.sock").path
        let created = try harness.run([
            "context", "create", "box", "--host", "ssh://sitectl-test", "--remote-bin", Harness.binary.path,
            "--remote-socket", socket, "--description", "the test server", "--use",
        ])
        #expect(created.status == 0, "context create: \(created.stderr)")
        return (harness, server)
    }

    @Test func theWholeLoopOverSSH() throws {
        guard SSHServer.available else {
            Issue.record("sshd is not installed: run scripts/install-deps")
            return
        }
        let (harness, server) = try Self.remoteSetUp()
        defer {
            harness.cleanUp()
            server.stop()
        }
        let tested = try harness.run(["context", "test"])
        #expect(tested.status == 0, "context test: \(tested.stderr)")
        #expect(tested.stdout.contains("Context box: ssh://sitectl-test answers"))
        #expect(tested.stdout.contains("daemon "))
        #expect(tested.stdout.contains("not logged in"))

        // Everything below goes through ssh: the CLI never touches the local socket (context box is in use).
        try harness.login("remote@example.test")
        let whoami = try harness.run(["whoami"])
        #expect(whoami.stdout.contains("remote@example.test (context box, ssh://sitectl-test)"), "\(whoami.stdout) \(whoami.stderr)")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Over SSH", "-o", "json"])
        #expect(chat.status == 0, "chat: \(chat.stderr)")
        let jobID = try #require((try JSONSerialization.jsonObject(with: Data(chat.stdout.utf8)) as? [String: Any])?["job_id"] as? Int)
        // A streamed response (NDJSON) over ssh, followed until the job ends.
        let logs = try harness.run(["jobs", "logs", String(jobID), "-f", "--exit-status"])
        #expect(logs.status == 0, "jobs logs -f: \(logs.stderr)")
        #expect(logs.stdout.contains("stored version 2"))
        let deploy = try harness.run(["versions", "deploy", "blog@2", "--yes"])
        #expect(deploy.status == 0, "deploy: \(deploy.stderr)")
        let page = try harness.get("blog.localhost")
        #expect(page.stdout.contains("Over SSH"))
        let archive = harness.work.appendingPathComponent("blog-2.tar.gz").path
        #expect(try harness.run(["versions", "download", "blog@2", "-O", archive]).status == 0)
        #expect(((try? FileManager.default.attributesOfItem(atPath: archive)[.size] as? Int) ?? 0) > 100)

        // The same daemon, named by the ssh address alone (no ssh config alias) with the key as an ssh option.
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        let direct = try harness.run([
            "context", "create", "direct", "--host", "ssh://\(user)@127.0.0.1:\(server.port)", "--remote-bin", Harness.binary.path,
            "--remote-socket", harness.work.appendingPathComponent("run/sitectl/sitectl.sock").path,
            "--ssh-option", "IdentityFile=\(server.directory.path)/id",
        ])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(try harness.run(["context", "test", "direct"]).status == 0)
        let listed = try harness.run(["context", "list", "-o", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["local", "box", "direct"])
        #expect(rows.first { $0["name"] as? String == "box" }?["current"] as? Bool == true)
        #expect(rows.first { $0["name"] as? String == "box" }?["logged_in_as"] as? String == "remote@example.test")

        // The preview tunnelled to this machine over ssh (like kubectl port-forward), until interrupted.
        let localPort = Harness.freePort()
        let previewLog = harness.work.appendingPathComponent("preview.log").path
        let preview = try Subprocess.spawnBackground(
            Harness.binary.path, ["versions", "preview", "blog@2", "--port", String(localPort)], environment: harness.environment, log: previewLog)
        defer { kill(preview, SIGKILL); var status: Int32 = 0; waitpid(preview, &status, 0) }
        #expect(Harness.eventually(timeout: 20) {
            ((try? String(contentsOfFile: previewLog, encoding: .utf8)) ?? "").contains("http://preview--blog.localhost:\(localPort)/")
        }, "\((try? String(contentsOfFile: previewLog, encoding: .utf8)) ?? "")")
        let tunnelled = try Harness.exec(
            "/usr/bin/curl", ["-sS", "-H", "Host: preview--blog.localhost:\(localPort)", "http://127.0.0.1:\(localPort)/"], environment: harness.environment)
        #expect(tunnelled.stdout.contains("Over SSH"), "\(tunnelled.stdout) \(tunnelled.stderr)")
        kill(preview, SIGINT)
        #expect(Harness.eventually(timeout: 5) { var status: Int32 = 0; return waitpid(preview, &status, WNOHANG) == preview })

        // An interrupted command leaves no ssh session or tunnel folder behind.
        let follower = try Subprocess.spawnBackground(Harness.binary.path, ["jobs", "list", "-w"], environment: harness.environment,
            log: harness.work.appendingPathComponent("w.log").path)
        usleep(1_500_000)
        kill(follower, SIGINT)
        var followerStatus: Int32 = 0
        waitpid(follower, &followerStatus, 0)
        #expect(Harness.eventually(timeout: 10) {
            (try? Harness.exec("/usr/bin/pgrep", ["-f", "dial-stdio"], environment: harness.environment).stdout.isEmpty) ?? false
        }, "ssh sessions left: \((try? Harness.exec("/usr/bin/pgrep", ["-af", "dial-stdio"], environment: harness.environment).stdout) ?? "")")
        let runDir = harness.work.appendingPathComponent("run").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: runDir)) ?? []).filter { $0.hasPrefix("sitectl-tunnel-") }.isEmpty,
            "the interrupted command removed its tunnel folder")

        // The daemon's own log and doctor's context checks, over ssh.
        let remoteLog = try harness.run(["daemon", "logs", "--tail", "50"])
        #expect(remoteLog.status == 0, "\(remoteLog.stderr)")
        #expect(remoteLog.stdout.contains("daemon starting"), "\(remoteLog.stdout)")
        // --tail 0 is the whole log, as on the daemon's machine (and --since reads it all, then filters).
        #expect(try harness.run(["daemon", "logs", "--tail", "0"]).stdout.contains("daemon starting"))
        #expect(try harness.run(["daemon", "logs", "--since", "1d"]).stdout.contains("daemon starting"))
        let doctor = try harness.run(["doctor", "-o", "json"])
        #expect(doctor.stdout.contains("box: ssh://sitectl-test answers"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("remote@example.test, session renews until"))

        // The operator stops the daemon through the API over ssh (no local kill of a remote pid).
        let status = try harness.run(["daemon", "status", "-o", "json"])
        #expect(status.status == 0, "daemon status: \(status.stderr)")
        let stop = try harness.run(["daemon", "stop"])
        #expect(stop.status == 0, "daemon stop: \(stop.stderr)")
        let afterStop = try harness.run(["sites", "list"])
        #expect(afterStop.status == 69)
        #expect(afterStop.stderr.contains("No sitectl daemon is listening at unix://"), "ssh relays the remote reason: \(afterStop.stderr)")
        #expect(afterStop.stderr.contains("Hint: Start it there (sitectl daemon start --wait), or give the context its socket: sitectl context update box --remote-socket PATH"), "\(afterStop.stderr)")
    }

    /// The TUI over an ssh:// context: the dashboard, a chat answered with the live log (the event stream over
    /// ssh), the context in the header.
    @Test func theTUIOverSSH() throws {
        guard SSHServer.available, FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("sshd or tmux is not installed: run scripts/install-deps")
            return
        }
        let (harness, server) = try Self.remoteSetUp()
        defer {
            harness.cleanUp()
            server.stop()
        }
        try harness.login("tui@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let tmux = try TUITests.Tmux.startTUI(harness, width: 110, height: 32)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("Sites (1)"), "dashboard: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("context box"))
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · blog"))
        try tmux.type("set the site title to Typed Over SSH")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("stored version 2"), "live log over ssh: \((try? tmux.screen()) ?? "")")
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (1)"))

        // `:context NAME` switches the session to another context (here the same daemon over its local socket).
        try tmux.keys(":")
        try tmux.type("context nowhere")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("There is no context named 'nowhere'."), "\((try? tmux.screen()) ?? "")")
        try tmux.keys(":")
        try tmux.type("context local")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Not logged in to context local."), "not logged in: \((try? tmux.screen()) ?? "")")
        let password = "correct horse battery\n"
        #expect(try harness.run(["login", "--context", "local", "--email", "tui@example.test", "--password-stdin"], stdin: password).status == 0)
        try tmux.keys(":")
        try tmux.type("context local")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("context local (unix://"), "switched: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("● live"))
        #expect(try tmux.waitFor("Sites (1)"))
        #expect(!(try tmux.screen().contains("context box")))
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"), "exit: \((try? tmux.screen()) ?? "")")
        // A session-only switch: the CLI's current context is still box.
        #expect(try harness.run(["context", "show"]).stdout.contains("box"))
    }

    @Test func sshFailuresNameSSHsOwnReason() throws {
        guard SSHServer.available else {
            Issue.record("sshd is not installed: run scripts/install-deps")
            return
        }
        let (harness, server) = try Self.remoteSetUp()
        defer {
            harness.cleanUp()
            server.stop()
        }
        // Nothing listens on this port: ssh's own message, exit 69.
        let closed = Harness.freePort()
        #expect(try harness.run(["context", "create", "wrongport", "--host", "ssh://127.0.0.1:\(closed)"]).status == 0)
        let refused = try harness.run(["context", "test", "wrongport"])
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("Connection refused"), "\(refused.stderr)")
        #expect(refused.stderr.contains("context wrongport"))
        #expect(refused.stderr.contains("Hint: sitectl context test wrongport"))

        // A remote machine without sitectl where the context says: the remote shell's reason.
        #expect(try harness.run(["context", "create", "nobin", "--host", "ssh://sitectl-test", "--remote-bin", "/nonexistent/sitectl"]).status == 0)
        let missing = try harness.run(["sites", "list", "--context", "nobin"])
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("/nonexistent/sitectl"), "\(missing.stderr)")
        #expect(missing.stderr.contains("Hint: Install sitectl on sitectl-test, or point the context at it: sitectl context update nobin --remote-bin"), "\(missing.stderr)")

        // A session belongs to its context: logging in over `box` does not log in `nobin`, and a context whose
        // host changed forgets its session.
        try harness.login("owner@example.test")
        #expect(try harness.run(["sites", "list"]).status == 0)
        #expect(try harness.run(["context", "update", "box", "--host", "ssh://127.0.0.1:\(closed)"]).status == 0)
        let forgotten = try harness.run(["whoami"])
        #expect(forgotten.status == 4 || forgotten.status == 69, "\(forgotten.stderr)")
        #expect(try harness.run(["context", "show", "box", "-o", "json"]).stdout.contains("\"logged_in_as\" : null"))
    }

    @Test func contextCommandsRefuseBadInput() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        // A host that ssh would read as an option, a path, a bad port, shell characters: usage errors with hints.
        for host in [
            "ssh://-oProxyCommand=touch%20x", "ssh://host/var/run/x.sock", "ssh://host:99999", "ssh://ho st", "ssh://a;b", "ftp://x",
            "ssh://sites\n", "https://u:p@host", "https://host/api", "https://host:0", "tcp://host:70000",
        ] {
            let result = try harness.run(["context", "create", "bad", "--host", host])
            #expect(result.status == 64, "\(host): \(result.stderr)")
            #expect(result.stderr.contains("Hint:"), "\(host): \(result.stderr)")
        }
        #expect(try harness.run(["context", "create", "v6", "--host", "ssh://[::1]:2222"]).status == 0, "IPv6 is an address")
        #expect(try harness.run(["context", "create", "pb", "--host", "ssh://h", "--remote-bin", "-x"]).status == 64)
        #expect(try harness.run(["daemon", "start", "--context", "v6"]).status == 64, "daemon start is local only")
        let unreachableStop = try harness.run(["daemon", "stop", "-H", "ssh://127.0.0.1:1"])
        #expect(unreachableStop.status == 69, "an address that does not answer is not a stopped daemon: \(unreachableStop.stderr)")
        for name in ["-x", "a b", "../etc", String(repeating: "x", count: 64), "local", "LOCAL", "x\n"] {
            #expect(try harness.run(["context", "create", "--host", "ssh://h", "--", name]).status == 64, "name \(name)")
        }
        #expect(try harness.run(["context", "create", "p", "--host", "ssh://h", "--ssh-option", "no-equals"]).status == 64)
        #expect(try harness.run(["context", "create", "p", "--host", "https://h", "--remote-socket", "/x"]).status == 64)
        #expect(try harness.run(["context", "create", "p", "--host", "https://h", "--ca-cert", "/etc/hostname"]).status == 64)
        #expect(try harness.run(["context", "use", "nope"]).status == 64)
        #expect(try harness.run(["context", "remove", "local", "--yes"]).status == 64)
        let unknown = try harness.run(["sites", "list", "--context", "nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("There is no context named 'nope'"))

        // create, use, show, update, remove; the file is private.
        #expect(try harness.run(["context", "create", "prod", "--host", "ssh://deploy@example.com:2222", "--use"]).status == 0)
        let config = harness.work.appendingPathComponent("config/config.yaml").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: config)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
        #expect(try harness.run(["context", "show", "-o", "name"]).stdout == "prod\n")
        // SITECTL_CONTEXT beats the current context; --context beats SITECTL_HOST.
        #expect(try harness.run(["context", "show", "-o", "name"], environment: ["SITECTL_CONTEXT": "local"]).stdout == "local\n")
        #expect(try harness.run(["context", "show", "-o", "name", "--context", "prod"], environment: ["SITECTL_HOST": "ssh://other"]).stdout == "prod\n")
        #expect(try harness.run(["context", "update", "prod", "--description", "the shop"]).status == 0)
        #expect(try harness.run(["context", "list"]).stdout.contains("* prod"))
        #expect(try harness.run(["context", "remove", "prod"]).status == 64, "needs --yes without a terminal")
        // A config others can write is refused (it could point contexts elsewhere or run commands via ssh options).
        chmod(config, 0o666)
        let shared = try harness.run(["context", "list"])
        #expect(shared.status == 64)
        #expect(shared.stderr.contains("writable by other users"), "\(shared.stderr)")
        #expect(shared.stderr.contains("Hint: chmod 600"))
        chmod(config, 0o600)
        // A hand-edited option that is not KEY=VALUE gets the checks context create makes.
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "host: ssh://deploy@example.com:2222", with: "host: ssh://deploy@example.com:2222\n    ssh_options: ['-oProxyCommand=touch /tmp/x']")
            .write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let edited = try harness.run(["sites", "list"])
        #expect(edited.status == 64, "\(edited.stderr)")
        #expect(edited.stderr.contains("is not an ssh option"))
        // A symlinked config (dotfile managers) is judged by the file it points at.
        let real = harness.work.appendingPathComponent("dotfiles-config.yaml").path
        try FileManager.default.moveItem(atPath: config, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: config, withDestinationPath: real)
        chmod(real, 0o600)
        #expect(try harness.run(["context", "list"]).status == 0, "a symlink to a private file is fine")
        try FileManager.default.removeItem(atPath: config)
        try FileManager.default.moveItem(atPath: real, toPath: config)
        // Hand-edited entries get create's checks: no second 'local', no 'LOCAL', no host with a line break.
        for entry in ["  local:\n    host: ssh://x\n", "  LOCAL:\n    host: ssh://x\n", "  ok:\n    host: \"ssh://x\\n\"\n", "  rel:\n    host: unix://relative\n"] {
            try ("contexts:\n" + entry).write(toFile: config, atomically: true, encoding: .utf8)
            chmod(config, 0o600)
            let listed = try harness.run(["context", "list"])
            #expect(listed.status == 64, "\(entry): \(listed.stderr)")
        }
        // A token with a line break is never sent nor printed.
        let badToken = try harness.run(["sites", "list"], environment: ["SITECTL_TOKEN": "sct_secretpart\nextra"])
        #expect(badToken.status == 64)
        #expect(!badToken.stderr.contains("secretpart"))
        // A typo'd key is an error, not a silent default.
        try "contexts:\n  lab:\n    host: https://lab:7443\n    cacert: /tmp/ca.pem\n".write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let typo = try harness.run(["context", "list"])
        #expect(typo.status == 64 && typo.stderr.contains("unknown key 'cacert' in context lab"), "\(typo.stderr)")
        try "contexts:\n  prod:\n    host: ssh://deploy@example.com:2222\ncurrent_context: prod\n".write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        #expect(try harness.run(["ctx", "rm", "prod", "--yes"]).status == 0)
        #expect(try harness.run(["context", "show", "-o", "name"]).stdout == "local\n")
    }
}
