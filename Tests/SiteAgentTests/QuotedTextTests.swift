import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Issue 10, item 2: the quoted current text locates a slot wherever it is — a component item, a prop, a body
/// phrase — and only that line changes; several places ask which, none offers the nearest.
@Suite("Agent requests: quoted current text")
struct QuotedTextTests {
    let harness = AgentHarness()

    @Test("phrasings", arguments: [
        "Rename \"Design\" to \"Brand design\"",
        "change \"Design\" to \"Brand design\"",
        "please change the feature “Design” to “Brand design”",
        "\"Design\" should read \"Brand design\"",
        "replace 'Design' with 'Brand design'",
        "change the card \"Design\" so it reads \"Brand design\"",
    ])
    func aComponentItemByItsCurrentText(message: String) async throws {
        let change = try await harness.change(message)
        #expect(change.changedPaths == ["content/_index.md"])
        let diff = change.lineDiff("content/_index.md")
        #expect(diff.removed == ["  - title: Design"])
        #expect(diff.added == ["  - title: Brand design"])
    }

    @Test func aPropWithItsFullStopAndABodyPhrase() async throws {
        let prop = try await harness.change("\"A small design and development studio.\" should read \"A two-person studio.\"")
        #expect(prop.lineDiff("content/_index.md").added == ["subheadline: A two-person studio."])
        let body = try await harness.change("change \"since 2014\" to \"since 2012\"")
        #expect(body.changedPaths == ["content/about.md"])
        #expect(body.text("content/about.md").contains("small businesses since 2012."))
    }

    @Test func textInSeveralPlacesAsksWhichAndAllChangesEach() async throws {
        let question = try await harness.question("change \"static sites\" to \"static websites\"")
        #expect(question.text.contains("appears in 2 places"))
        #expect(question.options.count == 3)
        #expect(question.options.last == "All 2 places")
        let all = try await harness.change("change \"static sites\" to \"static websites\"", question: question, answer: "3")
        #expect(all.changedPaths == ["content/_index.md", "content/services.md"])
    }

    @Test func aTypoOffersTheNearestTextAndNothingElseChanges() async throws {
        let question = try await harness.question("Rename \"Developmnt\" to \"Engineering\"")
        #expect(question.text.contains("closest is “Development”"))
        let change = try await harness.change("Rename \"Developmnt\" to \"Engineering\"", question: question, answer: "1")
        #expect(change.lineDiff("content/_index.md").added == ["  - title: Engineering"])
        let triage = try await harness.triage("Rename \"Quantum widgets\" to \"Engineering\"")
        guard case .unsupported(let reason) = triage else { Issue.record("\(triage)"); return }
        #expect(reason.contains("no text “Quantum widgets”"))
    }

    @Test func aPageTitleIsLeftToThePageRename() async throws {
        // "About" is a page: the page rename also fixes the menu.
        let change = try await harness.change("rename \"About\" to \"Our story\"")
        #expect(change.changedPaths.contains("site.yaml"))
    }
}
