import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Issue 10, item 1: a component prop answers to the label and aliases its theme declares (theme.yaml), so
/// owners can call it what they see.
@Suite("Agent requests: props by their theme's names")
struct NamedPropTests {
    static let themes = AcmeFixture.repositoryRoot.map { ThemeLibrary(directories: [$0.appendingPathComponent("themes")]) }

    static func run(_ message: String, theme: String = "starter") async throws -> AgentOutcome {
        let source = try #require(themes).starterSource(theme: theme, siteName: "tea")
        let context = AgentContext(
            message: message, question: nil, answer: nil, source: source, baseVersion: 1, versions: [],
            installedThemes: ["starter", "blog", "portfolio", "docs"], now: AcmeFixture.date("2026-06-12T14:00"), timeZone: AcmeFixture.timeZone)
        return try await EmbeddedAgent(themes: themes).run(context, log: { _ in })
    }

    @Test("aliases", arguments: [
        ("change the text under the headline to Fresh every week", "subheadline: Fresh every week"),
        ("set the subheading to Fresh every week", "subheadline: Fresh every week"),
        ("change the intro line to Fresh every week", "subheadline: Fresh every week"),
        ("update the big headline to Tea, slowly", "headline: Tea, slowly"),
        ("set the call to action to Order now", "button_label: Order now"),
        ("change the hero subheadline to Fresh every week", "subheadline: Fresh every week"),
        ("change where the button goes to /blog/", "button_url: /blog/"),
    ])
    func aPropByItsLabelOrAlias(message: String, line: String) async throws {
        let outcome = try await Self.run(message)
        guard case .changed(let files, _, _) = outcome else { Issue.record("\(message): \(outcome)"); return }
        #expect(files.text("content/_index.md")?.contains(line) == true, "\(message)")
        let source = try #require(Self.themes).starterSource(theme: "starter", siteName: "tea")
        #expect(Set(source.paths + files.paths).filter { source[$0] != files[$0] } == ["content/_index.md"])
    }

    @Test func aValueOverThePropsLimitIsAskedAbout() async throws {
        let outcome = try await Self.run("change the button text to " + String(repeating: "Order ", count: 12))
        guard case .question(let question) = outcome else { Issue.record("\(outcome)"); return }
        #expect(question.text.contains("at most 40 characters"))
    }

    @Test func everyBuiltInHeroPropHasALabel() throws {
        for theme in ["starter", "portfolio"] {
            let library = try #require(Self.themes)
            let components = try library.load(theme).manifest.components
            let hero = try #require(components.first { $0.name == "Hero" })
            for prop in hero.props where (prop.schema.kind == .string || prop.schema.kind == .url) && prop.name != "image" {
                #expect(prop.schema.label != nil, "\(theme) Hero.\(prop.name)")
            }
        }
    }
}
