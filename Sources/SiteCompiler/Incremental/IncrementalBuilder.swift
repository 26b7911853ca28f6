package import Foundation

/// Builds a site again after edits, re-rendering only what the edits reach.
///
/// Every page body and every page is keyed by a digest of all its inputs: for a body, the page's source bytes and
/// placement and the `site`/`page` values its components see; for a page, its layout name and the whole template
/// context (its content, the lists, navigation, section tree and neighbours it shows, which name the other pages'
/// titles, dates, summaries and URLs). Both keys include a shared digest of site.yaml, the theme's files and the
/// build options, so editing any of those re-renders everything. A key found in the ``FragmentStore`` is, by
/// construction, the same rendering, which keeps the output byte-identical to a clean build. Feeds, sitemap, search
/// index, aliases, static files and the link check are cheap and produced fresh each time.
package struct IncrementalBuilder: Sendable {
    /// The cache folder's name inside an output folder; ``OutputSync`` is told to keep it.
    package static let cacheFolderName = ".sitectl-cache"

    /// The compiler doing the work.
    package var compiler: SiteCompiler
    /// Where fragments are kept between builds.
    package var store: FragmentStore

    /// A builder keeping its cache in `cacheURL` (e.g. `dist/.sitectl-cache`).
    package init(compiler: SiteCompiler, cacheURL: URL) {
        self.compiler = compiler
        self.store = FragmentStore(directory: cacheURL)
    }

    /// Builds `source`, reusing what earlier builds rendered; `clean` drops the cache first (a full build).
    /// Throws a ``CompileFailure`` as ``SiteCompiler/compile(_:options:)`` does; the cache is then left as it was.
    package func build(
        source: SiteFiles,
        options: CompileOptions = .init(),
        clean: Bool = false
    ) throws -> (result: CompileResult, stats: CompileStats) {
        if clean { try store.clear() }
        var memo = store.memo()
        let result = try compiler.compile(source, options: options, memo: &memo)
        try store.save(memo)
        return (result, result.stats)
    }
}
