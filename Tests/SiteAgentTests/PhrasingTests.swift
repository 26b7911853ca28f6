import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Other wordings of the same requests, typos, follow-up answers and requests the agent must not misread.
@Suite("Agent requests: other phrasings")
struct PhrasingTests {
    let harness = AgentHarness()

    @Test("menu requests in other words", arguments: [
        ("Please remove Servics from the menu", ["Home", "About", "Blog"]),
        ("put blog before about", ["Home", "Blog", "About", "Services"]),
        ("move Home after Blog in the nav", ["About", "Services", "Blog", "Home"]),
        ("add the careers page to the navigation", ["Home", "About", "Services", "Blog", "Careers"]),
        ("add Careers to the menu after About", ["Home", "About", "Careers", "Services", "Blog"]),
        ("add Careers to the start of the menu", ["Careers", "Home", "About", "Services", "Blog"]),
    ])
    func menuVariants(message: String, labels: [String]) async throws {
        let change = try await harness.change(message)
        #expect(try change.config.nav.map(\.label) == labels)
        #expect(change.changedPaths == ["site.yaml"])
    }

    @Test("colours in other words", arguments: [
        ("change the header background to navy", "header_bg", "#000080"),
        ("set the primary colour to red", "primary", "#ff0000"),  // CSS names mean what CSS says (issue 10)
        ("use tomato as the brand color", "primary", "#ff6347"),
        ("make the footer white", "footer_bg", "#ffffff"),
        ("make the header text #333", "header_text", "#333333"),
    ])
    func colourVariants(message: String, key: String, hex: String) async throws {
        let change = try await harness.change(message)
        #expect(try change.config.tokens[key] == hex)
        #expect(change.changedPaths == ["site.yaml"])
    }

    @Test func systemFontsNeedNoWarningAndCornersStepThroughSizes() async throws {
        let font = try await harness.change("make the heading font Georgia")
        #expect(try font.config.tokens["font_heading"] == "Georgia, serif")
        #expect(font.warnings.isEmpty)
        let rounder = try await harness.change("make the corners rounder")
        #expect(try rounder.config.tokens["radius"] == "0.5rem")
        let square = try await harness.change("square corners please")
        #expect(try square.config.tokens["radius"] == "0")
    }

    @Test func severalRequestsInOneMessageAreDoneInOrder() async throws {
        let change = try await harness.change("make the buttons black and the header red")
        let tokens = try change.config.tokens
        #expect(tokens["primary"] == "#000000")
        #expect(tokens["header_bg"] == "#ff0000")
        // Dark text on CSS red keeps a 5:1 contrast, so it stays.
        #expect(tokens["header_text"] == "#111827")
        let mixed = try await harness.change("make the header dark blue; add Careers to the menu")
        #expect(try mixed.config.nav.last?.label == "Careers")
        #expect(mixed.summary.contains("dark blue") && mixed.summary.contains("Careers"))
    }

    @Test func goingLiveIsNotAnEdit() async throws {
        guard case .unsupported(let reason) = try await harness.triage("publish the site") else {
            Issue.record("expected unsupported")
            return
        }
        #expect(reason.contains("promote"))
    }

    @Test func aLightFooterGetsDarkText() async throws {
        let change = try await harness.change("make the footer white")
        #expect(try change.config.tokens["footer_text"] == "#111827")
    }

    @Test func aColourWithoutATargetAsksWhich() async throws {
        let question = try await harness.question("make it orange")
        #expect(question.options.count == 2)
        let change = try await harness.change("make it orange", question: question, answer: "header background")
        #expect(try change.config.tokens["header_bg"] == "#ffa500")
    }

    @Test func undoVariantsPickTheRightVersion() async throws {
        for (message, version) in [("revert", 4), ("undo the last change", 4), ("roll back to v2", 2), ("go back to yesterday's version", 3)] {
            guard case .revert(let target, _) = try await harness.run(message) else {
                Issue.record("“\(message)” should revert")
                continue
            }
            #expect(target == version, "\(message)")
        }
    }

    @Test func settingTheSameValueChangesNothing() async throws {
        for message in ["set the site title to Acme Studio", "make the primary colour #2563eb", "switch to the starter theme", "publish the hello world post", "unpublish the spring update post"] {
            guard case .noChange = try await harness.triage(message) else {
                Issue.record("“\(message)” should be no change")
                continue
            }
        }
    }

    @Test func anAnswerThatIsARequestOfItsOwnIsDone() async throws {
        let question = try await harness.question("make it pop")
        let change = try await harness.change("make it pop", question: question, answer: "switch to the docs theme")
        #expect(try change.config.theme == "docs")
    }

    @Test func anAnswerThatFitsNothingRepeatsTheQuestion() async throws {
        let question = try await harness.question("make it pop")
        let again = try await harness.question("make it pop", question: question, answer: "hmm, not sure")
        #expect(again.text.contains("didn't understand"))
        #expect(again.options == question.options)
    }

    @Test func unknownRequestsAreUnsupportedWithExamples() async throws {
        guard case .unsupported(let reason) = try await harness.triage("translate the site into French") else {
            Issue.record("expected unsupported")
            return
        }
        #expect(reason.contains("model backend"))
    }

    @Test func smallTalkChangesNothing() async throws {
        guard case .noChange = try await harness.triage("thanks!") else {
            Issue.record("expected no change")
            return
        }
    }

    @Test func aPageThatExistsIsNotCreatedAgain() async throws {
        guard case .noChange(let reason) = try await harness.triage("add a page called Careers") else {
            Issue.record("expected no change")
            return
        }
        #expect(reason.contains("/careers/"))
    }

    @Test func runStreamsOneLinePerStep() async throws {
        let lines = LogLines()
        _ = try await harness.agent.run(try AcmeFixture.context("rename the About page to Our Story"), log: { lines.append($0) })
        #expect(lines.all.first?.hasPrefix("Reading the source of v5") == true)
        #expect(lines.all.contains { $0.hasPrefix("Edited content/about.md") })
        #expect(lines.all.contains { $0.hasPrefix("Edited site.yaml") })
        #expect(lines.all.last?.hasPrefix("Done") == true)
    }
}

@Test func scriptedAgentReplaysItsScript() async throws {
    let agent = ScriptedAgent(triage: .clear(summary: "ok"), outcome: .noChange("nothing"), log: ["one", "two"])
    let lines = LogLines()
    let context = try AcmeFixture.context("anything")
    #expect(try await agent.triage(context) == .clear(summary: "ok"))
    guard case .noChange("nothing") = try await agent.run(context, log: { lines.append($0) }) else {
        Issue.record("expected the scripted outcome")
        return
    }
    #expect(lines.all == ["one", "two"])
}
