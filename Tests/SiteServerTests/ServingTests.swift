import HTTPTypes
import NIOCore
import Foundation
import Hummingbird
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

@Suite struct ServingTests {
    @Test func hostRoutesNameSiteAndPointer() {
        #expect(HostRoute(host: "blog.localhost:8080", domain: "localhost") == HostRoute(site: "blog", target: .live))
        #expect(HostRoute(host: "preview--blog.localhost", domain: "localhost")?.target == .preview)
        #expect(HostRoute(host: "v12--blog.localhost", domain: "localhost") == HostRoute(site: "blog", target: .version(12)))
        #expect(HostRoute(host: "localhost", domain: "localhost") == nil)
        #expect(HostRoute(host: "a.b.localhost", domain: "localhost") == nil)
        #expect(HostRoute(host: "blog.example.com", domain: "localhost") == nil)
    }

    @Test func pathsMapToOutputFilesAndTraversalIsRefused() {
        #expect(SiteServing.outputPath("/") == "index.html")
        #expect(SiteServing.outputPath("/about/") == "about/index.html")
        #expect(SiteServing.outputPath("/assets/style.css") == "assets/style.css")
        #expect(SiteServing.outputPath("/../secret") == nil)
        #expect(SiteServing.outputPath("/a/%2e%2e/b") == nil)
    }

    let host = HTTPField.Name("Host")!


    @Test func servesLivePreviewAndVersionsByHostWithETags() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Version Two", for: user)
        try await daemon.drainQueue()
        _ = try await daemon.components.versions.move(pointer: "preview", site: "blog", ref: "2", force: false, for: user)
        try await daemon.withSiteServer { client in
            let live = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost:8080"])
            #expect(live.status == .ok)
            #expect(!live.text.contains("Version Two"))
            let preview = try await client.execute(uri: "/", method: .get, headers: [host: "preview--blog.localhost"])
            #expect(preview.text.contains("Version Two"))
            let v2 = try await client.execute(uri: "/", method: .get, headers: [host: "v2--blog.localhost"])
            #expect(v2.text.contains("Version Two"))
            let etag = try #require(live.headers[.eTag])
            let cached = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost", .ifNoneMatch: etag])
            #expect(cached.status == .notModified)
            #expect(cached.body.readableBytes == 0)
            let unknown = try await client.execute(uri: "/", method: .get, headers: [host: "nosuch.localhost"])
            #expect(unknown.status == .notFound)
            let missing = try await client.execute(uri: "/no/such/page/", method: .get, headers: [host: "blog.localhost"])
            #expect(missing.status == .notFound)
        }
    }

    @Test func disabledSiteAnswers503WithMaintenancePage() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.sites.setStatus(.disabled, site: "blog", for: user)
        try await daemon.withSiteServer { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("maintenance"))
        }
        _ = try await daemon.components.sites.setStatus(.enabled, site: "blog", for: user)
        try await daemon.withSiteServer { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            #expect(response.status == .ok)
        }
    }

    @Test func deployIsOnePointerMove() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Deployed", for: user)
        try await daemon.drainQueue()
        let move = try await daemon.components.versions.move(pointer: "live", site: "blog", ref: "latest", force: false, for: user)
        #expect(move.from == 1 && move.to == 2)
        try await daemon.withSiteServer { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [host: "blog.localhost"])
            #expect(response.text.contains("Deployed"))
        }
    }
}
