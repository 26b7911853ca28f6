import SiteCompiler
import Testing

/// cmark-gfm with the GitHub extensions, safe by default.
@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGitHubExtensions() {
        let html = renderer.render(
            """
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~gone~~ and https://example.com

            - [x] done
            - [ ] todo

            Note[^1].

            [^1]: The footnote.
            """
        )
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let html = renderer.render("<script>alert(1)</script>\n\nHello <b>there</b>")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        let unsafe = MarkdownRenderer(options: .init(allowRawHTML: true)).render("Hello <b>there</b>")
        #expect(unsafe.contains("<b>there</b>"))
    }

    @Test func headingsGetUniqueIDs() {
        let html = renderer.render(
            "## Get started\n\n## Get started\n\n### Ask *anything*!\n\n## Contact us {#contact}"
        )
        #expect(html.contains("<h2 id=\"get-started\">Get started</h2>"))
        #expect(html.contains("<h2 id=\"get-started-1\">Get started</h2>"))
        #expect(html.contains("<h3 id=\"ask-anything\">Ask <em>anything</em>!</h3>"))
        #expect(html.contains("<h2 id=\"contact\">Contact us</h2>"))
    }

    @Test func headingsInCodeAreNotTouched() {
        let html = renderer.render("```html\n<h2>x</h2>\n```")
        #expect(html.contains("&lt;h2&gt;x&lt;/h2&gt;"))
    }
}
