import Foundation
import SiteCompiler
import Testing

/// Issue 8, item 6: no `javascript:`, `data:` or other script-capable URL reaches a published page through
/// site.yaml or component props; Markdown links are neutralised by cmark-gfm's safe mode.
@Suite struct ScriptURLTests {
    static func site(yaml extra: String = "", page: String? = nil) throws -> SiteFiles {
        var site = try Fixtures.starter()
        let yaml = try #require(site.text("site.yaml"))
        site.setText("site.yaml", yaml + "\n" + extra)
        if let page { site.setText("content/attack.md", "---\ntitle: Attack\n---\n\n" + page) }
        return site
    }

    @Test func aJavascriptNavURLFailsTheBuildWithItsPosition() throws {
        var site = try Fixtures.starter()
        let yaml = try #require(site.text("site.yaml"))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("nav:") && !$0.hasPrefix("  - ") }
        site.setText("site.yaml", lines.joined(separator: "\n") + "\nnav:\n  - label: Home\n    url: \"javascript:alert(document.cookie)\"\n")
        let first = try #require(Fixtures.failures(site).first { $0.message.contains("nav item") })
        #expect(first.file == "site.yaml")
        #expect(first.message.contains("scheme \"javascript:\""), "\(first.formatted)")
        #expect(first.line != nil)
    }

    @Test func aDataURLInTheCallToActionFailsTheBuild() throws {
        var site = try Fixtures.starter()
        let yaml = try #require(site.text("site.yaml"))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix("cta:") { skipping = true; continue }
            if skipping, line.hasPrefix("  ") { continue }
            skipping = false
            kept.append(line)
        }
        site.setText("site.yaml", kept.joined(separator: "\n") + "\ncta:\n  label: Buy\n  url: \"data:text/html,<script>alert(1)</script>\"\n")
        let messages = Fixtures.failures(site).map(\.message)
        #expect(messages.contains { $0.contains("cta") && ($0.contains("scheme \"data:\"") || $0.contains("not allowed")) }, "\(messages)")
    }

    @Test func aControlCharacterBeforeJavascriptInAComponentURLFails() throws {
        let page = ":::component Hero\nheadline: Hi\nbutton_label: Go\nbutton_url: \"\\x01javascript:alert(1)\"\n:::\n"
        let messages = Fixtures.failures(try Self.site(page: page)).map(\.message)
        #expect(messages.contains { $0.contains("control characters") }, "\(messages)")
    }

    @Test func aJavascriptURLNestedInPricingTiersFails() throws {
        let page = """
            :::component Pricing
            tiers:
              - name: Pro
                cta_label: Buy
                cta_url: "JaVaScRiPt:alert(1)"
            :::

            """
        let messages = Fixtures.failures(try Self.site(page: page)).map(\.message)
        #expect(messages.contains { $0.contains("scheme \"JaVaScRiPt:\"") }, "\(messages)")
    }

    @Test func aJavascriptBaseURLFails() throws {
        var site = try Fixtures.starter()
        let yaml = try #require(site.text("site.yaml"))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("base_url:") }
        site.setText("site.yaml", lines.joined(separator: "\n") + "\nbase_url: \"javascript:alert(1)//\"\n")
        let messages = Fixtures.failures(site).map(\.message)
        #expect(messages.contains { $0.contains("base_url") }, "\(messages)")
    }

    @Test func markdownJavascriptAndDataLinksAreNeutralised() throws {
        let page = "[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=) [z](vbscript:msgbox)\n\n<script>alert(1)</script>\n"
        let result = try Fixtures.compiler.compile(try Self.site(page: page), options: Fixtures.options)
        let html = try #require(result.output.text("attack/index.html"))
        for bad in ["href=\"javascript:", "href=\"data:text", "href=\"vbscript:", "<script>alert"] {
            #expect(!html.lowercased().contains(bad), "\(bad) reached the page")
        }
    }
}
