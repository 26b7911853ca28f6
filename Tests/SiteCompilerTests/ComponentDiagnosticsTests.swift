import Foundation
import SiteCompiler
import Testing

/// Component blocks are checked against the theme's schema, with compiler-style locations and suggestions.
@Suite struct ComponentDiagnosticsTests {
    private func diagnostics(for body: String) throws -> [Diagnostic] {
        let page = "---\ntitle: Test\n---\n\nIntro.\n\n" + body
        return Fixtures.failures(try Fixtures.starter(with: ["content/test.md": page]))
    }

    @Test func misspelledPropPointsAtItsLineAndColumnWithASuggestion() throws {
        let found = try diagnostics(for: ":::component Hero\nheadline: Hi\nbuton_label: Go\n:::\n")
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == "content/test.md")
        #expect(diagnostic.line == 9)
        #expect(diagnostic.column == 1)
        #expect(diagnostic.message.contains("unknown prop \"buton_label\""))
        #expect(diagnostic.hint == "did you mean \"button_label\"?")
        #expect(diagnostic.excerpt == "buton_label: Go")
        #expect(diagnostic.formatted.hasPrefix("content/test.md:9:1: error: unknown prop \"buton_label\" for Hero"))
        #expect(diagnostic.formatted.contains("\n    buton_label: Go\n    ^\nhint: did you mean \"button_label\"?"))
    }

    @Test func unknownComponentSuggestsTheClosestName() throws {
        let found = try diagnostics(for: ":::component Heros\nheadline: Hi\n:::\n")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.contains("unknown component \"Heros\""))
        #expect(diagnostic.line == 7)
        #expect(diagnostic.column == 14)
        #expect(diagnostic.hint == "did you mean \"Hero\"?")
    }

    @Test func missingRequiredPropIsReportedAtTheOpener() throws {
        let found = try diagnostics(for: ":::component Hero\nsubheadline: Hi\n:::\n")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "missing required prop \"headline\" for Hero")
        #expect(diagnostic.line == 7)
    }

    @Test func badValuesAreCheckedByType() throws {
        let found = try diagnostics(
            for: """
                :::component Callout
                kind: warnign
                :::

                :::component Features
                items: just text
                :::

                :::component Button
                label: Go
                href: "javascript:alert(1)"
                :::

                :::component ContactForm
                to: not-an-email
                :::

                :::component Pricing
                tiers:
                  - name: Basic
                    highlighted: maybe
                :::
                """
        )
        let messages = found.map(\.message)
        #expect(found.count == 5, "\(found.map(\.formatted))")
        #expect(messages.contains { $0.contains("kind must be one of info, tip, warning, not \"warnign\"") })
        #expect(found.first { $0.message.contains("warnign") }?.hint == "did you mean \"warning\"?")
        #expect(messages.contains { $0.contains("items must be a list of objects, found a string") })
        #expect(messages.contains { $0.contains("scheme \"javascript:\"") })
        #expect(messages.contains { $0.contains("to does not have the expected form") })
        let nested = try #require(found.first { $0.message.contains("highlighted") })
        #expect(nested.message.contains("tiers[1].highlighted must be true or false"))
        #expect(nested.line == 27 && nested.column == 18)
    }

    @Test func unknownFieldInsideAListItemIsFound() throws {
        let found = try diagnostics(for: ":::component Features\nitems:\n  - title: A\n    txt: B\n:::\n")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.contains("unknown prop \"txt\" for items[1]"))
        #expect(diagnostic.hint == "did you mean \"text\"?")
        #expect(diagnostic.line == 10 && diagnostic.column == 5)
    }

    @Test func unclosedBlockIsAnError() throws {
        let found = try diagnostics(for: ":::component Hero\nheadline: Hi\n")
        #expect(found.first?.message == "component \"Hero\" is not closed")
        #expect(found.first?.line == 7)
    }

    @Test func invalidYAMLInPropsIsLocated() throws {
        let found = try diagnostics(for: ":::component Hero\nheadline: Hi\n  bad: [unclosed\n:::\n")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message.hasPrefix("invalid YAML"))
        #expect((8...10).contains(diagnostic.line ?? 0))
    }

    @Test func componentsInsideCodeFencesAreLeftAlone() throws {
        let page = "---\ntitle: Docs\n---\n\n```markdown\n:::component Nope\nx: 1\n:::\n```\n"
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/docs.md": page]),
            options: Fixtures.options
        )
        #expect(result.output.text("docs/index.html")?.contains(":::component Nope") == true)
    }

    @Test func everyStarterComponentRenders() throws {
        let page = """
            ---
            title: Kitchen sink
            ---

            :::component Pricing
            title: Plans
            placeholder: true
            tiers:
              - { name: Basic, price: "$9", period: month, features: [One site, Email support], cta_label: Start, cta_url: /about/ }
              - { name: Pro, price: "$29", period: month, highlighted: true }
            :::

            :::component Gallery
            images:
              - { src: /img/a.svg, alt: A square }
            :::

            :::component Figure
            src: /img/a.svg
            alt: A square
            caption: Figure one
            :::

            :::component Button
            label: Read more
            href: /blog/
            style: outline
            :::

            :::component ContactForm
            to: team@example.com
            endpoint: https://forms.example/abc
            :::
            """
        var site = try Fixtures.starter(with: ["content/sink.md": page])
        site["static/img/a.svg"] = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let html = try #require(result.output.text("sink/index.html"))
        #expect(html.contains("<span class=\"amount\">$9</span><span class=\"period\"> / month</span>"))
        #expect(html.contains("<li>Email support</li>"))
        #expect(html.contains("card tier tier-highlighted"))
        #expect(html.contains("Prices shown are examples"))
        #expect(html.contains("<img src=\"/img/a.svg\" alt=\"A square\" loading=\"lazy\">"))
        #expect(html.contains("<figcaption>Figure one</figcaption>"))
        #expect(html.contains("<a class=\"button button-outline\" href=\"/blog/\">Read more</a>"))
        #expect(html.contains("action=\"https://forms.example/abc\" method=\"post\""))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func propsAreHTMLEscaped() throws {
        let page = "---\ntitle: X\n---\n:::component Hero\nheadline: \"<script>alert(1)</script>\"\n:::\n"
        let result = try Fixtures.compiler.compile(
            try Fixtures.starter(with: ["content/x.md": page]),
            options: Fixtures.options
        )
        let html = try #require(result.output.text("x/index.html"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }
}
