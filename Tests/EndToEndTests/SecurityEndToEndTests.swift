import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Attacks and abuse through the real binary: what a hostile pipe, message or data dir can do to a terminal or a host.
@Suite(.tags(.endToEnd)) struct SecurityEndToEndTests {
    /// Runs `sitectl ARGS` with stdout a pipe nobody reads any more (`sitectl … | head` after head exited) and
    /// returns its exit status, 128 + N for a signal. `ignoreSIGPIPE` starts it the way some runtimes and CI shells
    /// do, with SIGPIPE already ignored.
    func statusWritingToAClosedPipe(_ arguments: [String], environment: [String: String], ignoreSIGPIPE: Bool) throws -> Int32 {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw POSIXError(.EIO) }
        close(descriptors[0])
        defer { close(descriptors[1]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        signal(SIGPIPE, SIG_IGN)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        if !ignoreSIGPIPE { sigaddset(&defaults, SIGPIPE) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let path = Harness.binary.path
        var pid: pid_t = 0
        let spawned = Subprocess.spawn(&pid, path, arguments, environment: environment, actions: &actions, attributes: &attributes)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    @Test func pipingIntoAReaderThatClosedEndsQuietly() throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.work) }
        for ignoreSIGPIPE in [false, true] {
            for arguments in [["completion", "bash"], ["--help"], ["versions", "--help"]] {
                let status = try statusWritingToAClosedPipe(arguments, environment: harness.environment, ignoreSIGPIPE: ignoreSIGPIPE)
                #expect(status == 0, "sitectl \(arguments.joined(separator: " ")) (SIGPIPE ignored: \(ignoreSIGPIPE)) exited \(status)")
            }
        }
    }

    @Test func escapeSequencesInChatTextDoNotReachTheTerminal() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("mallory@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        // Retitles the window, rings the bell and clears the screen.
        let payload = "Pwn\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let chat = try harness.run(["chat", "blog", "set the site title to \(payload)", "--wait"])
        #expect(chat.status == 0, "\(chat.stderr)")
        let controls = { (text: String) in text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" || $0 == "\r" } }
        #expect(!controls(chat.stdout + chat.stderr), "chat: \(chat.stdout)")
        // U+009B is the one-character CSI; a carriage return overwrites what the line showed. The site's YAML refuses
        // these, so this request fails, and its message and error still reach the terminal.
        let failing = try harness.run(["chat", "blog", "set the site title to Fake\u{9B}31m\rReal", "--wait"])
        #expect(failing.status == 1)
        #expect(!controls(failing.stdout + failing.stderr), "chat: \(failing.stderr)")

        #expect(try harness.run(["versions", "list", "blog"]).stdout.contains("Pwn^[]0;pwned^G^[[2J"))
        #expect(try harness.run(["requests", "show", "2"]).stdout.contains("FakeM-^[31m^MReal"))
        for command in [["versions", "list", "blog"], ["versions", "show", "blog@2", "--log", "--transcript"], ["jobs", "logs", "1"],
                        ["jobs", "logs", "2", "-f"], ["requests", "list"], ["requests", "show", "1"], ["requests", "show", "2"]] {
            let result = try harness.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!controls(result.stdout + result.stderr), "\(command.joined(separator: " ")): \(result.stdout)")
        }

        // Machine formats keep the text exactly as sent.
        let shown = try harness.run(["requests", "show", "1", "-o", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect(object?["message"] as? String == "set the site title to \(payload)")
        let log = try harness.run(["jobs", "logs", "1", "-o", "json"])
        #expect(log.stdout.contains("\\u001b]0;pwned"), "\(log.stdout)")
    }

    @Test func aDataDirOthersCouldReadIsMadePrivateOnStart() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        func mode(_ name: String) -> Int? {
            (try? fm.attributesOfItem(atPath: harness.dataDir + "/" + name))?[.posixPermissions] as? Int
        }
        func expectPrivate(_ when: String) {
            #expect(mode("") == 0o700, "\(when): data dir")
            for folder in ["logs", "blobs"] { #expect(mode(folder) == 0o700, "\(when): \(folder)/") }
            for file in ["sitectl.db", "secret.key", "logs/daemon.log", "logs/daemon.stderr"] {
                #expect(mode(file) == 0o600, "\(when): \(file) is \(mode(file).map { String($0, radix: 8) } ?? "missing")")
            }
            for file in ["sitectl.db-wal", "sitectl.db-shm"] where mode(file) != nil {
                #expect(mode(file) == 0o600, "\(when): \(file)")
            }
        }
        // Made by hand (or by an older version) with the usual umask.
        try fm.createDirectory(atPath: harness.dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try harness.startDaemon()
        try harness.login("ann@example.test")
        expectPrivate("first start")

        // Loosened while stopped: the next start tightens it again.
        harness.stopDaemon()
        for name in ["", "logs", "blobs"] { chmod(harness.dataDir + "/" + name, 0o755) }
        for name in ["sitectl.db", "secret.key", "logs/daemon.log", "logs/daemon.stderr"] { chmod(harness.dataDir + "/" + name, 0o644) }
        try harness.startDaemon()
        expectPrivate("second start")
        #expect(try harness.run(["whoami"]).status == 0, "the data survived")
    }

    @Test func serveDoesNotRedirectTwoSlashPathsToAnotherHost() throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.work) }
        let site = harness.work.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/docs/starter"), to: site)
        let port = Harness.freePort()
        let process = Process()
        process.executableURL = Harness.binary
        process.arguments = ["serve", site.path, "--port", String(port)]
        process.environment = harness.environment
        let log = harness.work.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        defer {
            if process.isRunning {
                process.interrupt()
                process.waitUntilExit()
            }
        }
        /// The status and `Location` of `GET path`, the path sent exactly as written.
        func head(_ path: String) throws -> (status: String, location: String?) {
            let result = try Harness.exec("/usr/bin/curl", ["-sS", "--path-as-is", "-o", "/dev/null", "-D", "-", "http://127.0.0.1:\(port)\(path)"],
                environment: [:])
            let lines = result.stdout.split(separator: "\r\n").map(String.init)
            let location = lines.first { $0.lowercased().hasPrefix("location:") }.map { String($0.dropFirst("location:".count)).trimmingCharacters(in: .whitespaces) }
            return (lines.first ?? "", location)
        }
        let ready = try Harness.eventually { try head("/faq").status.contains("301") }
        #expect(ready, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(try head("/faq").location == "/faq/")
        for path in ["//faq", "///faq", "/%2F%2Ffaq", "//%2Ffaq", "/%2F/faq"] {
            let answer = try head(path)
            #expect(answer.location == "/faq/", "\(path) → \(answer.status) \(answer.location ?? "no Location")")
        }
        for path in ["/\\faq", "/%5Cfaq"] {
            let location = try head(path).location ?? "/"
            #expect(!location.hasPrefix("//") && !location.hasPrefix("/\\"), "\(path) → \(location)")
        }
    }
}
