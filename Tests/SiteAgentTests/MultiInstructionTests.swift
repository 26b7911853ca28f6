import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Issue 10, items 4 and 5: several instructions in one message are split before matching, and a value may never
/// swallow another instruction — a plan that would store one becomes a question, not a version.
@Suite("Agent requests: several instructions, sane values")
struct MultiInstructionTests {
    let harness = AgentHarness()

    @Test func aTitleNeverSwallowsTheNextInstruction() async throws {
        let change = try await harness.change("Call the site Northwind Tea and make the buttons green")
        #expect(try change.config.title == "Northwind Tea")
        #expect(try change.config.tokens["primary"] == "#008000")
    }

    @Test func aTaglineWithCommasStopsWhereTheNextInstructionStarts() async throws {
        let change = try await harness.change("set the tagline to Fresh tea, delivered weekly, and add a page called Shop")
        #expect(try change.config.tagline == "Fresh tea, delivered weekly")
        #expect(try change.config.nav.map(\.label).contains("Shop"))
    }

    @Test("clauses", arguments: [
        ("call the site X and make the buttons green", ["call the site X", "make the buttons green"]),
        ("set the title to Tea then make the header olive, and add Careers to the menu",
         ["set the title to Tea", "make the header olive", "add Careers to the menu"]),
        ("add a page called Terms and Conditions", ["add a page called Terms and Conditions"]),
        ("make the header dark blue and the buttons green", ["make the header dark blue and the buttons green"]),
        ("rename \"Plans and add-ons\" to \"Pricing\"", ["rename \"Plans and add-ons\" to \"Pricing\""]),
        ("set the tagline to Search and replace, fast", ["set the tagline to Search and replace, fast"]),
    ])
    func clauses(message: String, expected: [String]) {
        #expect(Interpreter.verbClauses(message) == expected)
    }

    @Test func aValueThatStillHoldsAnInstructionBecomesAQuestion() throws {
        var files = SiteFiles()
        files.setText("site.yaml", "title: My Site\ntheme: starter\n")
        var after = files
        after.setText("site.yaml", "title: Northwind Tea and make the buttons green\ntheme: starter\n")
        let question = try #require(ValueSanity.question(from: files, to: after))
        #expect(question.text.contains("“make the buttons green”"))
        after.setText("site.yaml", "title: \(String(repeating: "Very long name ", count: 6))\ntheme: starter\n")
        #expect(ValueSanity.question(from: files, to: after)?.text.contains("characters") == true)
        after.setText("site.yaml", "title: Salt and Pepper\ntheme: starter\n")
        #expect(ValueSanity.question(from: files, to: after) == nil)
    }

    @Test func aSentenceLongTaglineIsFineAParagraphIsAsked() async throws {
        let sentence = try await harness.change("set the tagline to We sell tea and coffee and we ship everywhere in the country within two days")
        #expect(try sentence.config.tagline?.hasPrefix("We sell tea") == true)
        let paragraph = try await harness.question("set the tagline to " + String(repeating: "We sell tea and coffee from small farms. ", count: 5))
        #expect(paragraph.text.contains("characters"))
    }
}

/// Issue 10: a post with a written date keeps its title clean and gets that date.
@Suite("Agent requests: written dates")
struct WrittenDateTests {
    let harness = AgentHarness()

    @Test("dates", arguments: [
        ("Write a post titled \"Spring menu\" for 3 March 2025 saying we have new teas", "Spring menu", "2025-03-03"),
        ("add a blog post called \"Harvest\" dated March 14, 2024: the harvest is in", "Harvest", "2024-03-14"),
        ("write a post titled \"Launch\" on 2025-01-09 with the text: we are live", "Launch", "2025-01-09"),
        ("write a post titled \"Launch day\" on the 1st of June 2025 saying we are live", "Launch day", "2025-06-01"),
    ])
    func postWithAWrittenDate(message: String, title: String, date: String) async throws {
        let change = try await harness.change(message)
        let added = try #require(change.changedPaths.first { $0.hasPrefix("content/blog/") })
        let front = change.frontMatter(added)
        #expect(front.string("title") == title)
        #expect(front.string("date") == date)
    }

    @Test func notADateIsLeftAlone() {
        #expect(WrittenDate.extract(from: "titled \"Top 10 of 2025\"") == nil)
        #expect(WrittenDate.extract(from: "for 31 February 2025") == nil)
        #expect(WrittenDate.extract(from: "for 3 March 2025")?.date == "2025-03-03")
    }
}

/// Issue 10, item 6: a vague request gets a question with concrete options drawn from the site.
@Suite("Agent requests: vague fonts")
struct VagueFontTests {
    let harness = AgentHarness()

    @Test("vague", arguments: ["change the font", "I don't like the font", "use a different font", "the fonts look dated", "update the typography"])
    func aVagueFontRequestAsksWithOptions(message: String) async throws {
        let question = try await harness.question(message)
        #expect(question.text.hasPrefix("Which font?"))
        #expect(question.options.count == 4)
    }

    @Test func pickingAnOptionChangesTheFont() async throws {
        let question = try await harness.question("change the font")
        let change = try await harness.change("change the font", question: question, answer: "1")
        #expect(try change.config.tokens["font_heading"] == "Georgia, serif")
        #expect(change.changedPaths == ["site.yaml"])
        let named = try await harness.change("change the font", question: question, answer: "make the heading font Lora")
        #expect(try named.config.tokens["font_heading"]?.contains("Lora") == true)
    }
}

/// Issue 10, item 7: a typo in the verb or the slot word is tolerated (one edit), never in values or names.
@Suite("Agent requests: keyword typos")
struct KeywordTypoTests {
    let harness = AgentHarness()

    @Test("typos", arguments: [
        ("chnage the site title to Northwind", "title", "Northwind"),
        ("udpate the tagilne to Fresh bread", "tagline", "Fresh bread"),
        ("change the site ttile to Northwind", "title", "Northwind"),
    ])
    func aKeywordTypoIsUnderstood(message: String, key: String, value: String) async throws {
        let change = try await harness.change(message)
        #expect(try (key == "title" ? change.config.title : change.config.tagline) == value)
    }

    @Test func valuesAndNamesAreNeverCorrected() {
        #expect(KeywordSpelling.corrected("set the site title to Heder Colr") == "set the site title to Heder Colr")
        #expect(KeywordSpelling.corrected("make the hedaer navy") == "make the header navy")
        #expect(KeywordSpelling.corrected("rename \"Sevices\" to \"Servces\"") == "rename \"Sevices\" to \"Servces\"")
        #expect(KeywordSpelling.corrected("remove the Servics page") == "remove the Servics page", "a page name is not a keyword")
        #expect(KeywordSpelling.corrected("unpublish the hello world post") == "unpublish the hello world post")
        #expect(KeywordSpelling.corrected("change the intro line to Hi") == "change the intro line to Hi")
    }
}
