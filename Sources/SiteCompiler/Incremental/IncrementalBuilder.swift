package import Foundation

/// Builds a site again after edits, rendering only what the edits reach.
///
/// Every page body and every page is keyed by a digest of all its inputs (see ``RenderMemo``): a body by its
/// source bytes and placement and the `site`/`page` values its components see; a page by its layout, its body, its
/// own facts and those of every page its lists and navigation show. Both include a shared digest of site.yaml, the
/// theme's files and the build options, so editing any of those renders everything again. A page whose key is
/// recorded and whose file from the earlier build is still in place is neither rendered nor written: the output
/// stays byte-identical to a clean build. Feeds, sitemap, search index, aliases and static files are produced
/// fresh each time (from recorded summaries, without rendering); links are checked again only where a page or a
/// link target changed.
package struct IncrementalBuilder: Sendable {
    /// The earlier build's output: which files are still as it wrote them, and how to read one.
    package struct PreviousOutput: Sendable {
        package var paths: Set<String>
        package var read: @Sendable (String) -> String?

        package init(paths: Set<String>, read: @escaping @Sendable (String) -> String?) {
            self.paths = paths
            self.read = read
        }

        /// Whether a build may keep the earlier build's file at `path` instead of making it again: pages, feeds,
        /// the sitemap and the search index.
        package static func mayKeep(_ path: String) -> Bool {
            path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json")
        }

        /// No earlier output: everything is rendered.
        package static let none = PreviousOutput(paths: []) { _ in nil }

        /// The pages, feeds and indexes of `folder` whose size and modification time still match `stamps` (what
        /// the earlier build recorded when it wrote them): a file edited or removed since is made again.
        package static func folder(_ folder: URL, stamps: [String: FileStamp]) -> PreviousOutput {
            let root = folder.standardizedFileURL.path
            var paths: Set<String> = []
            // Pages, feeds, sitemap and search index may be kept; a stat each, on all cores.
            let candidates = stamps.keys.filter(mayKeep)
            let current = Parallel.map(candidates.count) { FileStamp.of(root + "/" + candidates[$0]) }
            for (path, stamp) in zip(candidates, current) where stamp != nil && stamp == stamps[path] {
                paths.insert(path)
            }
            return PreviousOutput(paths: paths) { path in
                FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// The compiler doing the work.
    package var compiler: SiteCompiler
    /// Where records are kept between builds.
    package var store: RecordStore

    /// A builder keeping its cache in `cacheURL` (see ``CacheLocation``).
    package init(compiler: SiteCompiler, cacheURL: URL) {
        self.compiler = compiler
        self.store = RecordStore(directory: cacheURL)
    }

    /// Builds `source`, reusing what earlier builds rendered when their files are in `previous`; `clean` drops the
    /// cache first (a full build). Pages left out of `result.output` are listed in `result.kept`. Content files in
    /// `cached` are left out of `source` and made from the page cache (see ``ParsedPageCache``).
    /// Throws a ``CompileFailure`` as ``SiteCompiler/compile(_:options:)`` does; the cache is then left as it was.
    package func build(
        source: SiteFiles,
        options: CompileOptions = .init(),
        clean: Bool = false,
        previous: PreviousOutput = .none,
        cached: CachedSources = .none,
        records: RenderMemo? = nil
    ) throws -> (result: CompileResult, stats: CompileStats) {
        var timer = PhaseTimer()
        if clean { try store.clear() }
        // `records`: the store's records, read ahead by the caller (``RecordStore/memo()``).
        var memo = clean ? RenderMemo() : records ?? store.memo()
        timer.mark("load records")
        memo.existing = previous.paths
        memo.readOutput = previous.read
        timer.mark("check outputs")
        let result = try compiler.compile(source, options: options, memo: &memo, cached: clean ? .none : cached)
        var saving = PhaseTimer()
        try store.save(memo)
        saving.mark("save records")
        return (result, result.stats)
    }
}
