import Foundation
import SiteCompiler
import Testing

/// Generated outputs beyond pages: feeds, sitemap rules, fingerprinted assets, future pages, determinism.
@Suite struct OutputTests {
    @Test func datedSectionsGetAnAtomFeedToo() throws {
        let result = try Fixtures.compiler.compile(Fixtures.starter(), options: Fixtures.options)
        let atom = try #require(result.output.text("blog/atom.xml"))
        #expect(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(atom.contains("<title>Hello, world</title>"))
        #expect(atom.contains("<published>2025-01-15T00:00:00Z</published>"))
        #expect(result.output["about/atom.xml"] == nil)
    }

    @Test func stylesheetsAreFingerprintedAndReferenced() throws {
        let result = try Fixtures.compiler.compile(Fixtures.starter(), options: Fixtures.options)
        let style = Fixtures.asset("style", "css", in: result.output)
        #expect(!style.isEmpty)
        #expect(result.output["assets/style.css"] == nil, "only the fingerprinted name is published")
        #expect(result.output.text("index.html")?.contains("href=\"/\(style)\"") == true)
        var edited = try Fixtures.starter()
        edited.setText("site.yaml", (edited.text("site.yaml") ?? "") + "\n")
        edited.setText("site.yaml", (edited.text("site.yaml") ?? "").replacingOccurrences(of: "#2563eb", with: "#1d4ed8"))
        let again = try Fixtures.compiler.compile(edited, options: Fixtures.options)
        #expect(Fixtures.asset("tokens", "css", in: again.output) != Fixtures.asset("tokens", "css", in: result.output))
        #expect(Fixtures.asset("style", "css", in: again.output) == style, "unchanged bytes keep their name")
    }

    @Test func futurePagesWaitUnlessAskedFor() throws {
        let site = try Fixtures.starter(with: [
            "content/blog/later.md": "---\ntitle: Later\ndate: 2099-01-01\n---\n\nNot yet.\n"
        ])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output["blog/later/index.html"] == nil)
        #expect(result.output.text("sitemap.xml")?.contains("/blog/later/") == false)
        #expect(result.output.text("blog/index.html")?.contains("Later") == false)
        var options = Fixtures.options
        options.future = true
        let future = try Fixtures.compiler.compile(site, options: options)
        #expect(future.output["blog/later/index.html"] != nil)
    }

    @Test func noindexPagesStayOutOfTheSitemap() throws {
        let site = try Fixtures.starter(with: [
            "content/thanks.md": "---\ntitle: Thanks\nnoindex: true\n---\n\nThanks for your message.\n"
        ])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output["thanks/index.html"] != nil)
        #expect(result.output.text("sitemap.xml")?.contains("/thanks/") == false)
        #expect(result.output.text("sitemap.xml")?.contains("<loc>/about/</loc>") == true)
    }

    @Test func aliasesRedirectToTheCanonicalAddress() throws {
        let site = try Fixtures.starter(with: [
            "content/blog/hello-world.md": "---\ntitle: Hello\ndate: 2025-01-15\naliases: [/old/hello/]\n---\n\nHi.\n"
        ])
        let options = CompileOptions(now: Fixtures.options.now, baseURL: "https://demo.example/")
        let result = try Fixtures.compiler.compile(site, options: options)
        let redirect = try #require(result.output.text("old/hello/index.html"))
        #expect(redirect.contains("https://demo.example/blog/hello-world/"))
    }

    @Test func fileOrderDoesNotChangeTheOutput() throws {
        for theme in ["starter", "docs"] {
            let site = try Fixtures.library.starterSource(theme: theme, siteName: "demo")
            let reference = try Fixtures.compiler.compile(site, options: Fixtures.options).output
            var generator = SeededGenerator(seed: 7)
            for _ in 0..<3 {
                var shuffled = SiteFiles()
                for path in site.paths.shuffled(using: &generator) { shuffled[path] = site[path] }
                let output = try Fixtures.compiler.compile(shuffled, options: Fixtures.options).output
                #expect(output == reference)
            }
        }
    }
}

/// A small deterministic random generator (SplitMix64) for reproducible shuffles and edit sequences.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
