import Foundation
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, item 6: an agent may not switch `raw_html` on (nor off); only the owner's own import sets it.
@Suite struct RawHTMLPolicyTests {
    @Test func anAgentTurningRawHTMLOnIsRefused() async throws {
        let bin = try CommandAgentJobTests.FakeBin("html-agent", script: """
            printf '\\nraw_html: true\\n' >> site.yaml
            printf -- '---\\ntitle: X\\n---\\n<script>alert(1)</script>\\n' > content/x.md
            echo "Added a page."
            """)
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("html-agent"))
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let request = try await daemon.components.requests.chat(site: "blog", message: "add a page", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.failed])
        let closed = try await daemon.components.requests.show(requestID: request.id, for: user)
        #expect(closed.reply?.contains("raw_html") == true, "\(closed.reply ?? "")")
        #expect(try await daemon.components.versions.list(site: "blog", for: user).map(\.number) == [1])
    }

    @Test func theOwnersImportMaySetRawHTML() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        let source = [
            SourceFile(path: "site.yaml", content: Data("name: raw\ntitle: Raw\ntheme: starter\nraw_html: true\n".utf8)),
            SourceFile(path: "content/index.md", content: Data("---\ntitle: Home\n---\n<b>bold</b>\n".utf8)),
        ]
        let site = try await daemon.components.sites.create(CreateSiteRequest(name: "raw", source: source), for: user)
        #expect(site.liveVersion == 1)
    }
}
