import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SiteAPI
import SiteAgent
@testable import SiteServer
import Testing

/// Issue 8, item 3, through the daemon: bombs arriving by import, by an agent's edit and as JSON bodies fail the
/// one request or job with a clear message; the daemon keeps serving.
@Suite struct InputBombServerTests {
    static func laughs() -> String {
        var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func importingASiteWithAnAliasBombIsRefusedWithItsPosition() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("mallory@example.test")
        let siteYAML = "name: boom\ntitle: Boom\ntheme: starter\n" + Self.laughs() + "\n"
        let source = [
            SourceFile(path: "site.yaml", content: Data(siteYAML.utf8)),
            SourceFile(path: "content/index.md", content: Data("---\ntitle: Home\n---\nHi\n".utf8)),
        ]
        let error = await #expect(throws: ServerError.self) {
            _ = try await daemon.components.sites.create(CreateSiteRequest(name: "boom", source: source), for: user)
        }
        #expect(error?.message.contains("site.yaml:") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("expands to more than") == true, "\(error?.message ?? "")")
        // The daemon is still fine for everyone else.
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "fine"), for: user)
    }

    @Test func anAgentWritingAnAliasBombFailsItsJobNotTheDaemon() async throws {
        let bin = try CommandAgentJobTests.FakeBin("bomb-agent", script: """
            cat > content/boom.md <<'YAML'
            ---
            title: Boom
            \(Self.laughs())
            ---
            Body
            YAML
            echo "Added a page."
            """)
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("bomb-agent"))
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let request = try await daemon.components.requests.chat(site: "blog", message: "add a page", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.failed])
        let closed = try await daemon.components.requests.show(requestID: request.id, for: user)
        #expect(closed.reply?.contains("content/boom.md:") == true, "\(closed.reply ?? "")")
        #expect(closed.reply?.contains("expands to more than") == true, "\(closed.reply ?? "")")
        #expect(try await daemon.components.versions.list(site: "blog", for: user).map(\.number) == [1])
    }

    @Test func aDeeplyNestedJSONBodyIsABadRequest() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("mallory@example.test")
        try await daemon.application().test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            let body = "{\"name\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
            let response = try await client.execute(uri: Routes.sites, method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(try await client.api(.get, Routes.sites, token: token).status == .ok)
        }
    }
}
