import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8 (low): built-in error pages could be MIME-sniffed, and any served page could be framed by another site
/// (clickjacking) and leaked its full URL in `Referer`. Every response of the serving application carries the
/// defaults documented in docs/security.md.
@Suite struct ServedResponseHeaderTests {
    let host = HTTPField.Name("Host")!

    static let expected: [(String, String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Content-Security-Policy", "frame-ancestors 'self'"),
    ]

    @Test func framingAndSniffingAreRefusedOnEveryServedResponse() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "shut"), for: user)
        _ = try await daemon.components.sites.setStatus(.disabled, site: "shut", for: user)
        try await daemon.withSiteServer { client in
            let page = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            let etag = try #require(page.headers[.eTag])
            var responses: [(String, SiteResponse)] = [("page", page)]
            responses.append(("304", try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .ifNoneMatch: etag])))
            responses.append(("HEAD", try await client.execute(uri: "/", method: .head, headers: [host: "blog.localhost"])))
            let marker = "rel=\"stylesheet\" href=\""
            let stylesheet = try #require(page.text.components(separatedBy: marker).dropFirst().first?.split(separator: "\"").first)
            responses.append(("stylesheet", try await client.execute(uri: String(stylesheet), method: .get, headers: [host: "blog.localhost"])))
            responses.append(("redirect", try await client.execute(uri: "/blog", method: .get, headers: [host: "blog.localhost"])))
            responses.append(("site 404", try await client.execute(uri: "/no/such/page/", method: .get, headers: [host: "blog.localhost"])))
            responses.append(("unknown site", try await client.execute(uri: "/", method: .get, headers: [host: "nosuch.localhost"])))
            responses.append(("other host", try await client.execute(uri: "/", method: .get, headers: [host: "example.com"])))
            responses.append(("maintenance", try await client.execute(uri: "/", method: .get, headers: [host: "shut.localhost"])))
            responses.append(("no such version", try await client.execute(uri: "/", method: .get, headers: [host: "v9--blog.localhost"])))
            responses.append(("bad path", try await client.execute(uri: "/a/%2e%2e/b", method: .get, headers: [host: "blog.localhost"])))
            #expect(responses.map(\.1.status.code) == [200, 304, 200, 200, 301, 404, 404, 404, 503, 404, 400])
            for (what, response) in responses {
                for (name, value) in Self.expected {
                    #expect(response.headers[HTTPField.Name(name)!] == value, "\(what): \(name)")
                }
            }
            // Found by the attack run: methods no route answers came back bare (they end the connection now, so
            // they go on their own).
            for method in ["POST", "OPTIONS", "DELETE"] {
                let raw = try await client.raw("\(method) / HTTP/1.1\r\nHost: blog.localhost\r\n\r\n")
                #expect(raw.hasPrefix("HTTP/1.1 405"), "\(method)")
                for (name, value) in Self.expected {
                    #expect(raw.contains("\(name): \(value)\r\n"), "\(method): \(name)")
                }
            }
        }
    }
}
