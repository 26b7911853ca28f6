import Foundation
import SiteCompiler
import Testing

@Suite struct ThemeLibraryTests {
    @Test func listsAndLoadsTheStarterTheme() throws {
        #expect(Fixtures.library.names().contains("starter"))
        let theme = try Fixtures.library.load("starter")
        #expect(theme.name == "starter")
        #expect(theme.warnings.isEmpty)
        let components = Set(theme.manifest.components.map(\.name))
        #expect(
            components.isSuperset(of: [
                "Hero", "Features", "Pricing", "Gallery", "ContactForm", "Callout", "Figure", "Button",
            ])
        )
        let tokens = Set(theme.manifest.tokens.map(\.name))
        #expect(
            tokens.isSuperset(of: [
                "primary", "header_bg", "header_text", "background", "text", "muted", "font_body", "font_heading",
                "radius",
            ])
        )
        #expect(theme.assets["style.css"] != nil)
    }

    @Test func unknownThemeSuggestsAName() {
        #expect {
            _ = try Fixtures.library.load("startr")
        } throws: { error in
            (error as? CompileFailure)?.diagnostics.first?.hint == "did you mean \"starter\"?"
        }
    }

    @Test func starterSourceIsNamedAfterTheSite() throws {
        let files = try Fixtures.library.starterSource(theme: "starter", siteName: "acme-blog")
        let yaml = try #require(files.text("site.yaml"))
        #expect(yaml.contains("\nname: acme-blog\n") || yaml.hasPrefix("name: acme-blog\n"))
        #expect(try SiteConfig.parse(Data(yaml.utf8)).name == "acme-blog")
        #expect(files["content/_index.md"] != nil)
        #expect(files.paths.allSatisfy { $0 == "site.yaml" || $0.hasPrefix("content/") || $0.hasPrefix("static/") })
    }

    @Test func findsThemesWalkingUp() {
        let deep = Fixtures.themesDirectory.appendingPathComponent("starter/layouts")
        #expect(
            ThemeLibrary.findThemes(walkingUpFrom: deep)?.standardizedFileURL.path
                == Fixtures.themesDirectory.standardizedFileURL.path
        )
    }

    @Test func brokenThemeYAMLIsLocated() throws {
        var files = try SiteFiles.load(from: Fixtures.themesDirectory.appendingPathComponent("starter"))
        let yaml = try #require(files.text("theme.yaml"))
        files.setText("theme.yaml", yaml.replacingOccurrences(of: "kind: { type: enum,", with: "kind: { type: enm,"))
        #expect {
            _ = try Theme(files: files, displayPrefix: "themes/broken/")
        } throws: { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            return diagnostic?.file == "themes/broken/theme.yaml" && diagnostic?.hint == "did you mean \"enum\"?"
                && diagnostic?.line != nil
        }
    }

    @Test func templateSyntaxErrorIsLocated() throws {
        var files = try SiteFiles.load(from: Fixtures.themesDirectory.appendingPathComponent("starter"))
        files.setText("components/Button.mustache", "<a>\n{{#label}}{{label}}\n")
        #expect {
            _ = try Theme(files: files, displayPrefix: "themes/broken/")
        } throws: { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            return diagnostic?.file == "themes/broken/components/Button.mustache"
        }
    }
}

@Suite struct ThemeValidationTests {
    @Test func starterThemeValidatesCleanly() {
        let found = Fixtures.library.validate("starter")
        #expect(found.isEmpty, "\(found.map(\.formatted))")
    }

    @Test func unknownThemeIsReported() {
        #expect(Fixtures.library.validate("nope").first?.message == "unknown theme \"nope\"")
    }
}

@Suite struct ThemeTemplateTests {
    @Test func syntaxErrorsPointAtTheTemplateLine() throws {
        var files = SiteFiles()
        files.setText("layouts/page.mustache", "<main>\n  <p>{{/nope}}</p>\n</main>\n")
        do {
            _ = try ThemeTemplates(files: files, displayPrefix: "themes/x/")
            Issue.record("the template parsed")
        } catch {
            let finding = try #require(error.diagnostics.first)
            #expect(finding.file == "themes/x/layouts/page.mustache")
            #expect(finding.line == 2)
            #expect(finding.message.hasPrefix("template syntax"))
        }
    }

    @Test func valuesAreHTMLEscapedAndWhitespaceIsMustaches() throws {
        var files = SiteFiles()
        files.setText("layouts/page.mustache", "<ul>\n  {{> item}}\n</ul>\n{{{raw}}}|{{&raw}}\n")
        files.setText("partials/item.mustache", "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n")
        let templates = try ThemeTemplates(files: files, displayPrefix: "")
        let html = templates.renderLayout("page", ["items": ["Tom's <b>", "a & \"b\""], "raw": "<i>"])
        // Whitespace as the library renders it without the escape pragma in front (it indents only the first line
        // of an indented partial's section).
        #expect(html == "<ul>\n  <li>Tom&#39;s &lt;b&gt;</li>\n<li>a &amp; &quot;b&quot;</li>\n</ul>\n<i>|<i>\n")
    }
}
