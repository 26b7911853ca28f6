import Foundation
import SiteCompiler
import Testing

@Suite struct LinkCheckerTests {
    @Test func findsBrokenSiteLinksOnly() {
        var output = SiteFiles()
        output.setText(
            "index.html",
            """
            <a href="/about/">ok</a> <a href="/missing/">bad</a> <img src="/img/logo.png">
            <a href="https://elsewhere.test/x">external</a> <a href="mailto:a@b.c">mail</a> <a href="#top">top</a>
            <a href="blog/">relative ok</a> <a href="/feed.xml?x=1#y">file ok</a> <a href="/about">no slash ok</a>
            """
        )
        output.setText("about/index.html", "<a href=\"../\">up</a> <a href=\"../nope/\">bad relative</a>")
        output.setText("blog/index.html", "")
        output.setText("feed.xml", "")
        let found = LinkChecker.check(output)
        #expect(
            Set(found.map(\.message)) == [
                "broken link \"/missing/\": no page or file at that address",
                "broken link \"/img/logo.png\": no page or file at that address",
                "broken link \"../nope/\": no page or file at that address",
            ]
        )
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first { $0.message.contains("nope") }?.file == "about/index.html")
    }

    @Test func brokenLinkFailsTheBuildByDefaultAtItsSourceLine() throws {
        let page = "---\ntitle: Links\n---\n\nSee [the team](/team/) and [about](/about/).\n"
        let found = Fixtures.failures(try Fixtures.starter(with: ["content/links.md": page]), options: Fixtures.options)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.file == "content/links.md" && found.first?.line == 5 && found.first?.column == 16)
    }

    @Test func linkCheckWarnInSiteYAMLMakesBrokenLinksWarnings() throws {
        let page = "---\ntitle: Links\n---\n\nSee [the team](/team/) and [about](/about/).\n"
        let yaml = (try Fixtures.starter().text("site.yaml") ?? "") + "\nlink_check: warn\n"
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/links.md": page, "site.yaml": yaml]),
            options: Fixtures.options
        )
        let finding = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.file == "content/links.md")
        #expect(finding.line == 5 && finding.column == 16)
        #expect(finding.message == "broken link \"/team/\": no page or file at that address")
    }

    @Test func strictModeFailsTheBuild() throws {
        let page = "---\ntitle: Links\n---\n\n[gone](/gone/)\n"
        let options = CompileOptions(now: Fixtures.options.now, linkCheck: .error)
        let found = Fixtures.failures(try Fixtures.starter(with: ["content/links.md": page]), options: options)
        #expect(found.first?.message.contains("/gone/") == true)
        #expect(found.first?.severity == .error)
    }

    @Test func linkCheckOffReportsNothingAndABadValueIsAnError() throws {
        let page = "---\ntitle: Links\n---\n\n[gone](/gone/)\n"
        let base = try Fixtures.starter().text("site.yaml") ?? ""
        let off = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/links.md": page, "site.yaml": base + "\nlink_check: off\n"]),
            options: Fixtures.options)
        #expect(off.diagnostics.isEmpty)
        let bad = Fixtures.failures(
            try Fixtures.starter(with: ["site.yaml": base + "\nlink_check: eror\n"]), options: Fixtures.options)
        #expect(bad.first?.message == "\"link_check\" must be error, warn or off, found \"eror\"")
        #expect(bad.first?.hint == "did you mean \"error\"?")
    }

    @Test func rawHTMLIsOffByDefaultAndOnBySiteConfig() throws {
        let page = "---\ntitle: Raw\n---\n\n<div class=\"raw-box\">boxed</div>\n"
        let base = try Fixtures.starter().text("site.yaml") ?? ""
        let safe = try Fixtures.compiler.compile(try Fixtures.starter(with: ["content/raw.md": page]), options: Fixtures.options)
        #expect(safe.output.text("raw/index.html")?.contains("<div class=\"raw-box\">") == false)
        let raw = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/raw.md": page, "site.yaml": base + "\nraw_html: true\n"]),
            options: Fixtures.options)
        #expect(raw.output.text("raw/index.html")?.contains("<div class=\"raw-box\">boxed</div>") == true)
    }

    @Test func brokenNavLinkPointsAtSiteYAML() throws {
        let yaml = (try Fixtures.starter().text("site.yaml") ?? "")
            .replacingOccurrences(of: "url: /blog/ }", with: "url: /blgo/ }") + "\nlink_check: warn\n"
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["site.yaml": yaml]),
            options: Fixtures.options
        )
        let finding = try #require(result.diagnostics.first { $0.message.contains("/blgo/") })
        #expect(finding.file == "site.yaml")
        #expect(finding.excerpt?.contains("/blgo/") == true)
        #expect(finding.hint == "did you mean \"/blog/\"?")
        #expect(
            result.diagnostics.filter { $0.message.contains("/blgo/") }.count == 1,
            "reported once, not once per page"
        )
    }

    @Test func fragmentsMustNameAnIdOnTheTargetPage() {
        var output = SiteFiles()
        output.setText(
            "index.html",
            """
            <a href="/guide/#install">ok</a> <a href="/guide/#instal">typo</a> <a href="#intro">own ok</a>
            <a href="#nowhere">own broken</a> <a href="#top">top</a> <a href="/feed.xml#x">not a page</a>
            <h2 id="intro">Intro</h2>
            """
        )
        output.setText("guide/index.html", "<h2 id=\"install\">Install</h2> <a href=\"../#intro\">back</a>")
        output.setText("feed.xml", "")
        let found = LinkChecker.check(output)
        #expect(
            Set(found.map(\.message)) == [
                "broken link \"/guide/#instal\": /guide/ has no element with id \"instal\"",
                "broken link \"#nowhere\": / has no element with id \"nowhere\"",
            ]
        )
        #expect(found.first { $0.message.contains("instal\"") }?.hint == "did you mean \"install\"?")
    }

    @Test func brokenAnchorInContentPointsAtItsLine() throws {
        let page = "---\ntitle: Links\n---\n\n## Setup\n\nSee [setup](#setup) and [later](#later).\n"
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/links.md": page]),
            options: CompileOptions(now: Fixtures.options.now, linkCheck: .warn)
        )
        let findings = result.diagnostics.filter { $0.message.contains("#later") }
        #expect(findings.count == 1)
        #expect(findings.first?.file == "content/links.md" && findings.first?.line == 7)
        #expect(!result.diagnostics.contains { $0.message.contains("#setup") })
    }
}
