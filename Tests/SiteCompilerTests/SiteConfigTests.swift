import Foundation
import SiteCompiler
import Testing

@Suite struct SiteConfigTests {
    @Test func parsesTheDocumentedKeys() throws {
        let config = try SiteConfig.parse(
            Data(
                """
                name: blog
                title: Acme Studio
                tagline: We build things
                description: Small design studio
                base_url: https://acme.test/
                lang: de
                author: Acme
                theme: starter
                footer: "© Acme"
                tokens: { primary: "#2563eb", radius: 0 }
                nav:
                  - { label: Home, url: / }
                  - { label: GitHub, url: "https://github.com/acme" }
                cta: { label: Contact, url: /contact/ }
                forms: { endpoint: "https://forms.example/xyz" }
                """.utf8
            )
        )
        #expect(config.name == "blog" && config.title == "Acme Studio" && config.lang == "de")
        #expect(config.baseURL == "https://acme.test/")
        #expect(config.tokens == ["primary": "#2563eb", "radius": "0"])
        #expect(config.nav == [.init(label: "Home", url: "/"), .init(label: "GitHub", url: "https://github.com/acme")])
        #expect(config.cta?.url == "/contact/")
        #expect(config.forms?.endpoint == "https://forms.example/xyz")
    }

    @Test func defaultsForAMinimalFile() throws {
        let config = try SiteConfig.parse(Data("title: X\n".utf8))
        #expect(config.theme == "starter" && config.lang == "en" && config.nav.isEmpty && config.baseURL == nil)
    }

    @Test func badYAMLIsALocatedDiagnostic() {
        #expect {
            _ = try SiteConfig.parse(Data("title: X\nnav:\n  - { label: Home, url: /\n".utf8))
        } throws: { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            return diagnostic?.file == "site.yaml" && diagnostic?.line != nil
                && diagnostic?.message.hasPrefix("invalid YAML") == true
        }
    }

    @Test func wronglyTypedValueIsAnError() {
        #expect {
            _ = try SiteConfig.parse(Data("title: X\nnav: Home\n".utf8))
        } throws: { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            return diagnostic?.line == 2 && diagnostic?.column == 6
                && diagnostic?.message.contains("\"nav\" must be a list") == true
        }
    }

    @Test func roundTripsThroughJSON() throws {
        let config = SiteConfig(title: "A", baseURL: "https://a.test/", nav: [.init(label: "Home", url: "/")])
        let decoded = try JSONDecoder().decode(SiteConfig.self, from: JSONEncoder().encode(config))
        #expect(decoded == config)
    }

    @Test func unknownThemeIsReportedAtTheThemeLine() throws {
        let yaml = (try Fixtures.starter().text("site.yaml") ?? "").replacingOccurrences(
            of: "theme: starter",
            with: "theme: startr"
        )
        let found = Fixtures.failures(try Fixtures.starter(with: ["site.yaml": yaml]))
        let diagnostic = try #require(found.first)
        #expect(diagnostic.file == "site.yaml" && diagnostic.line != nil)
        #expect(diagnostic.hint == "did you mean \"starter\"?")
    }
}
