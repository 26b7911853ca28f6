import Foundation
import Testing
@testable import SiteAgent

@Suite("SiteYAMLEditor")
struct SiteYAMLEditorTests {
    let yaml = """
        # Acme
        title: Acme Studio   # shown in the header
        footer: "© Acme"
        tokens:
          primary: "#2563eb"

          radius: 0.25rem
        nav:
          - label: Home
            url: /
          # the blog
          - label: Blog
            url: /blog/
        lang: en

        """

    @Test func settingAScalarReplacesOnlyItsLine() {
        var editor = SiteYAMLEditor(yaml)
        editor.set("lang", to: "de")
        #expect(editor.text == yaml.replacingOccurrences(of: "lang: en", with: "lang: de"))
    }

    @Test func quotedValuesStayQuotedAndSpecialValuesGetQuoted() {
        var editor = SiteYAMLEditor(yaml)
        editor.set("footer", to: "© Acme Design")
        editor.set("title", to: "yes")
        #expect(editor.text.contains("footer: \"© Acme Design\"\n"))
        #expect(editor.text.contains("title: \"yes\"\n"))
    }

    @Test func missingKeysAreAppended() {
        var editor = SiteYAMLEditor("title: A\n")
        editor.set("tagline", to: "We build: things")
        #expect(editor.text == "title: A\ntagline: \"We build: things\"\n")
    }

    @Test func tokensAreEditedInPlaceOrAddedAtTheirIndentation() throws {
        var editor = SiteYAMLEditor(yaml)
        try editor.setToken("primary", to: "#ff6600")
        try editor.setToken("header_bg", to: "#1e3a8a")
        #expect(editor.text.contains("  primary: \"#ff6600\"\n\n  radius: 0.25rem\n  header_bg: \"#1e3a8a\"\nnav:"))
    }

    @Test func tokensBlockIsCreatedWhenAbsent() throws {
        var editor = SiteYAMLEditor("title: A\n")
        try editor.setToken("primary", to: "#000000")
        #expect(editor.text == "title: A\ntokens:\n  primary: \"#000000\"\n")
    }

    @Test func flowTokensAreRewrittenAsABlock() throws {
        var editor = SiteYAMLEditor("tokens: { primary: \"#111111\", radius: 0 }\ntitle: A\n")
        try editor.setToken("primary", to: "#222222")
        #expect(editor.text == "tokens:\n  primary: \"#222222\"\n  radius: \"0\"\ntitle: A\n")
    }

    @Test func blockStyleNavItemsAreParsedAndEditedInTheirStyle() throws {
        var editor = SiteYAMLEditor(yaml)
        #expect(try editor.navLines().map(\.label) == ["Home", "Blog"])
        try editor.insertNavItem(label: "GitHub", url: "https://github.com/acme")
        #expect(editor.text.contains("    url: /blog/\n  - label: GitHub\n    url: https://github.com/acme\nlang: en"))
        try editor.setNavField("label", to: "News", at: 1)
        #expect(editor.text.contains("  - label: News\n    url: /blog/\n"))
        try editor.moveNavItem(from: 2, to: 0)
        #expect(try editor.navLines().map(\.label) == ["GitHub", "Home", "News"])
        try editor.removeNavItem(at: 1)
        #expect(try editor.navLines().map(\.url) == ["https://github.com/acme", "/blog/"])
        #expect(editor.text.hasPrefix("# Acme\ntitle: Acme Studio   # shown in the header\n"))
    }

    @Test func flowNavItemsKeepTheirStyle() throws {
        var editor = SiteYAMLEditor("nav:\n  - { label: Home, url: / }\n")
        try editor.insertNavItem(label: "Team: Berlin", url: "/team/berlin/")
        #expect(editor.text == "nav:\n  - { label: Home, url: / }\n  - { label: \"Team: Berlin\", url: /team/berlin/ }\n")
    }

    @Test func aNavOnOneLineOrMissingIsCreated() throws {
        var editor = SiteYAMLEditor("nav: [{ label: Home, url: / }]\ntitle: A\n")
        try editor.insertNavItem(label: "About", url: "/about/")
        #expect(editor.text == "nav:\n  - { label: Home, url: / }\n  - { label: About, url: /about/ }\ntitle: A\n")
        var empty = SiteYAMLEditor("title: A\n")
        try empty.insertNavItem(label: "Home", url: "/")
        #expect(empty.text == "title: A\nnav:\n  - { label: Home, url: / }\n")
    }

    @Test func windowsLineEndingsSurviveAnEdit() {
        var editor = SiteYAMLEditor("title: A\r\nlang: en\r\n")
        editor.set("title", to: "B")
        #expect(editor.text == "title: B\r\nlang: en\r\n")
    }
}
