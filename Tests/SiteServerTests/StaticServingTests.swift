import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Logging
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 12: compression negotiation, Range, conditional requests, caching policy, and the in-memory serving
/// table following deploys, deletions and status changes.
@Suite struct StaticServingTests {
    let host = HTTPField.Name("Host")!


    func blog() async throws -> (TestDaemon, UserRecord) {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        return (daemon, user)
    }

    func data(_ response: SiteResponse) -> Data { response.data }

    @Test func compressedVariantsAreNegotiatedAndDecodeToTheSameBytes() async throws {
        let (daemon, _) = try await blog()
        try await daemon.withSiteServer { client in
            let plain = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let identity = data(plain)
            #expect(identity.count > 1000)

            let br = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "gzip, deflate, br"])
            #expect(br.headers[.contentEncoding] == "br")
            #expect(br.headers[.vary] == "Accept-Encoding")
            #expect(Int(br.headers[.contentLength] ?? "") == br.body.readableBytes)
            #expect(br.body.readableBytes < identity.count / 2)
            #expect(try Compression.unbrotli(data(br)) == identity)

            let preferred = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "gzip;q=1, br;q=0.4"])
            #expect(preferred.headers[.contentEncoding] == "gzip")
            let gzip = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "br;q=0, gzip"])
            #expect(gzip.headers[.contentEncoding] == "gzip")
            #expect(try Compression.gunzip(data(gzip)) == identity)

            let star = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "*"])
            #expect(star.headers[.contentEncoding] == "br")
            let refused = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "gzip;q=0, br;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            #expect(data(refused) == identity)

            // One ETag per representation; each revalidates only itself.
            let tags = [plain, br, gzip].compactMap { $0.headers[.eTag] }
            #expect(Set(tags).count == 3)
            let brTag = try #require(br.headers[.eTag])
            let revalidated = try await client.execute(
                uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "br", .ifNoneMatch: brTag])
            #expect(revalidated.status == .notModified)
            let otherRepresentation = try await client.execute(
                uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "gzip", .ifNoneMatch: brTag])
            #expect(otherRepresentation.status == .ok)
            let weak = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .ifNoneMatch: "W/" + tags[0]])
            #expect(weak.status == .notModified)
        }
    }

    @Test func rangeRequestsGetPartialContentOf416() async throws {
        let (daemon, _) = try await blog()
        try await daemon.withSiteServer { client in
            let whole = data(try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"]))
            let first = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=0-9", .acceptEncoding: "br"])
            #expect(first.status == .partialContent)
            #expect(first.headers[.contentRange] == "bytes 0-9/\(whole.count)")
            #expect(first.headers[.contentEncoding] == nil)  // ranges are of the identity bytes
            #expect(data(first) == whole.prefix(10))
            let suffix = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=-7"])
            #expect(suffix.status == .partialContent)
            #expect(data(suffix) == whole.suffix(7))
            let open = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=100-"])
            #expect(data(open) == whole.dropFirst(100))
            let clipped = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=5-99999999"])
            #expect(clipped.headers[.contentRange] == "bytes 5-\(whole.count - 1)/\(whole.count)")
            let beyond = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=99999999-"])
            #expect(beyond.status == .rangeNotSatisfiable)
            #expect(beyond.headers[.contentRange] == "bytes */\(whole.count)")
            for ignored in ["bytes=0-1,5-6", "items=0-5", "bytes=abc", "bytes=9-3"] {
                let response = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .range: ignored])
                #expect(response.status == .ok, "\(ignored)")
                #expect(data(response) == whole)
            }
            let stale = try await client.execute(
                uri: "/", method: .get, headers: [host: "blog.localhost", .range: "bytes=0-9", .ifRange: "\"0000\""])
            #expect(stale.status == .ok)
            #expect(data(stale) == whole)
        }
    }

    @Test func cachingHeadersConditionalsAndHead() async throws {
        let (daemon, _) = try await blog()
        try await daemon.withSiteServer { client in
            let home = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            #expect(home.headers[.cacheControl] == "no-cache")
            let lastModified = try #require(home.headers[.lastModified])
            #expect(HTTPDate.parse(lastModified) != nil)
            #expect(home.headers[.acceptRanges] == "bytes")
            let html = String(decoding: data(home), as: UTF8.self)
            let stylesheet = try #require(html.firstMatch(of: /href="(\/assets\/[^"]+\.css)"/)?.1)
            let css = try await client.execute(uri: String(stylesheet), method: .get, headers: [host: "blog.localhost"])
            #expect(css.status == .ok)
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")

            let unchanged = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .ifModifiedSince: lastModified])
            #expect(unchanged.status == .notModified)
            let older = HTTPDate.format(HTTPDate.parse(lastModified)!.addingTimeInterval(-3600))
            let changed = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .ifModifiedSince: older])
            #expect(changed.status == .ok)
            // If-None-Match decides when both are sent.
            let both = try await client.execute(
                uri: "/", method: .get, headers: [host: "blog.localhost", .ifModifiedSince: lastModified, .ifNoneMatch: "\"other\""])
            #expect(both.status == .ok)

            let head = try await client.execute(uri: "/", method: .head, headers: [host: "blog.localhost", .acceptEncoding: "gzip"])
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentEncoding] == "gzip")
            let gzip = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .acceptEncoding: "gzip"])
            #expect(head.headers[.contentLength] == String(gzip.body.readableBytes))
        }
    }

    /// The serving table caches pointers; every change reaches it before the call that made it returns.
    @Test func theServingTableFollowsDeploysStatusAndDeletions() async throws {
        let (daemon, user) = try await blog()
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Second Edition", for: user)
        try await daemon.drainQueue()
        try await daemon.withSiteServer { client in
            func home(_ name: String = "blog.localhost") async throws -> SiteResponse {
                try await client.execute(uri: "/", method: .get, headers: [host: name])
            }
            #expect(try await !home().text.contains("Second Edition"))
            #expect(try await home("v2--blog.localhost").text.contains("Second Edition"))
            _ = try await daemon.components.versions.move(pointer: "live", site: "blog", ref: "2", force: false, for: user)
            #expect(try await home().text.contains("Second Edition"))
            let deployedAt = try #require(HTTPDate.parse(try await home().headers[.lastModified] ?? ""))
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await daemon.components.versions.rollback(site: "blog", to: nil, for: user)
            let rolledBack = try await home()
            #expect(!rolledBack.text.contains("Second Edition"))
            // Version 1 is older than version 2, but what the address serves changed now: Last-Modified moves on.
            #expect(try #require(HTTPDate.parse(rolledBack.headers[.lastModified] ?? "")) > deployedAt)
            _ = try await daemon.components.versions.delete(site: "blog", ref: "2", for: user)
            #expect(try await home("v2--blog.localhost").status == .notFound)
            _ = try await daemon.components.sites.setStatus(.disabled, site: "blog", for: user)
            #expect(try await home().status == .serviceUnavailable)
            _ = try await daemon.components.sites.setStatus(.enabled, site: "blog", for: user)
            #expect(try await home().status == .ok)
            try await daemon.components.sites.delete(site: "blog", for: user)
            #expect(try await home().status == .notFound)
            // A name asked for before it existed is not remembered as missing once it is created.
            #expect(try await home("later.localhost").status == .notFound)
            _ = try await daemon.components.sites.create(CreateSiteRequest(name: "later"), for: user)
            #expect(try await home("later.localhost").status == .ok)
        }
    }

    @Test func variantsAreStoredOnceKeptByTheCollectorAndCheckedByTheAudit() async throws {
        let (daemon, user) = try await blog()
        let site = try await daemon.components.versions.record(site: try await daemon.components.sites.site(named: "blog", for: user), number: 1)
        let manifest = try daemon.components.artifacts.manifest(site.outputManifest)
        let home = try #require(manifest.entry(for: "index.html"))
        let br = try #require(home.br)
        let gzip = try #require(home.gzip)
        #expect(br.size < home.size && gzip.size < home.size)
        #expect(manifest.entries.allSatisfy { $0.size >= Compression.minimumSize || ($0.br == nil && $0.gzip == nil) })
        #expect(manifest.entries.filter { !Compression.isCompressible(path: $0.path) }.allSatisfy { $0.br == nil })
        let collector = BlobCollector(db: daemon.components.db, artifacts: daemon.components.artifacts, grace: 0, now: { Date().addingTimeInterval(1) })
        _ = try await collector.collect()
        #expect(daemon.components.artifacts.blobs.contains(br.digest))
        #expect(daemon.components.artifacts.blobs.contains(gzip.digest))
        // A second version that changes one page reuses the variants of every file it did not change.
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Reused", for: user)
        try await daemon.drainQueue()
        let second = try daemon.components.artifacts.manifest(
            try await daemon.components.versions.record(site: try await daemon.components.sites.site(named: "blog", for: user), number: 2).outputManifest)
        for entry in second.entries {
            if let before = manifest.entries.first(where: { $0.digest == entry.digest }) {
                #expect(before.br == entry.br && before.gzip == entry.gzip, "\(entry.path)")
            }
        }
    }

    @Test func responderPiecesParseWhatBrowsersSend() {
        #expect(StaticResponder.parseRange("bytes=0-0", size: 10) == .range(0...0))
        #expect(StaticResponder.parseRange("bytes=-20", size: 10) == .range(0...9))
        #expect(StaticResponder.parseRange("bytes=-0", size: 10) == .unsatisfiable)
        #expect(StaticResponder.parseRange("bytes=10-", size: 10) == .unsatisfiable)
        #expect(StaticResponder.parseRange("bytes=0-", size: 0) == .unsatisfiable)
        #expect(StaticResponder.parseRange("bytes=99999999999999999999-", size: 10) == nil)
        #expect(StaticResponder.isFingerprinted("assets/style.5845d51ea1.css", digest: "5845d51ea1ff00"))
        #expect(!StaticResponder.isFingerprinted("assets/style.5845d51ea1.css", digest: "0000d51ea1ff00"))  // bytes changed
        #expect(!StaticResponder.isFingerprinted("photo.20240101.jpg", digest: "5845d51ea1ff00"))
        #expect(!StaticResponder.isFingerprinted("assets/style.css", digest: "5845d51ea1ff00"))
        #expect(!StaticResponder.isFingerprinted("blog/2024.12.deadbeef", digest: "deadbeef00"))
        #expect(StaticResponder.qualities("gzip;q=1, br;q=0.5") == (0.5, 1))
        #expect(HTTPDate.parse("Sun, 32 Nov 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 99:99:99 GMT") == nil)
        #expect(StaticResponder.acceptable("gzip, deflate, br, zstd") == (true, true))
        #expect(StaticResponder.acceptable("gzip;q=0.5, *;q=0") == (false, true))
        #expect(StaticResponder.acceptable("identity") == (false, false))
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }
}

/// The site server's own HTTP/1 handling (it is SwiftNIO directly, not Hummingbird): keep-alive, pipelining,
/// methods, malformed requests, request targets, HEAD, and large files sent from disk.
@Suite struct SiteHTTPServerTests {
    func blog() async throws -> TestDaemon {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        return daemon
    }

    static func statuses(_ raw: String) -> [String] {
        // Lines, not CRLF-lines: a body ends with "\n", and the next status line follows it directly.
        raw.components(separatedBy: "\n").filter { $0.hasPrefix("HTTP/1.1 ") }.map { String($0.split(separator: " ")[1]) }
    }

    @Test func pipelinedRequestsAreAnsweredInOrderAndCloseIsHonoured() async throws {
        let daemon = try await blog()
        try await daemon.withSiteServer { client in
            // Three requests in one write: a miss (loaded on a task), a 404 and a HEAD; answers in order.
            let request = "GET / HTTP/1.1\r\nHost: blog.localhost\r\n\r\n"
                + "GET /nope/ HTTP/1.1\r\nHost: blog.localhost\r\n\r\n"
                + "HEAD /about/ HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n"
            let raw = try await client.raw(request)
            #expect(Self.statuses(raw) == ["200", "404", "200"], "\(raw.prefix(400))")
            #expect(raw.lowercased().contains("connection: close"))
            // HTTP/1.0 without keep-alive: one answer, then the server closes (raw returns before its timeout).
            let started = Date()
            let old = try await client.raw("GET / HTTP/1.0\r\nHost: blog.localhost\r\n\r\n", seconds: 10)
            #expect(old.hasPrefix("HTTP/1.0 200"))
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test func methodsTargetsAndMalformedRequests() async throws {
        let daemon = try await blog()
        try await daemon.withSiteServer { client in
            let post = try await client.raw("POST / HTTP/1.1\r\nHost: blog.localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
            #expect(post.hasPrefix("HTTP/1.1 405"))
            #expect(post.lowercased().contains("allow: get, head"))
            #expect(post.contains("X-Content-Type-Options: nosniff"))
            let query = try await client.raw("GET /about/?utm=1#top HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n")
            #expect(query.hasPrefix("HTTP/1.1 200"))
            let absolute = try await client.raw("GET http://blog.localhost/about/ HTTP/1.1\r\nConnection: close\r\n\r\n")
            #expect(absolute.hasPrefix("HTTP/1.1 200"), "\(absolute.prefix(200))")
            let garbage = try await client.raw("GARBAGE\r\n\r\n")
            #expect(garbage.hasPrefix("HTTP/1.1 400"), "\(garbage.prefix(200))")
            let noHost = try await client.raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
            #expect(noHost.hasPrefix("HTTP/1.1 400"))
            let twoHosts = try await client.raw("GET / HTTP/1.1\r\nHost: blog.localhost\r\nHost: other.localhost\r\n\r\n")
            #expect(twoHosts.hasPrefix("HTTP/1.1 400"))
            // An absolute-form target's host wins over the Host header (RFC 9112).
            let absoluteWins = try await client.raw("GET http://nosuch.localhost/ HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n")
            #expect(absoluteWins.hasPrefix("HTTP/1.1 404"))
            // CONNECT: a 405, and the connection ends (NIO's encoder leaves a CONNECT answer without a length).
            let connectStarted = Date()
            let connect = try await client.raw("CONNECT blog.localhost:443 HTTP/1.1\r\nHost: blog.localhost\r\n\r\n", seconds: 10)
            #expect(connect.hasPrefix("HTTP/1.1 405"))
            #expect(Date().timeIntervalSince(connectStarted) < 5)
            let bigPost = try await client.raw("POST / HTTP/1.1\r\nHost: blog.localhost\r\nContent-Length: 100000000\r\n\r\nabc")
            #expect(bigPost.hasPrefix("HTTP/1.1 405"))
            let bigGet = try await client.raw(
                "GET / HTTP/1.1\r\nHost: blog.localhost\r\nContent-Length: 200000\r\n\r\n" + String(repeating: "x", count: 200_000))
            #expect(bigGet.hasPrefix("HTTP/1.1 413"))
            let redirect = try await client.raw("GET /blog?page=2 HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n")
            #expect(redirect.contains("Location: /blog/?page=2"), "\(redirect.prefix(300))")
            for host in ["v01--blog.localhost", "v+1--blog.localhost", "blog.localhost:abc"] {
                let response = try await client.raw("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(response.hasPrefix("HTTP/1.1 404"), "\(host)")
            }
            // A client that sends its requests and closes its side still gets every answer.
            let halfClosed = try await client.raw(
                "GET / HTTP/1.1\r\nHost: blog.localhost\r\n\r\nGET /about/ HTTP/1.1\r\nHost: blog.localhost\r\n\r\n", halfClose: true)
            #expect(SiteHTTPServerTests.statuses(halfClosed) == ["200", "200"], "\(halfClosed.prefix(200))")
            #expect(halfClosed.hasSuffix("</html>\n"))
            // After a malformed request the connection is closed, not left waiting.
            let started = Date()
            _ = try await client.raw("GET / HTTP/1.1\r\nHost blog.localhost\r\n\r\n", seconds: 10)
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test func largeFilesAreSentFromTheBlobFileWithRanges() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blobs = try FileBlobStore(root: directory)
        let artifacts = ArtifactStore(blobs: blobs)
        let daemon = try await blog()
        // A site server over a file store whose stream threshold is 1 KB: the home page goes out with sendfile.
        let version = try await daemon.components.versions.record(site: try await daemon.components.sites.site(named: "blog", for: try await daemon.user("ann@example.test").0), number: 1)
        let files = try daemon.components.artifacts.load(version.outputManifest)
        let stored = try artifacts.store(files, variants: true)
        #expect(stored.digest == version.outputManifest)
        let serving = SiteServing(db: daemon.components.db, artifacts: artifacts, domain: "localhost", streamThreshold: 1024)
        let server = SiteHTTPServer(serving: serving, host: "127.0.0.1", port: 0, settings: ConnectionSettings(), threads: 1, logger: Logger(label: "test"), onBound: { _ in })
        let channel = try await server.bind()
        defer { Task { try? await server.stop(channel) } }
        let testClient = TestClient(host: "127.0.0.1", port: channel.localAddress!.port!)
        testClient.connect()
        let client = SiteServerClient(client: testClient, port: channel.localAddress!.port!)
        defer { Task { try? await testClient.shutdown() } }
        let whole = try await client.raw("GET / HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n")
        let body = String(whole.split(separator: "\r\n\r\n", maxSplits: 1).last ?? "")
        #expect(whole.hasPrefix("HTTP/1.1 200"))
        #expect(Data(body.utf8) == files.files["index.html"])
        let part = try await client.raw("GET / HTTP/1.1\r\nHost: blog.localhost\r\nRange: bytes=10-19\r\nConnection: close\r\n\r\n")
        #expect(part.hasPrefix("HTTP/1.1 206"))
        #expect(part.hasSuffix(String(decoding: files.files["index.html"]!.dropFirst(10).prefix(10), as: UTF8.self)))
    }
}

/// Custom domains (`sites alias`): unique across sites, claimed only by the site's owner, served by exact Host as
/// the live version, and forgotten by the site server the moment they are removed.
@Suite struct SiteAliasTests {
    let host = HTTPField.Name("Host")!

    @Test func aDomainServesOneSiteAndOnlyItsOwnerCanClaimIt() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        let (bob, _) = try await daemon.user("bob@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "shop"), for: bob)
        let aliases = daemon.components.aliases
        let added = try await aliases.add("WWW.Example.COM.", site: "blog", for: ann)
        #expect(added.domain == "www.example.com")
        #expect(try await aliases.add("www.example.com", site: "blog", for: ann).domain == "www.example.com")  // idempotent
        // Another account cannot take it, nor add a domain to a site it does not own.
        await #expect(throws: ServerError.self) { try await aliases.add("www.example.com", site: "shop", for: bob) }
        await #expect(throws: ServerError.self) { try await aliases.add("bob.example.com", site: "blog", for: bob) }
        await #expect(throws: ServerError.self) { try await aliases.remove("www.example.com", site: "shop", for: bob) }
        for bad in ["localhost", "blog.localhost", "x.preview--blog.localhost", "10.0.0.1", "a..b", "-a.com", "a_b.com", "ex ample.com",
                    "\u{00e9}.com", String(repeating: "a", count: 64) + ".com", ""] {
            await #expect(throws: ServerError.self, "\(bad)") { try await aliases.add(bad, site: "blog", for: ann) }
        }
        #expect(try await aliases.list(site: "blog", for: ann).map(\.domain) == ["www.example.com"])

        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Aliased Two", for: ann)
        try await daemon.drainQueue()
        try await daemon.withSiteServer { client in
            func home(_ name: String) async throws -> SiteResponse { try await client.execute(uri: "/", method: .get, headers: [host: name]) }
            #expect(try await home("www.example.com").status == .ok)
            #expect(try await home("WWW.EXAMPLE.COM:8080").status == .ok)
            #expect(try await home("example.com").status == .notFound)  // exact match only
            #expect(try await !home("www.example.com").text.contains("Aliased Two"))  // the live version
            _ = try await daemon.components.versions.move(pointer: "live", site: "blog", ref: "2", force: false, for: ann)
            #expect(try await home("www.example.com").text.contains("Aliased Two"))
            // Removed: the very next request no longer finds it, and the domain is free for another site.
            try await aliases.remove("www.example.com", site: "blog", for: ann)
            #expect(try await home("www.example.com").status == .notFound)
            _ = try await aliases.add("www.example.com", site: "shop", for: bob)
            #expect(try await home("www.example.com").status == .ok)
            #expect(try await !home("www.example.com").text.contains("Aliased Two"))
            // Deleting the site frees its domains.
            try await daemon.components.sites.delete(site: "shop", for: bob)
            #expect(try await home("www.example.com").status == .notFound)
            #expect(try await aliases.add("www.example.com", site: "blog", for: ann).site == "blog")
        }
    }
}

@Suite struct AccessLogTests {
    func entry(_ site: String?, target: String = "/", agent: String? = "curl/8") -> AccessLog.Entry {
        AccessLog.Entry(
            site: site, remote: "127.0.0.1", method: "GET", target: target, version: "HTTP/1.1", status: 200, bytes: 10,
            referer: nil, userAgent: agent, nanoseconds: 1_500_000, time: Date(timeIntervalSince1970: 784_111_777))
    }

    @Test func linesAreOneLineEachJSONParsesAndFilesRotate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-access-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let combined = AccessLog(folder: folder, format: .combined, maxBytes: 300, keep: 2)
        #expect(combined.render(entry("blog", target: "/a\"b\nc", agent: "x\u{1}y")) ==
            #"127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] "GET /a\x22b\x0Ac HTTP/1.1" 200 10 "-" "x\x01y""#)
        for _ in 0..<20 {
            combined.record(entry("blog"))
            combined.record(entry("../etc"))
            combined.flush()
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["_none.log", "_none.log.1", "_none.log.2", "blog.log", "blog.log.1", "blog.log.2"], "\(names)")

        let json = AccessLog(folder: folder, format: .json)
        let line = json.render(entry("blog"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["site"] as? String == "blog")
        #expect(object["status"] as? Int == 200)
        #expect(object["time"] as? String == "1994-11-06T08:49:37Z")
        #expect(object["duration_ms"] as? Double == 1.5)
    }
}
