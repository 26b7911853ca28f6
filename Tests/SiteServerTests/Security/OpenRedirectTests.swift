import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8 (low): the redirect that adds a folder's trailing slash must stay on the site. A `Location` of
/// `//evil.example/about/` is protocol-relative: the browser goes to another host (an open redirect for phishing).
@Suite struct OpenRedirectTests {
    let host = HTTPField.Name("Host")!

    /// True when a browser resolving `location` against the site's URL could leave the site.
    static func leavesTheSite(_ location: String) -> Bool {
        let slashes = location.prefix { $0 == "/" || $0 == "\\" }
        return slashes.count != 1 || location.contains("://") || !location.hasPrefix("/")
    }

    @Test func aFolderPathStartingWithTwoSlashesRedirectsOnTheSameSite() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        try await daemon.withSiteServer { client in
            let plain = try await client.execute(uri: "/blog", method: .get, headers: [host: "blog.localhost"])
            #expect(plain.status == .movedPermanently)
            #expect(plain.headers[.location] == "/blog/")
            // Sent as raw bytes: an HTTP client refuses some of these targets before they reach the server.
            for uri in ["//blog", "///blog", "/%2F%2Fblog", "/%2fblog", "//%2Fblog", "/\\blog", "/%5Cblog", "/%5C%5Cblog"] {
                let response = try await client.raw("GET \(uri) HTTP/1.1\r\nHost: blog.localhost\r\nConnection: close\r\n\r\n")
                #expect(response.hasPrefix("HTTP/1.1 "), "\(uri): \(response.prefix(80))")
                let location = response.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
                    .map { String($0.dropFirst("location:".count)).trimmingCharacters(in: .whitespaces) }
                if let location {
                    #expect(!Self.leavesTheSite(location), "\(uri) → \(location)")
                    #expect(location == "/blog/", "\(uri) → \(location)")
                }
            }
        }
    }
}
