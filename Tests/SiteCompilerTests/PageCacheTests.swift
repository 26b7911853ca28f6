import Foundation
import SiteCompiler
import Testing

/// The page cache: content files an earlier build parsed are neither read nor parsed again, a stub is read only
/// when its page must be rendered or a finding must quote it, and the output and diagnostics are those of a clean
/// build. The cache file is dropped whole when it is damaged, of another key, or its files changed.
@Suite struct PageCacheTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let fixtures = Fixtures.themesDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

    /// Every site we have: the four starters and the fixtures.
    static func sites() throws -> [(String, SiteFiles)] {
        var sites: [(String, SiteFiles)] = []
        for theme in ["starter", "docs", "blog", "portfolio"] {
            sites.append((theme, try Fixtures.library.starterSource(theme: theme, siteName: "demo")))
        }
        for name in ["acme", "github-docs", "tldr-names"] {
            sites.append((name, try SiteFiles.load(from: Self.fixtures.appendingPathComponent(name))))
        }
        return sites
    }

    /// A clean build and a page-cached incremental one of `site` must agree on every file and diagnostic.
    static func expectSameAsClean(
        _ site: SiteFiles, _ output: SiteFiles, _ result: CompileResult, _ comment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let clean = try Fixtures.compiler.compile(site, options: Fixtures.options)
        let differing = Set(clean.output.paths + output.paths).filter { clean.output[$0] != output[$0] }
        #expect(differing.isEmpty, "\(comment): \(differing.sorted())", sourceLocation: sourceLocation)
        #expect(
            result.diagnostics.map(\.formatted) == clean.diagnostics.map(\.formatted), "\(comment)",
            sourceLocation: sourceLocation)
    }

    @Test func aStubIsReadOnlyWhenItsPageIsRenderedAgain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try Fixtures.library.starterSource(theme: "blog", siteName: "demo")
        let cache = IncrementalBuildTests.PageCache()
        var previous: SiteFiles?
        let first = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
        let contentCount = site.paths.count { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        #expect(first.result.parsedPages.count == contentCount)
        #expect(cache.takeReads().isEmpty)

        // Nothing changed: every page is a stub, none is read.
        let again = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
        #expect(cache.takeReads().isEmpty)
        #expect(again.result.stats.pagesRendered == 0)
        try Self.expectSameAsClean(site, again.output, again.result, "no change")

        // A post's title changes: the lists that show it are rendered again from their files; the post itself was
        // read as a changed file, not as a stub.
        let post = try #require(site.paths.first { $0.hasPrefix("content/posts/") && !$0.hasSuffix("_index.md") })
        let text = try #require(site.text(post))
        site.setText(post, text.replacingOccurrences(of: "title:", with: "title: Renamed —", options: [], range: text.range(of: "title:")))
        let edited = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
        let reads = cache.takeReads()
        #expect(!reads.isEmpty && !reads.contains(post))
        #expect(reads.count < contentCount - 1, "only the pages showing the title: \(reads)")
        #expect(reads.contains("content/_index.md") || reads.contains("content/posts/_index.md"), "\(reads)")
        try Self.expectSameAsClean(site, edited.output, edited.result, "title edit")
    }

    @Test func everySiteBuildsTheSameFromTheCacheAfterEveryKindOfEdit() throws {
        for (name, original) in try Self.sites() {
            for edit in SiteEdit.allCases where edit != .partial {
                let workspace = try Workspace()
                defer { workspace.remove() }
                var site = original
                let cache = IncrementalBuildTests.PageCache()
                var previous: SiteFiles?
                guard (try? IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)) != nil else {
                    Issue.record("\(name) does not build")
                    continue
                }
                var random = SeededGenerator(seed: 7)
                let what = try edit.apply(
                    to: &site, themeDirectory: workspace.themes.appendingPathComponent("starter"), step: 1, using: &random)
                let clean = Result { try Fixtures.compiler.compile(site, options: Fixtures.options) }
                let cached = Result { try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache) }
                switch (clean, cached) {
                case (.success, .success(let (output, result))):
                    try Self.expectSameAsClean(site, output, result, "\(name): \(what)")
                case (.failure(let expected as CompileFailure), .failure(let actual as CompileFailure)):
                    #expect(actual.diagnostics.map(\.formatted) == expected.diagnostics.map(\.formatted), "\(name): \(what)")
                default:
                    Issue.record("\(name): clean and cached builds disagree after \(what)")
                }
            }
        }
    }

    @Test func findingsInPagesNotRenderedAgainStillQuoteTheirLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try Fixtures.starter(with: [
            "content/broken.md": "---\ntitle: Broken\n---\n\nIntro.\n\nSee [the missing page](/missing/).\n",
            "content/old.md": "---\ntitle: Old\naliases: [/former/]\n---\n\nOld page.\n",
        ])
        site.setText("site.yaml", (site.text("site.yaml") ?? "") + "link_check: warn\n")
        let cache = IncrementalBuildTests.PageCache()
        var previous: SiteFiles?
        _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
        _ = cache.takeReads()
        // A new page changes the link targets: every kept page is checked again from its output file, and the
        // broken one is read from its source for the line it quotes.
        site.setText("content/new.md", "---\ntitle: New\n---\n\nNew.\n")
        let added = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
        #expect(cache.takeReads().contains("content/broken.md"))
        let finding = try #require(added.result.diagnostics.first { $0.file == "content/broken.md" })
        #expect(finding.line == 7, "\(finding.formatted)")
        try Self.expectSameAsClean(site, added.output, added.result, "new page")

        // A page at an alias's address: the error quotes the alias line of the stub's file.
        site.setText("content/former.md", "---\ntitle: Former\n---\n\nIn the way.\n")
        let clean = try #require(Fixtures.failures(site).first { $0.file == "content/old.md" })
        #expect(clean.line == 3)
        do {
            _ = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous, pages: cache)
            Issue.record("a page at an alias's address must fail the build")
        } catch let failure as CompileFailure {
            #expect(cache.takeReads().contains("content/old.md"))
            #expect(failure.diagnostics.first { $0.file == "content/old.md" }?.formatted == clean.formatted)
        }
    }

    @Test func aStubWhoseFileVanishedIsAnErrorNotAnEmptyPage() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try Fixtures.library.starterSource(theme: "blog", siteName: "demo")
        var previous: SiteFiles?
        let first = try IncrementalBuildTests.build(workspace.builder, site, previous: &previous)
        // Every page is a stub whose file cannot be read, and site.yaml changed: everything must be rendered.
        var source = SiteFiles()
        for path in site.paths where first.result.parsedPages[path] == nil { source[path] = site[path] }
        source.setText("site.yaml", YAMLText.settingTopLevel("title", to: "Changed", in: site.text("site.yaml") ?? ""))
        site = source
        let cached = CachedSources(pages: first.result.parsedPages) { _ in nil }
        #expect {
            _ = try workspace.builder.build(source: site, options: Fixtures.options, cached: cached)
        } throws: { error in
            let messages = (error as? CompileFailure)?.diagnostics.map(\.message) ?? []
            return messages.contains { $0.contains("changed or was removed while the site was being built") }
        }
    }

    @Test func theCacheFileKeepsEveryParsedFact() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, site) in try Self.sites() {
            var awkward = site
            awkward.setText(
                "content/awkward.md",
                "---\ntitle: \"Tabs\\tand\\nlines ✓\"\ndate: 2024-02-29T23:59:58+05:30\nupdated: 2024-03-01\ndraft: true\n"
                    + "tags: [a, \"b c\", 日本]\nweight: -7\nslug: odd-slug\naliases: [/x/, /y/]\nsummary: \"\"\n"
                    + "params:\n  nested: {list: [1, 2.5, true, null, ~, 2024-01-01], deep: {deeper: [[x]]}}\n"
                    + "empty: []\nflag: false\n---\nBody.\n")
            let parsed = try ContentLoader().load(awkward, cached: [:]).parsed
            #expect(parsed["content/awkward.md"] != nil)
            var stamps: [String: FileStamp] = [:]
            for (index, path) in parsed.keys.sorted().enumerated() { stamps[path] = FileStamp(size: Int64(index), modified: -Int64(index)) }
            try ParsedPageCache.save(parsed, stamps: stamps, key: "k", to: folder)
            let loaded = ParsedPageCache.load(from: folder, key: "k", stamps: stamps)
            #expect(loaded == parsed, "\(name)")
            // Another key (options, binary, themes) or another stamp: not used.
            #expect(ParsedPageCache.load(from: folder, key: "other", stamps: stamps).isEmpty)
            var touched = stamps
            touched["content/awkward.md"]?.modified += 1
            #expect(ParsedPageCache.load(from: folder, key: "k", stamps: touched)["content/awkward.md"] == nil)
            #expect(ParsedPageCache.load(from: folder, key: "k", stamps: touched).count == parsed.count - 1)
        }
    }

    @Test func aDamagedCacheFileIsIgnoredWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try Fixtures.library.starterSource(theme: "blog", siteName: "demo")
        let parsed = try ContentLoader().load(site, cached: [:]).parsed
        let stamps = parsed.mapValues { _ in FileStamp(size: 1, modified: 2) }
        try ParsedPageCache.save(parsed, stamps: stamps, key: "k", to: folder)
        let file = folder.appendingPathComponent(ParsedPageCache.fileName)
        let good = try Data(contentsOf: file)
        #expect(ParsedPageCache.load(from: folder, key: "k", stamps: stamps) == parsed)
        var random = SeededGenerator(seed: 11)
        var damaged: [Data] = [Data(), Data("garbage".utf8), good.prefix(good.count / 2), good.dropLast(), good + Data([0])]
        for _ in 0..<200 {
            var copy = good
            let index = Int.random(in: 0..<copy.count, using: &random)
            copy[index] ^= UInt8.random(in: 1...255, using: &random)
            damaged.append(copy)
        }
        for data in damaged {
            try data.write(to: file)
            #expect(ParsedPageCache.load(from: folder, key: "k", stamps: stamps).isEmpty)
        }
    }

    /// A new front matter field must be cached too, or pages from the cache would silently lose it.
    @Test func everyFrontMatterFieldIsInTheCacheFormat() {
        let fields = Mirror(reflecting: FrontMatter()).children.compactMap(\.label)
        #expect(
            fields == ["title", "description", "date", "updated", "draft", "tags", "weight", "slug", "aliases", "layout", "summary", "params"],
            "FrontMatter changed: add the field to ByteWriter.frontMatter and ByteReader.frontMatter (ParsedPageCache.swift), and bump its magic")
    }
}
