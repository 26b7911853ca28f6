package import Foundation

/// Reads `content/**/*.md` from a site's source into placed ``Page``s, collecting every problem at once.
package struct ContentLoader {
    /// A loader; it holds no state.
    package init() {}

    /// Every page (drafts included), in source path order, plus warnings. Throws when any page is malformed or two
    /// pages claim one URL.
    package func load(_ source: SiteFiles) throws(CompileFailure) -> (pages: [Page], warnings: [Diagnostic]) {
        let loaded = try load(source, cached: [:])
        return (loaded.pages, loaded.warnings)
    }

    /// Loads the content files in `source` and makes a stub page (``Page/isStub``) for each file in `cached`
    /// (which `source` does not hold). `parsed` holds what each page without warnings gave, for the page cache:
    /// a page with warnings is parsed again next time, so its warnings are shown again.
    package func load(
        _ source: SiteFiles, cached: [String: ParsedPage]
    ) throws(CompileFailure) -> (pages: [Page], warnings: [Diagnostic], parsed: [String: ParsedPage]) {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        var folders: [String] = []
        var candidates: [String] = []
        for path in source.paths where path.hasPrefix("content/") {
            guard path.hasSuffix(".md") else {
                diagnostics.append(
                    Diagnostic(
                        severity: .warning,
                        file: path,
                        message: "only Markdown (.md) files belong in content/; this file is ignored",
                        hint: "put images and other files under static/"
                    )
                )
                continue
            }
            candidates.append(path)
        }
        if !cached.isEmpty {
            candidates = (candidates + cached.keys.filter { source[$0] == nil }).sorted()
        }
        // Placing, decoding, parsing and making each page run on all cores; pages keep the order of their paths.
        var parsed: [(page: Page?, folder: String, found: [Diagnostic])] = Parallel.map(candidates.count) { index in
            let path = candidates[index]
            if let entry = cached[path], source[path] == nil {
                return (Page(stub: entry, path: path), entry.folderURL, [])
            }
            guard let placement = PagePath.placement(of: path) else { return (nil, "", []) }
            if path.contains("\\") {
                return (nil, "", [Diagnostic(
                    severity: .error, file: path, message: "a name with \\ cannot be a page's address (servers refuse it in URLs)",
                    hint: "rename the file or folder")])
            }
            guard let text = source.text(path) else {
                return (nil, "", [Diagnostic(severity: .error, file: path, message: "page is not UTF-8 text")])
            }
            let sourceText = SourceText(path: path, text: text)
            var warnings: [Diagnostic] = []
            let parsed: PageSource
            do throws(CompileFailure) {
                parsed = try PageSource.parse(sourceText, warnings: &warnings)
            } catch {
                return (nil, "", warnings + error.diagnostics)
            }
            var url = placement.url
            if let slug = parsed.frontMatter.slug, placement.kind != .home {
                url = PagePath.applying(slug: slug, to: url)
            }
            let page = Page(
                kind: placement.kind,
                source: sourceText,
                url: url,
                frontMatter: parsed.frontMatter,
                body: parsed.body,
                bodyLineOffset: parsed.bodyLineOffset,
                parentURL: placement.kind == .home ? nil : placement.folderURL
            )
            return (page, placement.folderURL, warnings)
        }
        pages.reserveCapacity(parsed.count)
        folders.reserveCapacity(parsed.count)
        var entries: [String: ParsedPage] = [:]
        entries.reserveCapacity(parsed.count)
        for (page, folder, found) in parsed {
            diagnostics += found
            guard let page else { continue }
            if found.isEmpty {
                entries[page.sourcePath] = ParsedPage(
                    kind: page.kind, url: page.url, outputPath: page.outputPath, folderURL: folder, frontMatter: page.frontMatter,
                    bodyLineOffset: page.bodyLineOffset, textDigest: page.textDigest, mayLink: page.mayLink)
            }
            pages.append(page)
            folders.append(folder)
        }
        parsed.removeAll()  // so `pages` holds the only reference and setting parents copies nothing
        assignParents(&pages, folders: folders)
        diagnostics += duplicateURLs(pages)
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        return (pages, diagnostics, entries)
    }

    /// `page` with the text of its file when it is a stub (``Page/isStub``): `data` is the file as read now. Front
    /// matter and placement stay as the stub has them, so the page agrees with the keys made from it; a file edited
    /// since the scan is noticed by the next build (its stamp changed). Nil when the file is gone or no longer
    /// parses.
    package static func hydrate(_ page: Page, data: Data?) -> Page? {
        guard page.isStub else { return page }
        guard let data, let text = String(validating: data, as: UTF8.self) else { return nil }
        let sourceText = SourceText(path: page.sourcePath, text: text)
        var warnings: [Diagnostic] = []
        guard let parsed = try? PageSource.parse(sourceText, warnings: &warnings) else { return nil }
        return page.filled(source: sourceText, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset)
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
            case .tags, .tag:
                break  // generated by the site model, never loaded
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
                        hint: "addresses are lower case and white space becomes -; rename one of them or give it a different slug:"
                    )
                )
            } else {
                firstByURL[page.url] = page
            }
        }
        return diagnostics
    }
}
