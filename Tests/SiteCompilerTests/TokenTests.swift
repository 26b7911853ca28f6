import Foundation
import SiteCompiler
import Testing

/// Design tokens: typed in theme.yaml, overridden in site.yaml, checked, emitted as CSS custom properties.
@Suite struct TokenTests {
    private func site(tokens: String) throws -> SiteFiles {
        let yaml = (try Fixtures.starter().text("site.yaml") ?? "")
            .replacingOccurrences(of: "tokens:\n  primary: \"#2563eb\"\n  radius: 0.5rem\n", with: "tokens:\n" + tokens)
        return try Fixtures.starter(with: ["site.yaml": yaml])
    }

    @Test func overridesReachTheCSS() throws {
        let result = try Fixtures.compiler.compile(
            site(
                tokens:
                    "  primary: rebeccapurple\n  header_bg: \"#111\"\n  radius: 0\n  font_heading: Georgia, \"Times New Roman\", serif\n"
            ),
            options: Fixtures.options
        )
        let css = try #require(result.output.text(Fixtures.asset("tokens", "css", in: result.output)))
        #expect(css.contains("--primary: rebeccapurple;"))
        #expect(css.contains("--header-bg: #111;"))
        #expect(css.contains("--radius: 0;"))
        #expect(css.contains("--font-heading: Georgia, \"Times New Roman\", serif;"))
        #expect(css.contains("--text: #1f2937;"), "defaults stay for tokens not overridden")
    }

    @Test func badValueIsAnErrorAtItsLine() throws {
        let found = Fixtures.failures(try site(tokens: "  primary: not-a-colour\n  radius: 12\n"))
        let colour = try #require(found.first { $0.message.contains("primary") })
        #expect(colour.file == "site.yaml")
        #expect(colour.message.contains("is not a colour"))
        #expect(colour.excerpt == "  primary: not-a-colour")
        #expect(colour.column == 12)
        #expect(found.contains { $0.message.contains("\"radius\" is not a length") })
    }

    @Test func cssInjectionIsRefused() throws {
        let found = Fixtures.failures(try site(tokens: "  font_body: \"x; } body { display: none\"\n"))
        #expect(found.contains { $0.message.contains("not allowed in a CSS value") })
    }

    @Test func unknownTokenIsAWarningWithASuggestion() throws {
        let result = try Fixtures.compiler.compile(site(tokens: "  primry: red\n"), options: Fixtures.options)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.hint == "did you mean \"primary\"?")
        #expect(warning.line != nil)
    }

    @Test func valueChecks() {
        #expect(TokenValue.problem(with: "#abc", kind: .color) == nil)
        #expect(TokenValue.problem(with: "#abcd12", kind: .color) == nil)
        #expect(TokenValue.problem(with: "rgb(10 20 30 / 50%)", kind: .color) == nil)
        #expect(TokenValue.problem(with: "#abcde", kind: .color) != nil)
        #expect(TokenValue.problem(with: "1.5rem", kind: .length) == nil)
        #expect(TokenValue.problem(with: "12", kind: .length) != nil)
        #expect(TokenValue.problem(with: "Inter, system-ui, sans-serif", kind: .font) == nil)
        #expect(TokenValue.problem(with: "Inter,, serif", kind: .font) != nil)
    }
}
