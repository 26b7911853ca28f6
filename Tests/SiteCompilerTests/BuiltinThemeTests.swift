import Foundation
import SiteCompiler
import Testing

/// Every built-in theme: its starter compiles cleanly, and its defaults are readable.
@Suite struct BuiltinThemeTests {
    static let themes = ["starter", "blog", "portfolio", "docs"]

    @Test(arguments: themes)
    func starterCompilesWithoutErrorsOrWarnings(theme: String) throws {
        let site = try Fixtures.library.starterSource(theme: theme, siteName: "demo")
        var options = Fixtures.options
        options.linkCheck = .error
        let result = try Fixtures.compiler.compile(site, options: options)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.output["index.html"] != nil)
        #expect(result.output["404.html"] != nil)
        for path in result.output.paths where path.hasSuffix(".html") {
            let html = result.output.text(path) ?? ""
            #expect(html.contains("<html lang=\"en\">"), "\(path) has no lang")
            #expect(html.contains("<main id=\"main\""), "\(path) has no main landmark")
            #expect(!html.contains("src=\"http"), "\(path) loads something from another host")
        }
    }

    @Test func themesOfferTheAgreedComponents() throws {
        var offered: Set<String> = []
        for theme in Self.themes { offered.formUnion(try Fixtures.library.load(theme).manifest.components.map(\.name)) }
        let wanted: Set<String> = [
            "Hero", "Features", "Pricing", "Gallery", "ContactForm", "Callout", "Figure", "Button", "Video", "FAQ",
            "Testimonials",
        ]
        #expect(wanted.isSubset(of: offered), "missing \(wanted.subtracting(offered).sorted())")
    }

    @Test(arguments: themes)
    func defaultTokensHaveReadableContrast(theme: String) throws {
        let manifest = try Fixtures.library.load(theme).manifest
        let pairs = [
            ("text", "background"), ("muted", "background"), ("primary", "background"), ("primary_text", "primary"),
            ("header_text", "header_bg"), ("footer_text", "footer_bg"), ("text", "surface"),
        ]
        for (foreground, background) in pairs {
            guard let fg = manifest.token(foreground)?.defaultValue, let bg = manifest.token(background)?.defaultValue
            else { continue }
            let ratio = try #require(ContrastRatio.between(fg, bg), "\(fg) / \(bg)")
            #expect(ratio >= 4.5, "\(theme): \(foreground) on \(background) is \(ratio):1")
        }
    }

    @Test func docsThemeHasSidebarTOCPagerAndSearch() throws {
        let site = try Fixtures.library.starterSource(theme: "docs", siteName: "demo")
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let page = try #require(result.output.text("docs/introduction/index.html"))
        #expect(page.contains("<nav class=\"sidebar\" aria-label=\"Documentation\">"))
        #expect(page.contains("<a href=\"/docs/introduction/\" aria-current=\"page\">Introduction</a>"))
        #expect(page.contains("<li class=\"toc-l2\"><a href=\"#core-ideas\">Core ideas</a></li>"))
        #expect(page.contains("<li class=\"toc-l3\"><a href=\"#files\">Files</a></li>"))
        #expect(page.contains("rel=\"next\"><span>Next</span> Installation</a>"))
        #expect(!page.contains("rel=\"prev\""), "the first page has no previous page")
        #expect(page.contains("<ol><li><a href=\"/\">My Project</a></li><li><a href=\"/docs/\">Documentation</a></li></ol>"))
        let script = Fixtures.asset("search", "js", in: result.output)
        #expect(page.contains("<script src=\"/\(script)\" defer></script>"))
        let index = try #require(result.output["search.json"])
        let entries = try JSONDecoder().decode([[String: String]].self, from: index)
        let installation = try #require(entries.first { $0["url"] == "/docs/installation/" })
        #expect(installation["title"] == "Installation")
        #expect(installation["section"] == "Documentation")
        #expect(installation["text"]?.contains("64-bit Linux") == true)
    }

    @Test func docsComponentsMatchTheBenchmarkCorpus() throws {
        let page = """
            ---
            title: Corpus page
            ---

            :::component Callout
            kind: warning
            title: "Mind the cache"
            ---
            Optional **Markdown** body.
            :::

            :::component Figure
            src: /img/diagram.svg
            alt: "A diagram"
            caption: "The flow"
            :::

            :::component Button
            label: "Read more"
            href: /docs/
            :::
            """
        var site = try Fixtures.library.starterSource(theme: "docs", siteName: "demo")
        site.setText("content/docs/corpus.md", page)
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let html = try #require(result.output.text("docs/corpus/index.html"))
        #expect(html.contains("<aside class=\"callout callout-warning\" role=\"note\">"))
        #expect(html.contains("<p>Optional <strong>Markdown</strong> body.</p>"))
        #expect(html.contains("<img src=\"/img/diagram.svg\" alt=\"A diagram\" loading=\"lazy\">"))
        #expect(html.contains("<a class=\"button\" href=\"/docs/\">Read more</a>"))
    }

    @Test func videoTestimonialsAndFAQRender() throws {
        var site = try Fixtures.library.starterSource(theme: "portfolio", siteName: "demo")
        site["static/media/reel.mp4"] = Data([0, 0, 0, 24])
        site.setText(
            "content/reel.md",
            """
            ---
            title: Reel
            ---

            :::component Video
            src: /media/reel.mp4
            title: Our 2025 reel
            :::
            """
        )
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let reel = try #require(result.output.text("reel/index.html"))
        #expect(reel.contains("<video controls preload=\"metadata\" src=\"/media/reel.mp4\" aria-label=\"Our 2025 reel\">"))
        #expect(result.output.text("index.html")?.contains("<blockquote><p>Fast, thoughtful and a joy to work with.</p>") == true)
        let docs = try Fixtures.compiler.compile(
            Fixtures.library.starterSource(theme: "docs", siteName: "demo"),
            options: Fixtures.options
        )
        #expect(docs.output.text("faq/index.html")?.contains("<summary>Is My Project free?</summary>") == true)
    }
}
