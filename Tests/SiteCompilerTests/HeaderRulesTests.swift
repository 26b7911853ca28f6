import Foundation
import SiteCompiler
import Testing

/// Response headers a theme extends (theme.yaml `headers:`) and a site overrides (`static/_headers`), in the
/// `_headers` format; the site server applies them (SiteServerTests.HeaderRulesServingTests).
@Suite struct HeaderRulesTests {
    @Test func rulesMatchInOrderAndLaterOnesWin() throws {
        let rules = try HeaderRules.parse("""
            # comment
            /*
              X-Frame-Options: DENY
              Permissions-Policy: camera=()
            /downloads/*
              Cache-Control: public, max-age=3600
              ! Permissions-Policy
            /downloads/*.zip
              X-Frame-Options: SAMEORIGIN
            """)
        #expect(rules.rules.count == 3)
        let page = rules.headers(for: ["/about/", "/about/index.html"])
        #expect(page.set.map(\.name) == ["X-Frame-Options", "Permissions-Policy"])
        let zip = rules.headers(for: ["/downloads/a.zip"])
        #expect(zip.set.map { "\($0.name): \($0.value)" } == ["Cache-Control: public, max-age=3600", "X-Frame-Options: SAMEORIGIN"])
        #expect(zip.removed == ["permissions-policy"])
        #expect(rules.headers(for: ["/downloadsx"]).set.count == 2)
    }

    @Test(arguments: [
        ("  X-A: b\n", 1, "before any URL pattern"),
        ("/*\n  Content-Length: 5\n", 2, "set by the server"),
        ("/*\n  ETag: x\n", 2, "set by the server"),
        ("/*\n  Bad Name: x\n", 2, "not a header name"),
        ("/*\n  X-A: caf\u{e9}\n", 2, "printable ASCII"),
        ("/*\n  no colon here\n", 2, "expected \"Name: value\""),
        ("*.html\n  X-A: b\n", 1, "starts with a URL path"),
        ("/*\n  ! Bad Name\n", 2, "not a header name"),
    ])
    func problemsNameTheirLine(text: String, line: Int, message: String) {
        #expect(throws: HeaderRules.Problem.self) { try HeaderRules.parse(text) }
        do {
            _ = try HeaderRules.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func theSitesRulesGoIntoTheOutputAndABadFileStopsTheBuild() throws {
        let site = try Fixtures.starter(with: ["static/_headers": "/*\n  X-Frame-Options: DENY\n"])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output.text("_headers") == "/*\n  X-Frame-Options: DENY\n")
        #expect(try Fixtures.compiler.compile(Fixtures.starter(), options: Fixtures.options).output["_headers"] == nil)

        let bad = Fixtures.failures(try Fixtures.starter(with: ["static/_headers": "/*\n  X-Frame-Options DENY\n"]))
        let problem = try #require(bad.first { $0.file == "static/_headers" })
        #expect(problem.line == 2)
        #expect(problem.message.contains("Name: value"))
    }

    @Test func aThemesRulesComeFirstSoTheSitesWin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-themes-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let theme = folder.appendingPathComponent("starter")
        try FileManager.default.copyItem(at: Fixtures.themesDirectory.appendingPathComponent("starter"), to: theme)
        let manifest = theme.appendingPathComponent("theme.yaml")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        try (original + "\nheaders: |\n  /*\n    Permissions-Policy: camera=()\n    X-Frame-Options: DENY\n").write(to: manifest, atomically: true, encoding: .utf8)
        let library = ThemeLibrary(directories: [folder])
        var site = try library.starterSource(theme: "starter", siteName: "demo")
        site.setText("static/_headers", "/*\n  X-Frame-Options: SAMEORIGIN\n")
        let output = try SiteCompiler(themes: library).compile(site, options: Fixtures.options).output
        let text = try #require(output.text("_headers"))
        let rules = try HeaderRules.parse(text)
        let applied = rules.headers(for: ["/"]).set.map { "\($0.name): \($0.value)" }
        #expect(applied == ["Permissions-Policy: camera=()", "X-Frame-Options: SAMEORIGIN"], "\(text)")

        // A theme whose rules do not parse is refused when it loads.
        try (original + "\nheaders: |\n  /*\n    Content-Encoding: br\n").write(to: manifest, atomically: true, encoding: .utf8)
        let broken = ThemeLibrary(directories: [folder])
        #expect(throws: (any Error).self) { _ = try broken.starterSource(theme: "starter", siteName: "demo") }
    }
}
