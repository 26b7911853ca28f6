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

    @Test(arguments: [(UInt64(1), "starter"), (2, "docs"), (3, "blog"), (4, "docs"), (5, "portfolio")])
    func randomEditsKeepIncrementalBuildsEqualToCleanBuilds(seed: UInt64, theme: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var random = SeededGenerator(seed: seed)
        var site = try workspace.compiler.themes.starterSource(theme: theme, siteName: "demo")
        let options = Fixtures.options
        var log: [String] = []
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
            let incremental = Result { try workspace.builder.build(source: site, options: options).result }
            switch (clean, incremental) {
            case (.success(let expected), .success(let actual)):
                let differing = Set(expected.output.paths + actual.output.paths).filter {
                    expected.output[$0] != actual.output[$0]
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
        let first = try workspace.builder.build(source: site, options: Fixtures.options)
        #expect(first.stats.pagesReused == 0)
        #expect(first.stats.pagesRendered == first.result.pages.count + 1)  // + the generated 404 page
        let second = try workspace.builder.build(source: site, options: Fixtures.options)
        #expect(second.stats.pagesRendered == 0)
        #expect(second.stats.bodiesRendered == 0)
        #expect(second.stats.pagesReused == first.stats.pagesRendered)
        #expect(second.result.output == first.result.output)
    }

    @Test func editingOnePageBodyRendersOnlyThatPageAndItsLists() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var site = try workspace.compiler.themes.starterSource(theme: "docs", siteName: "demo")
        let first = try workspace.builder.build(source: site, options: Fixtures.options)
        let path = "content/docs/guides/first-project.md"
        site.setText(path, (site.text(path) ?? "") + "\nOne more sentence.\n")
        let second = try workspace.builder.build(source: site, options: Fixtures.options)
        #expect(second.stats.bodiesRendered == 1)
        #expect(second.stats.pagesRendered >= 1)
        #expect(second.stats.pagesRendered < first.stats.pagesRendered)
        #expect(second.result.output == (try workspace.compiler.compile(site, options: Fixtures.options)).output)
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

    @Test func outputSyncKeepsTheCacheFolder() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let out = workspace.root.appendingPathComponent("dist")
        let cache = out.appendingPathComponent(IncrementalBuilder.cacheFolderName)
        let builder = IncrementalBuilder(compiler: workspace.compiler, cacheURL: cache)
        let site = try workspace.compiler.themes.starterSource(theme: "starter", siteName: "demo")
        let result = try builder.build(source: site, options: Fixtures.options).result
        _ = try OutputSync.write(result.output, to: out, keeping: [IncrementalBuilder.cacheFolderName])
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("format.json").path))
        let again = try builder.build(source: site, options: Fixtures.options)
        #expect(again.stats.pagesRendered == 0)
    }
}
