import Foundation
import Testing

/// Issue 12's TLS through the real binary against a real ACME server: pebble (Debian's package) with its
/// challenge test server as DNS, both started here on loopback. The daemon obtains a certificate for a custom
/// domain over HTTP-01, serves it over HTTPS and HTTP/2, redirects plain HTTP, renews the certificate before it
/// expires (pebble issues 30-second certificates here) and reports a refused order in `sites alias list`.
@Suite(.tags(.endToEnd), .serialized) struct ACMEEndToEndTests {
    static var installed: Bool {
        ["/usr/bin/pebble", "/usr/bin/pebble-challtestsrv", "/usr/bin/openssl"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// pebble and its DNS, with a TLS certificate for pebble itself from a CA made here.
    struct Pebble {
        let directory: String
        let port: Int
        let managementPort: Int
        var pids: [pid_t] = []

        var directoryURL: String { "https://localhost:\(port)/dir" }
        var caFile: String { directory + "/ca.pem" }

        static func start(in folder: URL, httpPort: Int, environment: [String: String]) throws -> Pebble {
            let directory = folder.appendingPathComponent("pebble").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            func openssl(_ arguments: [String]) throws {
                let result = try Harness.exec("/usr/bin/openssl", arguments, environment: environment)
                #expect(result.status == 0, "openssl \(arguments.first ?? ""): \(result.stderr)")
            }
            try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", directory + "/ca.key",
                "-out", directory + "/ca.pem", "-days", "2", "-subj", "/CN=pebble test CA"])
            try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", directory + "/pebble.key",
                "-out", directory + "/pebble.csr", "-subj", "/CN=localhost"])
            try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: directory + "/ext", atomically: true, encoding: .utf8)
            try openssl(["x509", "-req", "-in", directory + "/pebble.csr", "-CA", directory + "/ca.pem", "-CAkey", directory + "/ca.key",
                "-CAcreateserial", "-out", directory + "/pebble.crt", "-days", "2", "-extfile", directory + "/ext"])
            let dns = Harness.freePort()
            var pebble = Pebble(directory: directory, port: Harness.freePort(), managementPort: Harness.freePort())
            try """
                {"pebble": {"listenAddress": "127.0.0.1:\(pebble.port)", "managementListenAddress": "127.0.0.1:\(pebble.managementPort)",
                 "certificate": "\(directory)/pebble.crt", "privateKey": "\(directory)/pebble.key",
                 "httpPort": \(httpPort), "tlsPort": \(Harness.freePort()), "ocspResponderURL": "", "externalAccountBindingRequired": false,
                 "certificateValidityPeriod": 30, "domainBlocklist": ["blocked.example.test"]}}
                """.write(toFile: directory + "/pebble.json", atomically: true, encoding: .utf8)
            // Every name resolves to loopback, where the daemon's plain listener answers the challenges.
            pebble.pids.append(try Subprocess.spawnBackground("/usr/bin/pebble-challtestsrv", [
                "-dns01", "127.0.0.1:\(dns)", "-http01", "", "-https01", "", "-tlsalpn01", "",
                "-management", "127.0.0.1:\(Harness.freePort())", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
            ], environment: environment, log: directory + "/challtestsrv.log"))
            pebble.dns = dns
            try pebble.startCA(environment: environment)
            return pebble
        }

        var dns = 0

        /// Starts pebble itself (again: a new pebble knows no accounts, as a CA that lost one).
        mutating func startCA(environment: [String: String]) throws {
            var pebbleEnvironment = environment
            pebbleEnvironment["PEBBLE_VA_NOSLEEP"] = "1"
            pids.append(try Subprocess.spawnBackground("/usr/bin/pebble", [
                "-config", directory + "/pebble.json", "-dnsserver", "127.0.0.1:\(dns)",
            ], environment: pebbleEnvironment, log: directory + "/pebble.log"))
            let url = directoryURL
            let ca = caFile
            let up = Harness.eventually(timeout: 20) {
                (try? Harness.exec("/usr/bin/curl", ["-sSf", "--cacert", ca, url], environment: environment).status) == 0
            }
            #expect(up, "pebble did not start: \((try? String(contentsOfFile: directory + "/pebble.log", encoding: .utf8)) ?? "")")
        }

        mutating func restartCA(environment: [String: String]) throws {
            if let pid = pids.popLast() {
                kill(pid, SIGTERM)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
            try startCA(environment: environment)
        }

        /// pebble's root (a new one each run), which signs what it issues.
        func root(environment: [String: String]) throws -> String {
            let path = directory + "/root.pem"
            let result = try Harness.exec("/usr/bin/curl", ["-sSf", "--cacert", caFile, "-o", path,
                "https://localhost:\(managementPort)/roots/0"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return path
        }

        func stop() {
            for pid in pids {
                kill(pid, SIGTERM)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
        }
    }

    func aliases(_ harness: Harness) throws -> [[String: Any]] {
        let listed = try harness.run(["sites", "alias", "list", "blog", "-o", "json"])
        return (try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    func certificate(_ harness: Harness, _ domain: String) throws -> [String: Any]? {
        try aliases(harness).first { $0["domain"] as? String == domain }?["certificate"] as? [String: Any]
    }

    func serial(_ path: String, environment: [String: String]) throws -> String {
        try Harness.exec("/usr/bin/openssl", ["x509", "-in", path, "-noout", "-serial", "-enddate"], environment: environment).stdout
    }

    @Test func aCustomDomainGetsACertificateOverACMEIsServedOverHTTPSAndIsRenewed() throws {
        guard Self.installed else {
            Issue.record("pebble or openssl is not installed: run scripts/install-deps")
            return
        }
        let harness = try Harness()
        defer { harness.cleanUp() }
        var pebble = try Pebble.start(in: harness.work, httpPort: harness.port, environment: harness.environment)
        defer { pebble.stop() }
        let tlsPort = Harness.freePort()
        // Mistakes in the TLS flags are usage errors before anything starts.
        let same = try harness.run(["daemon", "start", "--data-dir", harness.dataDir, "--serve", "127.0.0.1:\(harness.port)",
            "--serve-tls", "127.0.0.1:\(harness.port)"])
        #expect(same.status == 64 && same.stderr.contains("same address"), "\(same.stderr)")
        let garbage = harness.work.appendingPathComponent("not-a-ca.pem").path
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let badCA = try harness.run(["daemon", "start", "--data-dir", harness.dataDir, "--serve-tls", "127.0.0.1:\(tlsPort)",
            "--acme-directory", pebble.directoryURL, "--acme-ca-cert", garbage])
        #expect(badCA.status == 64 && badCA.stderr.contains("holds no PEM certificate"), "\(badCA.stderr)")
        // The default check interval (an hour): renewal must come from the certificates' own schedule.
        try harness.startDaemon(extra: [
            "--serve-tls", "127.0.0.1:\(tlsPort)", "--acme-directory", pebble.directoryURL, "--acme-ca-cert", pebble.caFile,
            "--acme-email", "ops@example.test",
        ])
        let status = try harness.run(["daemon", "status", "-o", "json"])
        #expect(status.stdout.contains("\"serve_tls_address\" : \"127.0.0.1:\(tlsPort)\""), "\(status.stdout)")
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["sites", "alias", "add", "blog", "www.example.test"]).status == 0)
        #expect(try harness.run(["sites", "alias", "add", "blog", "blocked.example.test"]).status == 0)

        let issued = Harness.eventually(timeout: 60) { (try? certificate(harness, "www.example.test"))?["state"] as? String == "valid" }
        let logs = String(((try? String(contentsOfFile: harness.dataDir + "/logs/daemon.log", encoding: .utf8)) ?? "").suffix(3000))
        #expect(issued, "no certificate: \((try? aliases(harness)) ?? []) \(logs)")
        #expect(try certificate(harness, "www.example.test")?["source"] as? String == "acme")
        let table = try harness.run(["sites", "alias", "list", "blog"]).stdout
        #expect(table.contains("HTTPS") && table.contains("(ACME)"), "\(table)")

        // The page over HTTPS and HTTP/2, verified against pebble's root.
        let root = try pebble.root(environment: harness.environment)
        func fetch() throws -> Harness.Result {
            try Harness.exec("/usr/bin/curl", ["-sS", "--cacert", root, "--resolve", "www.example.test:\(tlsPort):127.0.0.1",
                "-w", "\n%{http_code} %{http_version}", "https://www.example.test:\(tlsPort)/"], environment: harness.environment)
        }
        let page = try fetch()
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("<html") && page.stdout.hasSuffix("\n200 2"), "\(page.stdout.suffix(100))")
        // Plain HTTP goes to HTTPS, path and query kept.
        let redirect = try Harness.exec("/usr/bin/curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
            "-H", "Host: www.example.test", "http://127.0.0.1:\(harness.port)/about/?from=plain"], environment: harness.environment)
        #expect(redirect.stdout == "308 https://www.example.test:\(tlsPort)/about/?from=plain")

        // A refused order shows in the list with pebble's reason, and the domain is still served over HTTP.
        let refused = Harness.eventually(timeout: 30) { (try? certificate(harness, "blocked.example.test"))?["state"] as? String == "failed" }
        #expect(refused, "\((try? aliases(harness)) ?? [])")
        let reason = try certificate(harness, "blocked.example.test")?["error"] as? String ?? ""
        #expect(reason.contains("blocked"), "\(reason)")
        #expect(try harness.get("blocked.example.test").stdout.hasSuffix("\n200"))

        // Renewal: a 30-second certificate is replaced with a third of its life left, and what is served after
        // the first one expired still verifies.
        let file = harness.dataDir + "/tls/acme/www.example.test/cert.pem"
        let first = try serial(file, environment: harness.environment)
        // Due with a third of its 30 s left: renewed before the first one expires.
        let renewed = Harness.eventually(timeout: 28) { (try? serial(file, environment: harness.environment)) != first }
        #expect(renewed, "not renewed before expiry: \(first)")
        sleep(12)
        let later = try fetch()
        #expect(later.status == 0 && later.stdout.hasSuffix("\n200 2"), "\(later.stderr) \(later.stdout.suffix(40))")
        let mode = try FileManager.default.attributesOfItem(atPath: harness.dataDir + "/tls/acme/www.example.test/key.pem")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A CA that forgot the account (pebble restarted): the daemon registers again and the next order works.
        try pebble.restartCA(environment: harness.environment)
        #expect(try harness.run(["sites", "alias", "add", "blog", "second.example.test"]).status == 0)
        let again = Harness.eventually(timeout: 30) { (try? certificate(harness, "second.example.test"))?["state"] as? String == "valid" }
        #expect(again, "\((try? aliases(harness)) ?? [])")
        let log = (try? String(contentsOfFile: harness.dataDir + "/logs/daemon.log", encoding: .utf8)) ?? ""
        #expect(log.contains("the ACME account is unknown to the CA; registering a new one"), "\(log.suffix(2000))")

        // A removed domain's certificate goes: no more HTTPS for it, and plain HTTP is no longer redirected.
        #expect(try harness.run(["sites", "alias", "remove", "blog", "second.example.test", "--yes"]).status == 0)
        let gone = Harness.eventually(timeout: 10) {
            !FileManager.default.fileExists(atPath: harness.dataDir + "/tls/acme/second.example.test")
        }
        #expect(gone)
        #expect(try harness.get("second.example.test").stdout.hasSuffix("\n404"))
    }
}
