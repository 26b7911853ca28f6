import Foundation
import SiteCompiler
import Testing

/// Drafts stay out of the build (pages, lists, nav, sitemap, feeds) unless drafts are asked for.
@Suite struct DraftTests {
    static let draft = """
        ---
        title: Secret plans
        date: 2025-03-01
        draft: true
        ---
        Not yet.
        """

    private func site() throws -> SiteFiles {
        try Fixtures.starter(with: [
            "content/blog/secret-plans.md": Self.draft,
            "content/pricing.md": "---\ntitle: Pricing\ndraft: true\n---\nSoon.\n",
            "site.yaml": (try Fixtures.starter().text("site.yaml") ?? "")
                .replacingOccurrences(
                    of: "  - { label: Blog, url: /blog/ }",
                    with: "  - { label: Blog, url: /blog/ }\n  - { label: Pricing, url: /pricing/ }"
                ),
        ])
    }

    @Test func draftsAreLeftOutEverywhere() throws {
        let result = try Fixtures.compiler.compile(site(), options: Fixtures.options)
        let output = result.output
        #expect(output["blog/secret-plans/index.html"] == nil)
        #expect(output["pricing/index.html"] == nil)
        #expect(output.text("blog/index.html")?.contains("Secret plans") == false)
        #expect(output.text("index.html")?.contains("Secret plans") == false, "not in the home page's recent posts")
        #expect(output.text("sitemap.xml")?.contains("secret-plans") == false)
        #expect(output.text("blog/index.xml")?.contains("Secret plans") == false)
        #expect(output.text("about/index.html")?.contains(">Pricing</a>") == false, "nav links to drafts are dropped")
        let info = try #require(result.pages.first { $0.url == "/blog/secret-plans/" })
        #expect(info.draft && info.outputPath == nil)
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        let options = CompileOptions(drafts: true, now: Fixtures.options.now)
        let output = try Fixtures.compiler.compile(site(), options: options).output
        #expect(output["blog/secret-plans/index.html"] != nil)
        #expect(output.text("about/index.html")?.contains(">Pricing</a>") == true)
        let blog = try #require(output.text("blog/index.html"))
        let newest = try #require(blog.range(of: "Secret plans"))
        let older = try #require(blog.range(of: "Hello, world"))
        #expect(newest.lowerBound < older.lowerBound, "newest first")
    }
}
