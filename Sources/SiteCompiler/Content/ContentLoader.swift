/// Reads `content/**/*.md` from a site's source into placed ``Page``s, collecting every problem at once.
package struct ContentLoader {
    /// A loader; it holds no state.
    package init() {}

    /// Every page (drafts included), in source path order, plus warnings. Throws when any page is malformed or two
    /// pages claim one URL.
    package func load(_ source: SiteFiles) throws(CompileFailure) -> (pages: [Page], warnings: [Diagnostic]) {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        var folders: [String] = []
        var candidates: [(placement: PagePath.Placement, source: SourceText)] = []
        for path in source.paths where path.hasPrefix("content/") {
            guard let placement = PagePath.placement(of: path) else {
                if !path.hasSuffix(".md") {
                    diagnostics.append(
                        Diagnostic(
                            severity: .warning,
                            file: path,
                            message: "only Markdown (.md) files belong in content/; this file is ignored",
                            hint: "put images and other files under static/"
                        )
                    )
                }
                continue
            }
            guard let text = source.text(path) else {
                diagnostics.append(Diagnostic(severity: .error, file: path, message: "page is not UTF-8 text"))
                continue
            }
            candidates.append((placement, SourceText(path: path, text: text)))
        }
        // Front matter is parsed on all cores; pages keep the order of their paths.
        let parsed: [(PageSource?, [Diagnostic])] = Parallel.map(candidates.count) { index in
            var warnings: [Diagnostic] = []
            do throws(CompileFailure) {
                return (try PageSource.parse(candidates[index].source, warnings: &warnings), warnings)
            } catch {
                return (nil, warnings + error.diagnostics)
            }
        }
        for ((placement, sourceText), (page, found)) in zip(candidates, parsed) {
            diagnostics += found
            guard let parsed = page else { continue }
            var url = placement.url
            if let slug = parsed.frontMatter.slug, placement.kind != .home {
                url = PagePath.applying(slug: slug, to: url)
            }
            pages.append(
                Page(
                    kind: placement.kind,
                    source: sourceText,
                    url: url,
                    frontMatter: parsed.frontMatter,
                    body: parsed.body,
                    bodyLineOffset: parsed.bodyLineOffset,
                    parentURL: placement.kind == .home ? nil : placement.folderURL
                )
            )
            folders.append(placement.folderURL)
        }
        assignParents(&pages, folders: folders)
        diagnostics += duplicateURLs(pages)
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        return (pages, diagnostics)
    }

    /// Points every page at the nearest list page above it: the section whose folder holds it, or the one above
    /// that, up to the home page. `folders[i]` is the folder URL page `i` was placed in.
    private func assignParents(_ pages: inout [Page], folders: [String]) {
        var listByFolder: [String: String] = [:]
        for (page, folder) in zip(pages, folders) where page.kind != .page {
            listByFolder[folder] = page.url
        }
        for index in pages.indices {
            switch pages[index].kind {
            case .home:
                pages[index].parentURL = nil
            case .section:
                pages[index].parentURL = nearestList(above: Self.parentFolder(folders[index]), in: listByFolder)
            case .page:
                pages[index].parentURL = nearestList(above: folders[index], in: listByFolder)
            }
        }
    }

    private func nearestList(above folder: String?, in listByFolder: [String: String]) -> String? {
        var current = folder
        while let folder = current {
            if let list = listByFolder[folder] { return list }
            current = Self.parentFolder(folder)
        }
        return nil
    }

    /// `/a/b/` → `/a/`; `/` → nil.
    private static func parentFolder(_ url: String) -> String? {
        guard url != "/" else { return nil }
        let segments = url.split(separator: "/").dropLast()
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    private func duplicateURLs(_ pages: [Page]) -> [Diagnostic] {
        var firstByURL: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let first = firstByURL[page.url] {
                diagnostics.append(
                    Diagnostic(
                        severity: .error,
                        file: page.sourcePath,
                        message: "\(page.sourcePath) and \(first.sourcePath) both produce \(page.url)",
                        hint: "rename one of them or give it a different slug:"
                    )
                )
            } else {
                firstByURL[page.url] = page
            }
        }
        return diagnostics
    }
}
