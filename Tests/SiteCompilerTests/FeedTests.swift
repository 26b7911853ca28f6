import Foundation
import SiteCompiler
import Testing

/// Issue 13, part 3: a site-wide feed (`/index.xml`, `/atom.xml`) of every dated regular page, and a feed for every
/// section with dated pages anywhere below it (posts in year folders included), newest `feed_limit` entries.
@Suite struct FeedTests {
    /// A blog whose posts sit in year folders (2024 without an `_index.md`, 2025 with one), a dated note at the
    /// root, an undated page and a draft.
    static func site(posts: Int = 3, extra: String = "") throws -> SiteFiles {
        var site = try Fixtures.starter()
        for path in site.paths where path.hasPrefix("content/") { site[path] = nil }
        site.setText("site.yaml", "name: demo\ntitle: Year Blog\ntheme: starter\n" + extra)
        site.setText("content/_index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
        site.setText("content/about.md", "---\ntitle: About\n---\n\nNo date here.\n")
        site.setText("content/note.md", "---\ntitle: A note\ndate: 2023-05-01\n---\n\nA dated page at the root.\n")
        site.setText("content/blog/_index.md", "---\ntitle: Blog\n---\n")
        site.setText("content/blog/2025/_index.md", "---\ntitle: 2025\n---\n")
        site.setText("content/blog/2025/draft.md", "---\ntitle: Not yet\ndate: 2025-12-01\ndraft: true\n---\n\nDraft.\n")
        for number in 0..<posts {
            let year = number % 2 == 0 ? 2024 : 2025
            let day = String(format: "%02d", number % 28 + 1)
            let month = String(format: "%02d", number / 28 % 12 + 1)
            site.setText(
                "content/blog/\(year)/post-\(number).md",
                "---\ntitle: Post \(number)\ndate: \(year)-\(month)-\(day)\n---\n\nPost number \(number).\n")
        }
        return site
    }

    static func items(_ xml: String, tag: String = "item") -> [String] {
        xml.components(separatedBy: "<\(tag)>").dropFirst().compactMap { entry in
            entry.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        }
    }

    @Test func theSiteFeedHasEveryDatedPageNewestFirstAndNoDrafts() throws {
        let result = try Fixtures.compiler.compile(try Self.site(), options: Fixtures.options)
        let rss = try #require(result.output.text("index.xml"))
        #expect(Self.items(rss) == ["Post 1", "Post 2", "Post 0", "A note"], "\(Self.items(rss))")
        #expect(rss.contains("<title>Year Blog</title>"))
        let atom = try #require(result.output.text("atom.xml"))
        #expect(Self.items(atom, tag: "entry") == ["Post 1", "Post 2", "Post 0", "A note"])
        // The home page and a page at the root point at the site feed.
        #expect(result.output.text("index.html")?.contains("href=\"/index.xml\"") == true)
        #expect(result.output.text("about/index.html")?.contains("href=\"/index.xml\"") == true)
    }

    @Test func aSectionWhosePostsSitInYearFoldersHasAFeed() throws {
        let result = try Fixtures.compiler.compile(try Self.site(), options: Fixtures.options)
        let blog = try #require(result.output.text("blog/index.xml"), "\(result.output.paths.filter { $0.hasSuffix(".xml") })")
        #expect(Self.items(blog) == ["Post 1", "Post 2", "Post 0"])
        #expect(blog.contains("<title>Blog · Year Blog</title>"))
        #expect(Self.items(try #require(result.output.text("blog/atom.xml")), tag: "entry") == ["Post 1", "Post 2", "Post 0"])
        // The 2025 section lists its own post; the 2024 folder has no `_index.md`, so it is no section of its own.
        #expect(Self.items(try #require(result.output.text("blog/2025/index.xml"))) == ["Post 1"])
        #expect(result.output.text("blog/2024/index.xml") == nil)
        #expect(result.output.text("blog/index.html")?.contains("href=\"/blog/index.xml\"") == true)
        #expect(result.output.text("blog/2024/post-0/index.html")?.contains("href=\"/blog/index.xml\"") == true)
    }

    @Test func feedsHoldTheNewestTwentyOrFeedLimit() throws {
        let many = try Fixtures.compiler.compile(try Self.site(posts: 30), options: Fixtures.options)
        #expect(Self.items(try #require(many.output.text("index.xml"))).count == 20)
        #expect(Self.items(try #require(many.output.text("blog/index.xml"))).first == "Post 29")
        let three = try Fixtures.compiler.compile(try Self.site(posts: 30, extra: "feed_limit: 3\n"), options: Fixtures.options)
        #expect(Self.items(try #require(three.output.text("index.xml"))) == ["Post 29", "Post 27", "Post 25"])
        #expect(Self.items(try #require(three.output.text("atom.xml")), tag: "entry").count == 3)
        let none = try Fixtures.compiler.compile(try Self.site(extra: "feed_limit: 0\n"), options: Fixtures.options)
        #expect(none.output.paths.filter { $0.hasSuffix("index.xml") || $0.hasSuffix("atom.xml") }.isEmpty)
        #expect(none.output.text("index.html")?.contains("application/rss+xml") == false)
        let bad = Fixtures.failures(try Self.site(extra: "feed_limit: many\n"))
        #expect(bad.contains { $0.message.contains("\"feed_limit\" must be a whole number") })
    }

    @Test func aSiteWithoutDatedPagesHasNoFeed() throws {
        var site = try Self.site(posts: 0)
        site["content/note.md"] = nil
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output.text("index.xml") == nil)
        #expect(result.output.text("about/index.html")?.contains("application/rss+xml") == false)
    }

    @Test func incrementalBuildsFollowPostsAddedAndRemovedDeepBelow() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        var previous: SiteFiles?
        var site = try Self.site(posts: 1)
        site["content/note.md"] = nil
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        // The only dated page goes: every feed and every feed link must go with it.
        site["content/blog/2024/post-0.md"] = nil
        site.setText("content/blog/2024/undated.md", "---\ntitle: Undated\n---\n")
        let (removed, _) = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        let clean = try workspace.compiler.compile(site, options: Fixtures.options)
        #expect(Set(removed.paths) == Set(clean.output.paths))
        #expect(Set(removed.paths).filter { removed[$0] != clean.output[$0] }.isEmpty)
        #expect(removed.text("about/index.html")?.contains("application/rss+xml") == false)
        // A new post deep below brings them back.
        site.setText("content/blog/2025/new.md", "---\ntitle: New\ndate: 2025-06-01\n---\n")
        let (added, _) = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        let clean2 = try workspace.compiler.compile(site, options: Fixtures.options)
        #expect(Set(added.paths).filter { added[$0] != clean2.output[$0] }.isEmpty)
        #expect(Self.items(try #require(added.text("index.xml"))) == ["New"])
        #expect(added.text("about/index.html")?.contains("href=\"/index.xml\"") == true)
    }
}
