import Foundation
import SiteCompiler
import Testing

/// Incremental builds must equal clean builds byte for byte, and must skip what an edit does not reach.
@Suite struct IncrementalBuildTests {
    /// A scratch folder with a copy of the repository's themes (so tests may edit partials) and a cache folder.
    struct Workspace {
        let root: URL
        var themes: URL { root.appendingPathComponent("themes") }
        var cache: URL { root.appendingPathComponent("cache") }
        var compiler: SiteCompiler { SiteCompiler(themes: ThemeLibrary(directories: [themes])) }
        var builder: IncrementalBuilder { IncrementalBuilder(compiler: compiler, cacheURL: cache) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            // Resolve symlinks first: copying a symlinked themes folder would copy the link, and the partial edits
            // would land in the repository's themes.
            try FileManager.default.copyItem(at: Fixtures.themesDirectory.resolvingSymlinksInPath(), to: themes)
            let attributes = try FileManager.default.attributesOfItem(atPath: themes.path)
            guard attributes[.type] as? FileAttributeType == .typeDirectory else {
                throw CocoaError(.fileWriteUnknown)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The page cache as `sitectl build` keeps it, with "unchanged" meaning the same bytes rather than the same
    /// stamp: files it holds are left out of the build's source and read (and counted) only when rendered.
    final class PageCache: @unchecked Sendable {
        private let lock = NSLock()
        var entries: [String: (data: Data, page: ParsedPage)] = [:]
        private var readPaths: [String] = []

        /// The paths stubs were read from since the last call.
        func takeReads() -> [String] {
            lock.withLock {
                defer { readPaths = [] }
                return readPaths.sorted()
            }
        }

        /// `site` without the files the cache holds as they are, and the cache for them.
        func split(_ site: SiteFiles) -> (SiteFiles, CachedSources) {
            var rest = site
            var pages: [String: ParsedPage] = [:]
            for (path, entry) in entries where site[path] == entry.data {
                pages[path] = entry.page
                rest[path] = nil
            }
            return (rest, CachedSources(pages: pages) { [self] path in
                lock.withLock { readPaths.append(path) }
                return site[path]
            })
        }

        /// What the build parsed, for the next one.
        func record(_ result: CompileResult, site: SiteFiles) {
            entries = [:]
            for (path, page) in result.parsedPages {
                if let data = site[path] { entries[path] = (data, page) }
            }
        }
    }

    /// An incremental build over the output of the previous one (as `sitectl serve` keeps it in memory): the
    /// rendered files plus the kept ones taken from `previous`, which becomes the new whole output. With `pages`,
    /// content files unchanged since the last build come from the page cache, as `sitectl build` does it.
    static func build(
        _ builder: IncrementalBuilder, _ site: SiteFiles, previous: inout SiteFiles?, options: CompileOptions = Fixtures.options,
        pages: PageCache? = nil
    ) throws -> (output: SiteFiles, result: CompileResult) {
        let old = previous
        let earlier = old.map { files in
            IncrementalBuilder.PreviousOutput(paths: Set(files.paths.filter(IncrementalBuilder.PreviousOutput.mayKeep))) {
                files.text($0)
            }
        }
        let (source, cached) = pages?.split(site) ?? (site, .none)
        let result = try builder.build(source: source, options: options, previous: earlier ?? .none, cached: cached).result
        pages?.record(result, site: site)
        var output = result.output
        for path in result.kept { output[path] = old?[path] }
        previous = output
        return (output, result)
    }

    @Test(arguments: [(UInt64(1), "starter"), (2, "docs"), (3, "blog"), (4, "docs"), (5, "portfolio")])
    func randomEditsKeepIncrementalBuildsEqualToCleanBuilds(seed: UInt64, theme: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var random = SeededGenerator(seed: seed)
        var site = try workspace.compiler.themes.starterSource(theme: theme, siteName: "demo")
        let options = Fixtures.options
        var log: [String] = []
        var previous: SiteFiles?
        // Odd seeds also take unchanged pages from the page cache.
        let pages = seed % 2 == 1 ? PageCache() : nil
        for step in 0..<25 {
            if step > 0 {
                let edit = SiteEdit.allCases.randomElement(using: &random) ?? .body
                log.append(
                    try edit.apply(
                        to: &site,
                        themeDirectory: workspace.themes.appendingPathComponent(theme),
                        step: step,
                        using: &random
                    )
                )
            }
            let clean = Result { try workspace.compiler.compile(site, options: options) }
            let incremental = Result {
                try Self.build(workspace.builder, site, previous: &previous, options: options, pages: pages)
            }
            switch (clean, incremental) {
            case (.success(let expected), .success(let (output, actual))):
                let differing = Set(expected.output.paths + output.paths).filter {
                    expected.output[$0] != output[$0]
                }
                #expect(differing.isEmpty, "seed \(seed) step \(step): \(differing.sorted()) after \(log)")
                #expect(actual.diagnostics.map(\.formatted) == expected.diagnostics.map(\.formatted))
            case (.failure, .failure):
                break
            default:
                Issue.record("seed \(seed) step \(step): clean and incremental builds disagree after \(log)")
            }
        }
    }

    @Test func rebuildWithoutChangesRendersNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let site = try workspace.compiler.themes.starterSource(theme: "docs", siteName: "demo")
        var previous: SiteFiles?
        let first = try Self.build(workspace.builder, site, previous: &previous)
        #expect(first.result.stats.pagesReused == 0)
        #expect(first.result.stats.pagesRendered == first.result.pages.count)
        let second = try Self.build(workspace.builder, site, previous: &previous)
        #expect(second.result.stats.pagesRendered == 0)
        #expect(second.result.stats.bodiesRendered == 0)
        #expect(second.result.stats.pagesReused == first.result.stats.pagesRendered)
        #expect(second.output == first.output)
        // Kept pages are not in the result's files: only the generated ones (404, feeds, assets, …) are.
        // The sitemap and search index are kept too: nothing they show changed.
        #expect(second.result.kept == Set(first.result.pages.compactMap(\.outputPath)).union(["sitemap.xml", "search.json"]))
    }

    @Test func editingOnePageBodyRendersOnlyThatPage() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try workspace.compiler.themes.starterSource(theme: "docs", siteName: "demo")
        var previous: SiteFiles?
        let first = try Self.build(workspace.builder, site, previous: &previous)
        let path = "content/docs/guides/first-project.md"
        site.setText(path, (site.text(path) ?? "") + "\nOne more sentence.\n")
        let second = try Self.build(workspace.builder, site, previous: &previous)
        #expect(second.result.stats.bodiesRendered == 1)
        // The sentence is past the first paragraph: no list or neighbour shows a change, so one page is rendered.
        #expect(second.result.stats.pagesRendered == 1)
        #expect(second.result.stats.pagesRendered < first.result.stats.pagesRendered)
        #expect(second.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
    }

    @Test func editingATitleRendersThePagesThatShowIt() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try workspace.compiler.themes.starterSource(theme: "docs", siteName: "demo")
        var previous: SiteFiles?
        let first = try Self.build(workspace.builder, site, previous: &previous)
        let path = "content/docs/guides/first-project.md"
        let text = try #require(site.text(path))
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        site.setText(path, text.replacingOccurrences(of: String(title), with: "title: Renamed Guide Zq"))
        let second = try Self.build(workspace.builder, site, previous: &previous)
        let clean = try workspace.compiler.compile(site, options: Fixtures.options)
        #expect(second.output == clean.output)
        #expect(second.result.stats.pagesRendered > 1)
        #expect(second.result.stats.pagesRendered < first.result.stats.pagesRendered)
        // Every page that shows the new title was rendered again.
        for (file, data) in clean.output.files where file.hasSuffix(".html") && String(decoding: data, as: UTF8.self).contains("Renamed Guide Zq") {
            #expect(!second.result.kept.contains(file), "\(file) shows the title but was kept")
        }
    }

    @Test func cleanBuildIgnoresTheCache() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let site = try workspace.compiler.themes.starterSource(theme: "starter", siteName: "demo")
        _ = try workspace.builder.build(source: site, options: Fixtures.options)
        let clean = try workspace.builder.build(source: site, options: Fixtures.options, clean: true)
        #expect(clean.stats.pagesReused == 0)
        #expect(clean.stats.pagesRendered > 0)
    }

    @Test func keptPagesAndListedSyncs() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let out = workspace.root.appendingPathComponent("dist")
        let cache = workspace.cache
        let builder = IncrementalBuilder(compiler: workspace.compiler, cacheURL: cache)
        let site = try workspace.compiler.themes.starterSource(theme: "starter", siteName: "demo")
        let result = try builder.build(source: site, options: Fixtures.options).result
        _ = try OutputSync.write(result.output, to: out)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("records").path))
        // What `sitectl build` records in its manifest: the stamp of every file it wrote.
        let recorded = Dictionary(uniqueKeysWithValues: try SiteFiles.paths(under: out).compactMap { path in
            FileStamp.of(out.appendingPathComponent(path).path).map { (path, $0) }
        })
        let again = try builder.build(source: site, options: Fixtures.options, previous: .folder(out, stamps: recorded))
        #expect(again.stats.pagesRendered == 0)
        #expect(again.result.kept.contains("index.html"))
        // A page file changed by hand since is not trusted: it is rendered again, the others are kept.
        try Data("tampered".utf8).write(to: out.appendingPathComponent("index.html"))
        let third = try builder.build(source: site, options: Fixtures.options, previous: .folder(out, stamps: recorded))
        #expect(third.stats.pagesRendered == 1)
        #expect(third.result.output["index.html"] == result.output["index.html"])

        // Syncing from the last build's list of files (no folder walk): a listed file deleted since is no error,
        // a file the build no longer makes is removed, and a new file's missing folders are made.
        var next = SiteFiles()
        next.setText("index.html", "home")
        next.setText("new/deep/page/index.html", "new")
        try FileManager.default.removeItem(at: out.appendingPathComponent("about/index.html"))
        let listed = try SiteFiles.paths(under: out) + ["about/index.html"]
        let summary = try OutputSync.write(next, to: out, listed: listed)
        let left = try SiteFiles.paths(under: out)
        #expect(Set(left) == ["index.html", "new/deep/page/index.html"])
        #expect(summary.changed == 2)
    }
}
