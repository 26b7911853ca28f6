import Foundation
import SiteCompiler
import Testing

/// Issue 13, part 1: heading ids as GitHub makes them, so docs written for GitHub build as they are
/// (`Tests/Fixtures/github-docs`: `_`, `--`, duplicates, Unicode, code spans, emoji), with `heading_ids: hugo` for
/// sitectl's earlier ids and a hint that names the setting when links use the other scheme.
@Suite struct HeadingIDsTests {
    static let fixture = Fixtures.themesDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/github-docs")

    @Test(arguments: [
        ("Stanza: depends_on", "stanza-depends_on"), ("A -- B", "a----b"), ("Über uns", "über-uns"), ("C++ & Swift!", "c--swift"),
        ("日本語の見出し", "日本語の見出し"), ("Emoji 🎉 party", "emoji--party"), ("  Trimmed  ", "trimmed"), ("v1.2.3", "v123"),
        ("What's new?", "whats-new"), ("snake_case_name", "snake_case_name"),
    ])
    func githubIDs(text: String, id: String) {
        #expect(HeadingIDScheme.github.id(from: text) == id)
    }

    @Test func githubStyleDocsBuildWithEveryLinkResolved() throws {
        let site = try SiteFiles.load(from: Self.fixture)
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let page = try #require(result.output.text("formula-cookbook/index.html"))
        for id in ["stanza-depends_on", "a----b", "über-uns", "setup", "setup-1", "c--swift", "brew-install-options", "日本語の見出し",
            "emoji--party", "the-__init__-method"]
        {
            #expect(page.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func theOtherSchemeIsOneSettingAwayAndItsLinksGetAHint() throws {
        var site = try SiteFiles.load(from: Self.fixture)
        site.setText("site.yaml", (site.text("site.yaml") ?? "") + "heading_ids: hugo\n")
        let failures = Fixtures.failures(site)
        let broken = try #require(failures.first { $0.message.contains("#stanza-depends_on") })
        #expect(broken.hint?.contains("heading_ids") == true, "\(broken.hint ?? "")")
        #expect(broken.hint?.contains("\"stanza-depends-on\"") == true, "\(broken.hint ?? "")")

        site.setText("site.yaml", (site.text("site.yaml") ?? "").replacingOccurrences(of: "heading_ids: hugo", with: "heading_ids: gitlab"))
        let bad = Fixtures.failures(site)
        #expect(bad.contains { $0.message.contains("\"heading_ids\" must be github or hugo") })
    }
}
