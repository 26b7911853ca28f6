import Foundation
import Testing

/// Issue 12 through the real binary: custom domains from the CLI, compression, ranges and caching headers as
/// curl sees them from the daemon's site server.
@Suite(.tags(.endToEnd), .serialized) struct ServingEndToEndTests {
    @Test func aCustomDomainServesTheLiveVersion() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)

        let added = try harness.run(["sites", "alias", "add", "blog", "WWW.Example.org", "-o", "json"])
        #expect(added.status == 0, "\(added.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        #expect(object["domain"] as? String == "www.example.org")
        #expect(object["site"] as? String == "blog")
        let page = try harness.get("www.example.org")
        #expect(page.stdout.hasSuffix("\n200"), "\(page.stdout.suffix(200))")
        #expect(try harness.run(["sites", "alias", "list", "blog", "-o", "name"]).stdout == "www.example.org\n")

        let bad = try harness.run(["sites", "alias", "add", "blog", "http://example.org/"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("not a domain name"))
        let own = try harness.run(["sites", "alias", "add", "blog", "shop.localhost"])
        #expect(own.status == 1)
        #expect(own.stderr.contains("daemon's own domain"))

        // Another account cannot take the domain.
        try harness.login("bob@example.test")
        #expect(try harness.run(["sites", "create", "shop"]).status == 0)
        let taken = try harness.run(["sites", "alias", "add", "shop", "www.example.org"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("already served by another site"), "\(taken.stderr)")

        try harness.login("ann@example.test")
        let unconfirmed = try harness.run(["sites", "alias", "remove", "blog", "www.example.org"])
        #expect(unconfirmed.status == 64)
        #expect(try harness.run(["sites", "alias", "remove", "blog", "www.example.org", "--yes"]).status == 0)
        #expect(try harness.get("www.example.org").stdout.hasSuffix("\n404"))
        let gone = try harness.run(["sites", "alias", "remove", "blog", "www.example.org", "--yes"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("Hint: sitectl sites alias list blog"))
    }

    @Test func anApexDomainRedirectsToTheWWWOne() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.run(["sites", "create", "shop"]).status == 0)
        #expect(try harness.run(["sites", "alias", "add", "blog", "www.example.org"]).status == 0)
        let added = try harness.run(["sites", "alias", "add", "blog", "example.org", "--redirect-to", "WWW.example.org"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "example.org redirects to www.example.org (blog@live).\n")
        let redirect = try Harness.exec("/usr/bin/curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
            "-H", "Host: example.org:\(harness.port)", "http://127.0.0.1:\(harness.port)/about/?x=1"], environment: harness.environment)
        #expect(redirect.stdout == "308 http://www.example.org:\(harness.port)/about/?x=1", "\(redirect.stdout)")
        let table = try harness.run(["sites", "alias", "list", "blog"]).stdout
        #expect(table.contains("example.org") && table.contains("→ www.example.org"), "\(table)")

        // Only to a domain of the same site that serves it; never to itself.
        #expect(try harness.run(["sites", "alias", "add", "shop", "shop.example.org"]).status == 0)
        let other = try harness.run(["sites", "alias", "add", "blog", "blog.example.net", "--redirect-to", "shop.example.org"])
        #expect(other.status == 1 && other.stderr.contains("not a domain of blog"), "\(other.stderr)")
        let chained = try harness.run(["sites", "alias", "add", "blog", "old.example.org", "--redirect-to", "example.org"])
        #expect(chained.status == 1 && chained.stderr.contains("is itself a redirect (to www.example.org)"), "\(chained.stderr)")
        let loop = try harness.run(["sites", "alias", "add", "blog", "www.example.org", "--redirect-to", "www.example.org"])
        #expect(loop.status == 1 && loop.stderr.contains("cannot redirect to itself"), "\(loop.stderr)")
        let bad = try harness.run(["sites", "alias", "add", "blog", "a.example.org", "--redirect-to", "not a domain"])
        #expect(bad.status == 64)
        // The target cannot go while something redirects to it.
        let held = try harness.run(["sites", "alias", "remove", "blog", "www.example.org", "--yes"])
        #expect(held.status == 1 && held.stderr.contains("example.org redirects to www.example.org"), "\(held.stderr)")
        // Adding it again without --redirect-to makes it serve the site.
        #expect(try harness.run(["sites", "alias", "add", "blog", "example.org"]).status == 0)
        #expect(try harness.get("example.org").stdout.hasSuffix("\n200"))
        #expect(try harness.run(["sites", "alias", "remove", "blog", "www.example.org", "--yes"]).status == 0)
    }

    @Test func pagesComeCompressedRangedAndWithCachingHeaders() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let url = "http://127.0.0.1:\(harness.port)/"
        func curl(_ arguments: [String]) throws -> String {
            try Harness.exec("/usr/bin/curl", ["-sS", "-H", "Host: blog.localhost"] + arguments + [url], environment: harness.environment).stdout
        }
        let plain = try curl([])
        let headers = try curl(["-D", "-", "-o", "/dev/null", "-H", "Accept-Encoding: br, gzip"]).lowercased()
        #expect(headers.contains("content-encoding: br"))
        #expect(headers.contains("vary: accept-encoding"))
        #expect(headers.contains("cache-control: no-cache"))
        #expect(headers.contains("last-modified: "))
        // curl decodes gzip itself: the bytes equal the identity body.
        #expect(try curl(["--compressed", "-H", "Accept-Encoding: gzip"]) == plain)
        #expect(try curl(["-r", "0-99"]) == String(plain.prefix(100)))
        let head = try curl(["-I"]).lowercased()
        #expect(head.contains("content-length: \(plain.utf8.count)"))
    }

    @Test func aSitesHeaderRulesChangeWhatItsFilesAreServedWith() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = harness.work.appendingPathComponent("framed")
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try fm.createDirectory(at: site.appendingPathComponent("static/downloads"), withIntermediateDirectories: true)
        try "name: framed\ntitle: Framed\ntheme: starter\n".write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Home\n---\nHello.\n".write(to: site.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)
        try "data\n".write(to: site.appendingPathComponent("static/downloads/a.txt"), atomically: true, encoding: .utf8)
        try """
            /*
              Content-Security-Policy: frame-ancestors 'self' https://shop.example.com
              ! X-Frame-Options
            /downloads/*
              Cache-Control: public, max-age=3600
              Permissions-Policy: camera=()

            """.write(to: site.appendingPathComponent("static/_headers"), atomically: true, encoding: .utf8)
        try harness.startDaemon()
        try harness.login("ann@example.test")
        let created = try harness.run(["sites", "create", "framed", "--from", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        func headers(_ path: String) throws -> String {
            try Harness.exec("/usr/bin/curl", ["-sS", "-D", "-", "-o", "/dev/null", "-H", "Host: framed.localhost",
                "http://127.0.0.1:\(harness.port)\(path)"], environment: harness.environment).stdout.lowercased()
        }
        let home = try headers("/")
        #expect(home.contains("content-security-policy: frame-ancestors 'self' https://shop.example.com"), "\(home)")
        #expect(!home.contains("x-frame-options"))
        #expect(home.contains("x-content-type-options: nosniff"), "defaults not named stay")
        let download = try headers("/downloads/a.txt")
        #expect(download.contains("cache-control: public, max-age=3600") && !download.contains("max-age=300"), "\(download)")
        #expect(download.contains("permissions-policy: camera=()") && download.contains("content-type: text/plain"))
        #expect(download.contains("date: "), "every response carries Date")
        // The rules file itself is not served.
        #expect(try harness.get("framed.localhost", "/_headers").stdout.hasSuffix("\n404"))
        // A rules file that does not parse stops the build, with its line.
        // Type, nosniff and cookies are the server's: rules cannot set or remove them.
        for line in ["Content-Length: 1", "Content-Type: text/html", "! X-Content-Type-Options", "Set-Cookie: a=b; Domain=localhost"] {
            try "/*\r\n  \(line)\r\n".write(to: site.appendingPathComponent("static/_headers"), atomically: true, encoding: .utf8)
            let refused = try harness.run(["build", site.path, "--out", harness.work.appendingPathComponent("out").path])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("static/_headers:2") && refused.stderr.contains("cannot be"), "\(line): \(refused.stderr)")
        }
    }

    @Test func requestsAreLoggedPerSiteAndCountedInMetrics() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.get("blog.localhost").stdout.hasSuffix("\n200"))
        #expect(try harness.get("blog.localhost", "/nope/?q=\"x").stdout.hasSuffix("\n404"))
        #expect(try harness.get("nosuch.localhost").stdout.hasSuffix("\n404"))
        let log = URL(fileURLWithPath: harness.dataDir).appendingPathComponent("logs/access/blog.log").path
        #expect(try Harness.eventually { (try? String(contentsOfFile: log, encoding: .utf8))?.contains(" 404 ") == true })
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("127.0.0.1 - - [") == true)
        #expect(lines.first?.contains("\"GET / HTTP/1.1\" 200 ") == true, "\(lines)")
        #expect(lines.last?.contains("/nope/?q=\\x22x") == true, "quotes are escaped: \(lines)")
        #expect(lines.last?.contains("\"curl/") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let none = URL(fileURLWithPath: harness.dataDir).appendingPathComponent("logs/access/_none.log").path
        #expect(try Harness.eventually { FileManager.default.fileExists(atPath: none) })

        // Metrics: the operator's, over the unix socket.
        let socket = (harness.environment["XDG_RUNTIME_DIR"] ?? "") + "/sitectl/sitectl.sock"
        let metrics = try Harness.exec("/usr/bin/curl", ["-sS", "--unix-socket", socket, "http://localhost/metrics"], environment: harness.environment).stdout
        #expect(metrics.contains(#"sitectl_http_requests_total{site="blog",code="2xx"} 1"#), "\(metrics.prefix(1500))")
        #expect(metrics.contains(#"sitectl_http_requests_total{site="blog",code="4xx"} 1"#))
        #expect(metrics.contains(#"sitectl_http_requests_total{site="_none",code="4xx"} 1"#))
        #expect(metrics.contains("sitectl_http_request_duration_seconds_bucket{site=\"blog\""))
        #expect(metrics.contains("sitectl_http_response_bytes_total{site=\"blog\"}"))
    }

    /// Found by the attack run: 8–32 clients asking for unknown sites and versions froze the whole daemon in
    /// seconds (a database read that blocked a concurrency thread). The API, the site server and a stop must all
    /// still answer afterwards.
    @Test func unknownHostsInParallelDoNotFreezeTheDaemon() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let script = """
            import random, socket, sys, threading, time
            port = int(sys.argv[1]); stop = time.time() + 5; done = [0]
            def worker():
                while time.time() < stop:
                    host = random.choice([f"nosuch{random.randrange(10**9)}.localhost", f"v{random.randrange(2, 10**9)}--blog.localhost"])
                    try:
                        s = socket.create_connection(("127.0.0.1", port), timeout=3)
                        s.sendall(f"GET / HTTP/1.1\\r\\nHost: {host}\\r\\nConnection: close\\r\\n\\r\\n".encode())
                        if s.recv(12).startswith(b"HTTP/1.1 404"): done[0] += 1
                        s.close()
                    except Exception:
                        pass
            threads = [threading.Thread(target=worker) for _ in range(32)]
            [t.start() for t in threads]; [t.join() for t in threads]
            print(done[0])
            """
        let flood = try Harness.exec("/usr/bin/python3", ["-c", script, String(harness.port)], environment: [:])
        let answered = Int(flood.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(answered > 100, "only \(answered) 404s in 5 s: \(flood.stderr)")
        // Unknown names still get their answer, and the API and a cached site too.
        #expect(try harness.get("nosuch-after.localhost").stdout.hasSuffix("\n404"))
        #expect(try harness.get("v99--blog.localhost").stdout.hasSuffix("\n404"))
        #expect(try harness.get("blog.localhost").stdout.hasSuffix("\n200"))
        let status = try harness.run(["daemon", "status"])
        #expect(status.status == 0, "\(status.stderr)")
    }
}
