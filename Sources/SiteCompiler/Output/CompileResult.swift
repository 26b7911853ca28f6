package import Foundation

/// What a successful build produced.
package struct CompileResult: Sendable {
    /// The site to publish: every page at `<url>/index.html`, assets, static files, feeds and sitemap.
    package var output: SiteFiles
    /// Warnings (a successful build has no errors).
    package var diagnostics: [Diagnostic]
    /// Every page of the source, drafts included (see ``PageInfo/draft``), in URL order.
    package var pages: [PageInfo]
    /// What the build rendered and what it reused (see ``IncrementalBuilder``).
    package var stats: CompileStats
    /// When the same input stops giving the same output: the first future-dated page's date (unless future pages
    /// are built), or the new year (footers show the year).
    package var expires: Date = .distantFuture
    /// Output paths of pages an incremental build did not render again because the earlier build's files are
    /// current (not in `output`; see ``OutputSync/write(_:to:unchanged:listed:)``).
    package var kept: Set<String> = []
    /// What each content page without warnings gave when loaded (stubs included), by source path: the next
    /// build's page cache (``ParsedPageCache``).
    package var parsedPages: [String: ParsedPage] = [:]

    /// A result.
    package init(output: SiteFiles, diagnostics: [Diagnostic], pages: [PageInfo], stats: CompileStats = .init()) {
        self.output = output
        self.diagnostics = diagnostics
        self.pages = pages
        self.stats = stats
    }
}
