import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 8, item 10: per-account quotas and bounded imports, through the API.
@Suite struct QuotaTests {
    static func daemon(_ change: (inout ServerConfiguration) -> Void) throws -> TestDaemon {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        change(&configuration)
        return try TestDaemon(configuration: configuration)
    }

    @Test func anAccountCannotCreateSitesPastItsQuota() async throws {
        let daemon = try Self.daemon { $0.quotas.sitesPerAccount = 2 }
        let (_, token) = try await daemon.user("mallory@example.test")
        let (_, other) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            for name in ["a1", "a2"] {
                #expect(try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: name)).status == .created)
            }
            let third = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "a3"))
            #expect(third.status == .unprocessableContent)
            #expect(try third.decode(APIErrorEnvelope.self).error.code == "quota_exceeded")
            // Quotas are per account.
            #expect(try await client.api(.post, Routes.sites, token: other, body: CreateSiteRequest(name: "b1")).status == .created)
        }
    }

    @Test func chatFloodsHitTheHourlyRequestQuotaWithRetryAfter() async throws {
        let daemon = try Self.daemon { $0.quotas.requestsPerHour = 3 }
        let (user, token) = try await daemon.user("mallory@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        try await daemon.application().test(.router) { client in
            for _ in 0..<3 {
                let ok = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to X"))
                #expect(ok.status == .created || ok.status == .ok || ok.status == .accepted, "\(ok.status)")
            }
            let refused = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to Y"))
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test func aSiteCannotKeepMoreVersionsThanItsQuota() async throws {
        let daemon = try Self.daemon { $0.quotas.versionsPerSite = 1 }
        let (user, token) = try await daemon.user("mallory@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        try await daemon.application().test(.router) { client in
            let refused = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to Y"))
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.decode(APIErrorEnvelope.self).error.hint?.contains("versions delete") == true)
        }
    }

    @Test func anOversizedImportIsRefusedWithAHint() async throws {
        let daemon = try Self.daemon { $0.maxImportBytes = 1 << 20 }
        let (_, token) = try await daemon.user("mallory@example.test")
        let big = [
            SourceFile(path: "site.yaml", content: Data("name: big\ntitle: Big\ntheme: starter\n".utf8)),
            SourceFile(path: "static/big.bin", content: Data(count: 2 << 20)),
        ]
        try await daemon.application().test(.router) { client in
            let response = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "big", source: big))
            #expect(response.status == .contentTooLarge)
            #expect(try response.decode(APIErrorEnvelope.self).error.hint?.contains("--max-import-mb") == true)
        }
    }

    @Test func anOversizedTarImportIsRefusedBeforeItIsReadAndLeavesNothingBehind() async throws {
        let daemon = try Self.daemon { $0.maxImportBytes = 1 << 20 }
        let (user, token) = try await daemon.user("mallory@example.test")
        let scratch = daemon.components.imports.scratch
        #expect(daemon.components.imports.maxJSONBytes == 1 << 20)
        let archive = TarArchive.tar(
            SiteFiles(["site.yaml": Data("title: Big\ntheme: starter\n".utf8), "static/big.bin": Data(count: 2 << 20)]), prefix: "")
        try await daemon.application().test(.router) { client in
            let response = try await client.tar(archive, name: "big", token: token)
            #expect(response.status == .contentTooLarge)
            #expect(try response.decode(APIErrorEnvelope.self).error.hint?.contains("--max-import-mb") == true)
        }
        #expect(try await daemon.components.sites.list(for: user, cursor: nil, limit: 10, status: nil).items.isEmpty)
        // Refused on its Content-Length before a byte is spooled (a chunked upload is cut off at the limit instead).
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []).isEmpty, "nothing spooled is left")
    }

}
