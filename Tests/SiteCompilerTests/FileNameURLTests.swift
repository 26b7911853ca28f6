import Foundation
import SiteCompiler
import Testing

/// Issue 13, part 2: every content file gets its own address. Safe punctuation stays, the rest is percent-encoded
/// (`Tests/Fixtures/tldr-names`: `$.md`, `[[.md`, `clang++.md`, `7z.md`, spaces, dots, non-ASCII), the output file
/// has the decoded name (as servers look files up), and only names that really map to one address collide.
@Suite struct FileNameURLTests {
    static let fixture = Fixtures.themesDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/tldr-names")

    @Test(arguments: [
        ("$", "$"), ("!", "!"), ("%", "%25"), ("[", "%5B"), ("[[", "%5B%5B"), ("clang++", "clang++"), ("7z", "7z"),
        ("node.js", "node.js"), ("git commit", "git-commit"), ("a \t b", "a-b"), (":", "%3A"), ("?", "%3F"), ("#", "%23"),
        ("café", "caf%C3%A9"), ("日本語", "%E6%97%A5%E6%9C%AC%E8%AA%9E"), ("x&y", "x%26y"), ("C++ Guide", "c++-guide"),
        ("100%", "100%25"), ("a/b", "a%2Fb"), ("quote\"d", "quote%22d"), ("mail@host", "mail@host"), ("k=v,w", "k=v,w"),
    ])
    func segments(name: String, segment: String) {
        #expect(PagePath.urlSegment(name) == segment)
    }

    @Test func encodedSegmentsAreWrittenUnderTheirDecodedNames() {
        #expect(PagePath.outputPath(for: "/common/%5B%5B/") == "common/[[/index.html")
        #expect(PagePath.outputPath(for: "/common/%25/") == "common/%/index.html")
        #expect(PagePath.outputPath(for: "/caf%C3%A9/") == "café/index.html")
        // Decoding never makes a separator or a dot segment: such segments stay as written.
        #expect(PagePath.outputPath(for: "/a%2Fb/") == "a%2Fb/index.html")
        #expect(PagePath.outputPath(for: "/%2E%2E/x/") == "%2E%2E/x/index.html")
        #expect(PagePath.outputPath(for: "/bad%ZZ/") == "bad%ZZ/index.html")
    }

    @Test func tldrStyleNamesBuildOnePagePerFileWithEveryLinkResolved() throws {
        let site = try SiteFiles.load(from: Self.fixture)
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let sources = site.paths.filter { $0.hasPrefix("content/common/") && $0.hasSuffix(".md") && !$0.hasSuffix("/_index.md") }
        #expect(sources.count == 20)
        for source in sources {
            let name = String(source.dropFirst("content/common/".count).dropLast(".md".count))
            let folder = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
            let page = try #require(result.output.text("common/\(folder)/index.html"), "\(source)")
            #expect(page.contains("<title>\(name.replacingOccurrences(of: "&", with: "&amp;"))"), "\(source)")
        }
        let home = try #require(result.output.text("index.html"))
        // Source links became the pages' addresses, encoded where they must be.
        for href in ["/common/%5B%5B/", "/common/clang++/", "/common/$/", "/common/%25/", "/common/caf%C3%A9/", "/common/%23/", "/common/c++-guide/"] {
            #expect(home.contains("href=\"\(href)\""), "\(href)")
        }
        let sitemap = try #require(result.output.text("sitemap.xml"))
        #expect(sitemap.contains("/common/%E6%97%A5%E6%9C%AC%E8%AA%9E/</loc>"))
        #expect(!sitemap.contains("日本語"))
    }

    @Test func onlyNamesThatReallyShareAnAddressCollideAndBothAreNamed() throws {
        var site = try SiteFiles.load(from: Self.fixture)
        site.setText("content/common/Clang.md", "---\ntitle: Clang again\n---\n")
        site.setText("content/common/git  commit.md", "---\ntitle: Two spaces\n---\n")
        let failures = Fixtures.failures(site)
        let clang = try #require(failures.first { $0.message.contains("/common/clang/") })
        #expect(clang.message.contains("content/common/Clang.md") && clang.message.contains("content/common/clang.md"), "\(clang.message)")
        #expect(clang.hint?.contains("lower case") == true)
        #expect(failures.contains { $0.message.contains("content/common/git  commit.md") && $0.message.contains("content/common/git commit.md") })
        #expect(failures.count == 2, "\(failures.map(\.message))")
    }

    @Test func aPageWithoutATitleIsNamedAfterItsFileNotItsEncodedAddress() throws {
        var site = try SiteFiles.load(from: Self.fixture)
        site.setText("content/common/[[.md", "Only a body.\n")
        site.setText("content/common/café.md", "Only a body.\n")
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output.text("common/[[/index.html")?.contains("<title>[[ · tldr-style pages</title>") == true)
        #expect(result.output.text("common/café/index.html")?.contains("<title>Café · tldr-style pages</title>") == true)
    }

    @Test func aPageAtAFeedsAddressOrWithABackslashIsAClearError() throws {
        var site = try FeedTests.site(posts: 2)
        site.setText("content/index.xml.md", "---\ntitle: Not a feed\n---\n")
        let conflict = try #require(Fixtures.failures(site).first { $0.message.contains("index.xml") })
        #expect(conflict.message.contains("content/index.xml.md"), "\(conflict.message)")
        #expect(conflict.hint?.contains("feed_limit") == true)
        site["content/index.xml.md"] = nil
        site.setText("content/back\\slash.md", "---\ntitle: B\n---\n")
        #expect(Fixtures.failures(site).contains { $0.file == "content/back\\slash.md" && $0.message.contains("\\") })
    }
}
