import Foundation
import SiteCompiler
import Testing

/// Long lists split into pages, and a page per tag.
@Suite struct ListPageTests {
    /// The blog seed plus `count` dated posts tagged Swift (every third also Web Design).
    static func blog(posts count: Int, siteYAML extra: String = "") throws -> SiteFiles {
        var site = try Fixtures.library.starterSource(theme: "blog", siteName: "demo")
        for index in 1...count {
            let tags = index % 3 == 0 ? "[\"Swift\", \"Web Design\"]" : "[\"Swift\"]"
            let date = String(format: "2024-%02d-%02d", index % 12 + 1, index % 27 + 1)
            site.setText(
                "content/posts/p\(index).md",
                "---\ntitle: Post \(index)\ndate: \(date)\ntags: \(tags)\n---\n\nPost \(index) text.\n"
            )
        }
        if !extra.isEmpty { site.setText("site.yaml", (site.text("site.yaml") ?? "") + "\n" + extra + "\n") }
        return site
    }

    static func entries(_ html: String?) -> Int {
        (html ?? "").components(separatedBy: "class=\"post-item\"").count - 1
    }

    @Test func longSectionsAreSplitIntoPagesOfTwenty() throws {
        let site = try Self.blog(posts: 45)
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let output = result.output
        // 45 posts + the seed's two: 20 + 20 + 7.
        #expect(Self.entries(output.text("posts/index.html")) == 20)
        #expect(Self.entries(output.text("posts/page/2/index.html")) == 20)
        #expect(Self.entries(output.text("posts/page/3/index.html")) == 7)
        #expect(output.text("posts/page/4/index.html") == nil)
        let second = try #require(output.text("posts/page/2/index.html"))
        #expect(second.contains("href=\"/posts/\" rel=\"prev\""))
        #expect(second.contains("href=\"/posts/page/3/\" rel=\"next\""))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        #expect(second.contains("Page 2 of 3"))
        #expect(second.contains("<title>Posts, page 2 · "))
        let first = try #require(output.text("posts/index.html"))
        #expect(!first.contains("rel=\"prev\""))
        // Every post appears on exactly one page of the list, newest first across pages.
        let all = [first, second, output.text("posts/page/3/index.html") ?? ""].joined()
        for index in 1...45 { #expect(all.components(separatedBy: "href=\"/posts/p\(index)/\"").count == 2) }
        // Later pages are not in the sitemap (the list's first page is).
        let sitemap = output.text("sitemap.xml") ?? ""
        #expect(!sitemap.contains("/posts/page/2/"))
        #expect(sitemap.contains("/posts/</loc>"))
    }

    @Test func pageSizeFromSiteYAMLAndFrontMatter() throws {
        let whole = try Fixtures.compiler.compile(try Self.blog(posts: 45, siteYAML: "paginate: 0"), options: Fixtures.options)
        #expect(Self.entries(whole.output.text("posts/index.html")) == 47)
        #expect(whole.output.text("posts/page/2/index.html") == nil)

        var site = try Self.blog(posts: 45)
        site.setText("content/posts/_index.md", "---\ntitle: Posts\npaginate: 10\n---\n")
        let tens = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(Self.entries(tens.output.text("posts/page/5/index.html")) == 7)
        #expect(tens.output.text("posts/page/6/index.html") == nil)
    }

    @Test func badPaginateIsAnErrorAtItsLine() throws {
        let found = Fixtures.failures(try Self.blog(posts: 2, siteYAML: "paginate: lots"))
        #expect(found.first?.message.contains("\"paginate\" must be a whole number") == true)
        #expect(found.first?.file == "site.yaml")
        #expect(found.first?.line != nil)
    }

    @Test func everyTagGetsAPageAndPagesLinkToTheirTags() throws {
        var site = try Self.blog(posts: 45)
        site.setText("content/posts/hidden.md", "---\ntitle: Hidden\ndraft: true\ntags: [secret]\n---\n\nNo.\n")
        let output = try Fixtures.compiler.compile(site, options: Fixtures.options).output
        let index = try #require(output.text("tags/index.html"))
        // Most used first, with counts; `Web Design` → /tags/web-design/.
        let swift = try #require(index.range(of: "href=\"/tags/swift/\""))
        let design = try #require(index.range(of: "href=\"/tags/web-design/\""))
        #expect(swift.lowerBound < design.lowerBound)
        #expect(index.contains("15 pages"))
        #expect(Self.entries(output.text("tags/web-design/index.html")) == 15)
        #expect(output.text("tags/web-design/index.html")?.contains("<h1>Web Design</h1>") == true)
        #expect(output.text("tags/swift/page/3/index.html") != nil)  // 45 tagged posts, 20 a page
        #expect(output.text("tags/secret/index.html") == nil)  // only a draft carries it
        let post = try #require(output.text("posts/p3/index.html"))
        #expect(post.contains("<a href=\"/tags/swift/\">Swift</a>"))
        #expect(post.contains("<a href=\"/tags/web-design/\">Web Design</a>"))
        #expect(output.text("sitemap.xml")?.contains("/tags/web-design/</loc>") == true)
    }

    @Test func aContentPageAtTagsReplacesTheGeneratedIndex() throws {
        var site = try Self.blog(posts: 3)
        site.setText("content/tags/_index.md", "---\ntitle: Topics\n---\n\nBrowse by topic.\n")
        let output = try Fixtures.compiler.compile(site, options: Fixtures.options).output
        let index = try #require(output.text("tags/index.html"))
        #expect(index.contains("<h1>Topics</h1>") && index.contains("Browse by topic."))
        #expect(index.contains("href=\"/tags/swift/\""))
    }

    @Test func searchIndexLeavesTagPagesOut() throws {
        var site = try Fixtures.library.starterSource(theme: "docs", siteName: "demo")
        site.setText("content/docs/tagged.md", "---\ntitle: Tagged\ntags: [alpha]\n---\n\nText.\n")
        let output = try Fixtures.compiler.compile(site, options: Fixtures.options).output
        #expect(output.text("tags/alpha/index.html") != nil)
        let search = output.text("search.json") ?? ""
        #expect(search.contains("/docs/tagged/"))
        #expect(!search.contains("/tags/"))
    }

    @Test func addingATagAndAPostKeepsIncrementalEqualToClean() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        var site = try Self.blog(posts: 39)
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        // One more post makes a third page of /posts/ and a new tag.
        site.setText("content/posts/new.md", "---\ntitle: New\ndate: 2025-01-01\ntags: [Fresh]\n---\n\nNew.\n")
        let second = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        #expect(second.output.text("tags/fresh/index.html") != nil)
        #expect(second.output.text("posts/page/3/index.html") != nil)
        #expect(second.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
        // A body edit past the first paragraph of one post renders that post alone.
        site.setText("content/posts/p7.md", (site.text("content/posts/p7.md") ?? "") + "\nMore.\n")
        let third = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        #expect(third.result.stats.pagesRendered == 1)
        // Feeds and sitemap show nothing of that text: kept, not made again.
        #expect(third.result.kept.isSuperset(of: ["posts/index.xml", "posts/atom.xml", "sitemap.xml"]))
        #expect(third.result.output["posts/index.xml"] == nil)
        #expect(third.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
        // A new title is in the feed: made again.
        site.setText("content/posts/p7.md", (site.text("content/posts/p7.md") ?? "").replacingOccurrences(of: "title: Post 7", with: "title: Seven"))
        let fourth = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        #expect(fourth.result.output.text("posts/index.xml")?.contains("<title>Seven</title>") == true)
        #expect(fourth.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
    }
}

/// Cases a review of the incremental keys found.
@Suite struct IncrementalEdgeTests {
    @Test func aStaticFileOverAKeptSitemapFailsLikeACleanBuild() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        var site = try ListPageTests.blog(posts: 3)
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        site.setText("static/sitemap.xml", "<urlset/>")
        let clean = Fixtures.failures(site)
        #expect(clean.first?.message == "static file would overwrite the generated /sitemap.xml")
        do {
            _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
            Issue.record("the incremental build let static/sitemap.xml replace the kept sitemap")
        } catch let failure as CompileFailure {
            #expect(failure.diagnostics.map(\.message) == clean.map(\.message))
        }
    }

    @Test func aNewTimeOfDayReachesTheFeeds() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        var site = try ListPageTests.blog(posts: 3)
        site.setText("content/posts/timed.md", "---\ntitle: Timed\ndate: 2025-05-01T09:00:00Z\n---\n\nText.\n")
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        site.setText("content/posts/timed.md", "---\ntitle: Timed\ndate: 2025-05-01T18:30:00Z\n---\n\nText.\n")
        let second = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        #expect(second.output.text("posts/atom.xml")?.contains("2025-05-01T18:30:00Z") == true)
        #expect(second.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
    }

    @Test func aSectionWithASlugUpdatesItsPagesNeighbours() throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.remove() }
        // The docs theme shows prev/next. Links to the old section address become warnings, alike in both builds.
        var site = try workspace.compiler.themes.starterSource(theme: "docs", siteName: "demo")
        site.setText("site.yaml", (site.text("site.yaml") ?? "") + "\nlink_check: warn\n")
        site.setText("content/docs/guides/_index.md", "---\ntitle: Guides\nslug: howto\nweight: 3\n---\n")
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        // A new page changes its neighbour's prev/next; their URLs (/docs/guides/…) do not start with /docs/howto/.
        site.setText("content/docs/guides/another.md", "---\ntitle: Another guide\nweight: 1\n---\n\nNew.\n")
        let second = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        let clean = try workspace.compiler.compile(site, options: Fixtures.options)
        #expect(clean.output.text("docs/guides/first-project/index.html")?.contains("Another guide") == true)
        #expect(second.output == clean.output)
    }

    @Test func aPageFolderThatBecomesAFileIsReplaced() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var first = SiteFiles()
        first.setText("api.json/index.html", "page")
        first.setText("index.html", "home")
        _ = try OutputSync.write(first, to: root)
        var second = SiteFiles()
        second.setText("api.json", "{}")
        second.setText("index.html", "home")
        // Walking the folder, then from the last build's list of files (as `sitectl build` does), both ways round.
        _ = try OutputSync.write(second, to: root)
        #expect(try String(contentsOf: root.appendingPathComponent("api.json"), encoding: .utf8) == "{}")
        _ = try OutputSync.write(first, to: root, listed: ["api.json", "index.html"])
        #expect(try String(contentsOf: root.appendingPathComponent("api.json/index.html"), encoding: .utf8) == "page")
        _ = try OutputSync.write(second, to: root, listed: ["api.json/index.html", "index.html"])
        #expect(try String(contentsOf: root.appendingPathComponent("api.json"), encoding: .utf8) == "{}")
    }
}
