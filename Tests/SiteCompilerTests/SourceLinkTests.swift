import Foundation
import SiteCompiler
import Testing

/// Links to `.md` files in Markdown become the addresses of the pages those files produce.
@Suite struct SourceLinkTests {
    static let guide = """
        ---
        title: Guide
        ---

        Read [about us](../about.md), the [first post](../blog/hello-world.md#top), [home](/_index.md),
        [the blog](/blog/_index.md?ref=guide) and [setup](setup.md#install).

        :::component Callout
        kind: tip
        title: Next
        ---
        Continue with [setup](./setup.md).
        :::
        """
    static let setup = "---\ntitle: Setup\nslug: installing\n---\n\nIntro.\n\n## Install\n\nSteps.\n"

    @Test func relativeAndRootLinksToSourcesBecomePageAddresses() throws {
        let site = try Fixtures.starter(with: ["content/docs/guide.md": Self.guide, "content/docs/setup.md": Self.setup])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let html = try #require(result.output.text("docs/guide/index.html"))
        #expect(html.contains("<a href=\"/about/\">about us</a>"))
        #expect(html.contains("<a href=\"/blog/hello-world/#top\">first post</a>"))
        #expect(html.contains("<a href=\"/\">home</a>"))
        #expect(html.contains("<a href=\"/blog/?ref=guide\">the blog</a>"))
        // `slug:` moves the page; the link follows it, and its fragment is checked against the page's ids.
        #expect(html.contains("<a href=\"/docs/installing/#install\">setup</a>"))
        // Inside a component's Markdown body too.
        #expect(html.contains("<a href=\"/docs/installing/\">setup</a>"))
        #expect(!html.contains(".md\""))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func linkToAMissingSourceIsABrokenLinkAtItsLine() throws {
        let page = "---\ntitle: Guide\n---\n\nSee [setup](setpu.md).\n"
        let found = Fixtures.failures(try Fixtures.starter(with: ["content/docs/guide.md": page]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message == "broken link \"setpu.md\": no page or file at that address")
        #expect(finding.file == "content/docs/guide.md" && finding.line == 5)
        #expect(finding.hint?.contains(".md file") == true)
    }

    @Test func wrongFragmentOnASourceLinkIsReported() throws {
        let page = "---\ntitle: Guide\n---\n\nSee [setup](setup.md#instal).\n"
        let found = Fixtures.failures(
            try Fixtures.starter(with: ["content/docs/guide.md": page, "content/docs/setup.md": Self.setup]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("has no element with id \"instal\"") == true)
        #expect(found.first?.hint?.contains("install") == true)
    }

    @Test func codeAndExternalLinksAreLeftAlone() throws {
        let page = """
            ---
            title: Guide
            ---

            Edit `about.md` or see [the spec](https://example.com/README.md) and [mail](mailto:a@b.md).

                [not a link](about.md)
            """
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/docs/guide.md": page]), options: Fixtures.options)
        let html = try #require(result.output.text("docs/guide/index.html"))
        #expect(html.contains("<code>about.md</code>"))
        #expect(html.contains("href=\"https://example.com/README.md\""))
        #expect(html.contains("href=\"mailto:a@b.md\""))
        #expect(html.contains("[not a link](about.md)"))
    }

    @Test func movingATargetRendersTheLinkingPageAgain() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        var site = try Fixtures.starter(with: ["content/docs/guide.md": Self.guide, "content/docs/setup.md": Self.setup])
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        site.setText("content/docs/setup.md", Self.setup.replacingOccurrences(of: "slug: installing", with: "slug: install"))
        let second = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        #expect(second.output.text("docs/guide/index.html")?.contains("href=\"/docs/install/#install\"") == true)
        #expect(second.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
    }
}
