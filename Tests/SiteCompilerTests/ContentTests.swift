import Foundation
import SiteCompiler
import Testing

/// Where pages go and how sections list them.
@Suite struct ContentTests {
    @Test func contentPathsMapToURLsLikeHugo() {
        #expect(PagePath.placement(of: "content/_index.md")?.url == "/")
        #expect(PagePath.placement(of: "content/about.md")?.url == "/about/")
        #expect(PagePath.placement(of: "content/blog/_index.md")?.kind == .section)
        #expect(PagePath.placement(of: "content/blog/Hello World.md")?.url == "/blog/hello-world/")
        #expect(PagePath.placement(of: "content/team/index.md")?.url == "/team/")
        #expect(PagePath.placement(of: "content/404.md")?.url == "/404.html")
        #expect(PagePath.placement(of: "static/a.md") == nil)
        #expect(PagePath.outputPath(for: "/") == "index.html")
        #expect(PagePath.outputPath(for: "/blog/a/") == "blog/a/index.html")
        #expect(PagePath.applying(slug: "new-name", to: "/blog/old/") == "/blog/new-name/")
    }

    @Test func sectionsListNestedPagesNewestFirstThenByWeight() throws {
        let site = try Fixtures.starter(with: [
            "content/blog/2024/older.md": "---\ntitle: Older\ndate: 2024-02-01\n---\n",
            "content/blog/undated-b.md": "---\ntitle: Undated B\nweight: 2\n---\n",
            "content/blog/undated-a.md": "---\ntitle: Undated A\nweight: 1\n---\n",
        ])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let blog = try #require(result.output.text("blog/index.html"))
        let order = ["Hello, world", "Older", "Undated A", "Undated B"].map { title in
            blog.range(of: ">\(title)</a>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(result.output["blog/2024/older/index.html"] != nil)
    }

    @Test func customNotFoundPageReplacesTheGeneratedOne() throws {
        let site = try Fixtures.starter(with: ["content/404.md": "---\ntitle: Lost?\n---\nTry the [home page](/).\n"])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output.text("404.html")?.contains("Lost?") == true)
        #expect(result.output.text("sitemap.xml")?.contains("404") == false)
    }

    @Test func titlesAreEscapedInTemplates() throws {
        let site = try Fixtures.starter(with: ["content/x.md": "---\ntitle: \"Fish & <Chips>\"\n---\n"])
        let html = try #require(
            try Fixtures.compiler.compile(site, options: Fixtures.options).output.text("x/index.html")
        )
        #expect(html.contains("<title>Fish &amp; &lt;Chips&gt; · My Site</title>"))
    }

    @Test func nonMarkdownFilesInContentAreAWarning() throws {
        var site = try Fixtures.starter()
        site["content/photo.jpg"] = Data([0xFF, 0xD8])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.diagnostics.first?.file == "content/photo.jpg")
        #expect(result.diagnostics.first?.hint == "put images and other files under static/")
    }

    @Test func staticFileMayNotReplaceAPage() throws {
        var site = try Fixtures.starter()
        site["static/about/index.html"] = Data("<p>x</p>".utf8)
        #expect(Fixtures.failures(site).first?.file == "static/about/index.html")
    }

    @Test func missingSiteYAMLIsExplained() {
        let found = Fixtures.failures(SiteFiles(["content/_index.md": Data("# Hi".utf8)]))
        #expect(found.first?.message == "the site has no site.yaml")
    }

    @Test func builtinThemesAreFoundFromTheTestBinary() throws {
        let directory = try #require(ThemeLibrary.locateBuiltin())
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("starter/theme.yaml").path))
    }
}
