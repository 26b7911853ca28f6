import Foundation
import Testing

/// A test CA and a server certificate made with openssl for this run.
struct TestCertificates {
    let directory: URL
    var caCertificate: String { directory.appendingPathComponent("ca.pem").path }
    var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
    var serverKey: String { directory.appendingPathComponent("server.key").path }
    /// A second CA that signed nothing the daemon presents.
    var otherCA: String { directory.appendingPathComponent("other-ca.pem").path }

    static func make(in work: URL, environment: [String: String]) throws -> TestCertificates {
        let directory = work.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.path
        let script = """
            set -e
            cd '\(path)'
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=sitectl-test-CA
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout other-ca.key -out other-ca.pem -days 2 -subj /CN=other-CA
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr -subj /CN=localhost
            printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nkeyUsage=digitalSignature\\nextendedKeyUsage=serverAuth\\n' > ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext
            chmod 600 server.key
            """
        let made = try Harness.exec("/bin/bash", ["-c", script], environment: environment)
        #expect(made.status == 0, "openssl: \(made.stderr)")
        return TestCertificates(directory: directory)
    }
}

@Suite(.tags(.endToEnd), .serialized) struct RemoteHTTPSTests {
    static var opensslAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    @Test func theLoopOverHTTPSWithATestCA() throws {
        guard Self.opensslAvailable else {
            Issue.record("openssl is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let certificates = try TestCertificates.make(in: harness.work, environment: harness.environment)
        let address = "https://127.0.0.1:\(harness.apiPort)"
        try harness.startDaemon(extra: [
            "--listen", address, "--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey,
        ])
        // The operator's socket stays beside the TLS listener: status on this machine, without a context.
        let status = try harness.run(["daemon", "status", "-o", "json"])
        #expect(status.stdout.contains("\"api_address\" : \"\(address)\""), "\(status.stdout)")

        #expect(try harness.run(["context", "create", "web", "--host", address, "--ca-cert", certificates.caCertificate, "--use"]).status == 0)
        let tested = try harness.run(["context", "test"])
        #expect(tested.status == 0, "\(tested.stderr)")
        #expect(tested.stdout.contains("Context web: \(address) answers"))
        try harness.login("tls@example.test")
        #expect(try harness.run(["whoami"]).stdout.contains("tls@example.test (context web, \(address))"))
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let chat = try harness.run(["chat", "blog", "set the site title to Over TLS", "--wait"])
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(try harness.run(["versions", "deploy", "blog@2", "--yes"]).status == 0)
        #expect(try harness.get("blog.localhost").stdout.contains("Over TLS"))
        let logs = try harness.run(["jobs", "logs", "1", "-f", "--exit-status"])
        #expect(logs.status == 0 && logs.stdout.contains("stored version 2"), "\(logs.stderr)")

        // A CI token: shown once, works through SITECTL_TOKEN (beating the saved session), cannot mint tokens,
        // and stops working the moment it is revoked (exit 4 with a hint).
        let created = try harness.run(["auth", "token", "create", "--name", "ci-deploy", "--expires", "1d"])
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("sct_") && !secret.contains("\n"))
        let tokens = try harness.run(["auth", "token", "list", "-o", "json"])
        #expect(tokens.stdout.contains("\"name\" : \"ci-deploy\"") && !tokens.stdout.contains(secret), "never the secret")
        let ci = ["SITECTL_TOKEN": secret]
        #expect(try harness.run(["sites", "list", "-o", "name"], environment: ci).stdout == "blog\n")
        #expect(try harness.run(["versions", "deploy", "blog@1", "--yes"], environment: ci).status == 0)
        #expect(try harness.run(["auth", "token", "create"], environment: ci).status == 4)
        // A machine with only the token, logged in with it on stdin.
        let runner = harness.work.appendingPathComponent("runner-config").path
        #expect(try harness.run(["context", "create", "web", "--host", address, "--ca-cert", certificates.caCertificate, "--config-dir", runner]).status == 0)
        let tokenLogin = try harness.run(["login", "--token-stdin", "--context", "web", "--config-dir", runner], stdin: secret + "\n")
        #expect(tokenLogin.status == 0, "\(tokenLogin.stderr)")
        #expect(try harness.run(["whoami", "--context", "web", "--config-dir", runner]).stdout.contains("tls@example.test"))
        let id = try #require(((try JSONSerialization.jsonObject(with: Data(tokens.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? Int))
        #expect(try harness.run(["auth", "token", "revoke", String(id)]).status == 0)
        let revoked = try harness.run(["sites", "list"], environment: ci)
        #expect(revoked.status == 4)
        #expect(revoked.stderr.contains("The API token 'ci-deploy' was revoked."), "\(revoked.stderr)")
        #expect(revoked.stderr.contains("Hint: Create a new one (sitectl auth token create)"))
        #expect(try harness.run(["whoami", "--context", "web", "--config-dir", runner]).status == 4)
        #expect(try harness.run(["login", "--token-stdin"], stdin: "\n").status == 64, "an empty token is a usage error")

        // A certificate that does not verify is an error, never skipped: no trust given, or the wrong CA.
        #expect(try harness.run(["context", "create", "untrusted", "--host", address]).status == 0)
        let untrusted = try harness.run(["context", "test", "untrusted"])
        #expect(untrusted.status == 69)
        #expect(untrusted.stderr.contains("its TLS certificate does not verify"), "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("Hint: Trust the CA that signed the daemon's certificate: sitectl context update untrusted --ca-cert"))
        #expect(try harness.run(["context", "create", "wrongca", "--host", address, "--ca-cert", certificates.otherCA]).status == 0)
        let wrong = try harness.run(["sites", "list", "--context", "wrongca"])
        #expect(wrong.status == 69, "not 'not logged in': \(wrong.stderr)")
        #expect(wrong.stderr.contains("does not verify"))
        // A session saved for `web` is not sent when the same token file is used against another address.
        let other = try harness.run(["sites", "list", "-H", "https://localhost:\(harness.apiPort)"])
        #expect(other.status == 4 || other.status == 69, "\(other.stderr)")

        // An account over TCP is not the operator: no daemon log, no stop (with a hint that names ssh).
        let log = try harness.run(["daemon", "logs"])
        #expect(log.status == 4 && log.stderr.contains("Only the daemon's operator can read its log"), "\(log.stderr)")
        let remoteStop = try harness.run(["daemon", "stop"])
        #expect(remoteStop.status == 4 && remoteStop.stderr.contains("over an ssh:// context"), "\(remoteStop.stderr)")

        // Stopping goes through the operator's socket on this machine.
        let stop = try harness.run(["daemon", "stop", "--context", "local"])
        #expect(stop.status == 0, "\(stop.stderr)")
    }

    /// The TUI on an https:// context: the header names it, a chat streams its log live over TLS, the jobs view
    /// lists the job.
    @Test func theTUIOverHTTPS() throws {
        guard Self.opensslAvailable, FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            Issue.record("openssl or tmux is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        let certificates = try TestCertificates.make(in: harness.work, environment: harness.environment)
        let address = "https://127.0.0.1:\(harness.apiPort)"
        try harness.startDaemon(extra: [
            "--listen", address, "--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey,
        ])
        #expect(try harness.run(["context", "create", "web", "--host", address, "--ca-cert", certificates.caCertificate, "--use"]).status == 0)
        try harness.login("tui-tls@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let tmux = try TUITests.Tmux.startTUI(harness, width: 120, height: 32)
        defer { _ = try? tmux.run(["kill-session", "-t", tmux.session]) }
        #expect(try tmux.waitFor("context web (\(address))"), "header: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("● live"))
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("Chat · blog"))
        try tmux.type("set the site title to Typed Over TLS")
        try tmux.keys("Enter")
        #expect(try tmux.waitFor("stored version 2"), "live log over https: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("[done]"))
        try tmux.keys("Escape")
        #expect(try tmux.waitFor("Sites (1)"))
        try tmux.keys("2")
        #expect(try tmux.waitFor("Log · job #1 · blog"), "jobs over https: \((try? tmux.screen()) ?? "")")
        #expect(try tmux.waitFor("stored version 2"))
        try tmux.keys("1")
        try tmux.keys("q")
        #expect(try tmux.waitFor("TUI-EXIT=0"), "exit: \((try? tmux.screen()) ?? "")")
    }

    @Test func listenerSettingsAreChecked() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let base = ["daemon", "start", "--data-dir", harness.dataDir, "--serve", "127.0.0.1:0", "--no-browser-checks"]
        let noCertificate = try harness.run(base + ["--listen", "https://127.0.0.1:\(harness.apiPort)"])
        #expect(noCertificate.status == 64)
        #expect(noCertificate.stderr.contains("needs --tls-cert and --tls-key"))
        let certificateWithoutTLS = try harness.run(base + ["--tls-cert", "/etc/hostname", "--tls-key", "/etc/hostname"])
        #expect(certificateWithoutTLS.status == 64)
        let plainOnTheNetwork = try harness.run(base + ["--listen", "tcp://0.0.0.0:\(harness.apiPort)"])
        #expect(plainOnTheNetwork.status == 64)
        #expect(plainOnTheNetwork.stderr.contains("without TLS"))
        #expect(plainOnTheNetwork.stderr.contains("Hint: Use --listen https://"))
        guard Self.opensslAvailable else { return }
        let certificates = try TestCertificates.make(in: harness.work, environment: harness.environment)
        // Not a certificate, and a key that belongs to another certificate: said before anything starts.
        let notPEM = try harness.run(base + ["--listen", "https://127.0.0.1:\(harness.apiPort)", "--tls-cert", "/etc/hostname", "--tls-key", certificates.serverKey])
        #expect(notPEM.status == 64)
        #expect(notPEM.stderr.contains("holds no PEM certificate"), "\(notPEM.stderr)")
        let mismatch = try harness.run(base + [
            "--listen", "https://127.0.0.1:\(harness.apiPort)", "--tls-cert", certificates.serverCertificate,
            "--tls-key", certificates.directory.appendingPathComponent("ca.key").path,
        ])
        #expect(mismatch.status == 64)
        #expect(mismatch.stderr.contains("does not belong to the certificate"), "\(mismatch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: harness.dataDir + "/sitectl.db"), "nothing started")
    }
}
