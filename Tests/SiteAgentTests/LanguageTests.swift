import Testing
@testable import SiteAgent

@Suite("Names, colours and answers")
struct LanguageTests {
    @Test func namesMatchDespiteFillerWordsPluralsAndTypos() {
        #expect(NameMatcher.score("the About page", "About") == 1)
        #expect(NameMatcher.score("hello world post", "Hello World") == 1)
        #expect(NameMatcher.score("servics", "Services") >= NameMatcher.threshold)
        #expect(NameMatcher.score("team", "Berlin Team") >= NameMatcher.threshold)
        #expect(NameMatcher.score("pricing", "Careers") < NameMatcher.threshold)
    }

    @Test func colourWordsHexAndCSSNamesAreRecognisedAtTheEnd() {
        #expect(ColorPhrase.trailing(in: "make the header dark blue")?.color.hex == "#1e3a8a")
        #expect(ColorPhrase.trailing(in: "make the header dark blue")?.prefix == "make the header")
        #expect(ColorPhrase.trailing(in: "set primary to #F60")?.color.hex == "#ff6600")
        #expect(ColorPhrase.trailing(in: "make links rebeccapurple.")?.color.hex == "#663399")
        #expect(ColorPhrase.trailing(in: "make links rgb(255, 0, 0)")?.color.hex == "#ff0000")
        #expect(ColorPhrase.trailing(in: "make it pop") == nil)
    }

    @Test func contrastFollowsWCAG() throws {
        let orange = try #require(RGBColor(hex: "#ff6600"))
        #expect(RGBColor.format(ratio: RGBColor.white.contrast(with: orange)) == "2.9:1")
        #expect(RGBColor.white.contrast(with: .ink) > 17)
        #expect(try #require(RGBColor(hex: "#1e3a8a")).readableText == .white)
        #expect(try #require(RGBColor(hex: "#fef9c3")).readableText == .ink)
        #expect(RGBColor.white.contrast(with: TokenIntent.darkened(orange)) >= 4.5)
    }

    @Test func answersPickOptionsByNumberWordsOrYesNo() {
        let options = ["Brighter primary colour", "Bolder heading font", "Another theme", "Add a hero"]
        #expect(AnswerMatcher.pick("1", among: options) == 0)
        #expect(AnswerMatcher.pick("the second one", among: options) == 1)
        #expect(AnswerMatcher.pick("option 3", among: options) == 2)
        #expect(AnswerMatcher.pick("brighter primary", among: options) == 0)
        #expect(AnswerMatcher.pick("a hero please", among: options) == 3)
        #expect(AnswerMatcher.pick("something else entirely", among: options) == nil)
        #expect(AnswerMatcher.pick("yes", among: ["Yes, delete it", "No, keep it"]) == 0)
        #expect(AnswerMatcher.pick("nope", among: ["Yes, delete it", "No, keep it"]) == 1)
    }

    @Test func valuesKeepQuotesVerbatimAndAbbreviations() {
        #expect(Phrase.value("Acme Design Co.") == "Acme Design Co.")
        #expect(Phrase.value("Our Story.") == "Our Story")
        #expect(Phrase.value("\"Small studio, big ideas\"") == "Small studio, big ideas")
        #expect(Phrase.value("“We're live!”") == "We're live!")
        #expect(URLSlug.make("We're live!") == "were-live")
        #expect(URLSlug.make("Über uns") == "uber-uns")
    }

    @Test func scalarsAreQuotedOnlyWhenNeeded() {
        #expect(YAMLScalar.render("Acme Design Co.") == "Acme Design Co.")
        #expect(YAMLScalar.render("#1e3a8a") == "\"#1e3a8a\"")
        #expect(YAMLScalar.render("no") == "\"no\"")
        #expect(YAMLScalar.render("2014") == "\"2014\"")
        #expect(YAMLScalar.render("a: b") == "\"a: b\"")
        #expect(YAMLScalar.renderInFlow("https://github.com/acme") == "\"https://github.com/acme\"")
        #expect(YAMLScalar.render("line\nbreak") == "\"line\\nbreak\"")
    }
}
