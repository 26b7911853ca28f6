/// Renders every built page: bodies first (so lists can show summaries), then layouts wrapped in `base`, then the
/// 404 page.
struct PageStep {
    let theme: Theme
    let markdown: MarkdownRenderer
    let model: SiteModel
    let stylesheet: TokenStylesheet
    let draftURLs: Set<String>
    let year: Int
    /// Published asset URLs (`assets` in layouts).
    let assetURLs: [String: String]
    /// Addresses for links to `.md` files, from every page (drafts too).
    var sourceLinks: SourceLinks? = nil
    /// Digest of the inputs every page shares (theme files, site.yaml, build options): part of every memo key.
    var sharedKey = ""
    /// A stub page (``Page/isStub``) with its file's text, for rendering; nil when the file cannot be read now.
    var hydrate: @Sendable (Page) -> Page? = { $0 }

    struct Output {
        /// Output path → HTML, for the pages rendered by this build.
        var files: [(String, String)]
        var diagnostics: [Diagnostic]
        /// The context used, for writers that need summaries (feeds).
        var context: TemplateContext
        /// The start of each page's text by URL, for the search index.
        var searchText: [String: String]
        /// Links and ids of each rendered page, by output path.
        var scans: [String: HTMLLinks.Scan]
        /// Output paths of pages not rendered again: the earlier build's files are current.
        var kept: Set<String>
        /// Every page's key by output path (empty when the memo is disabled).
        var keys: [String: String]
        /// Keys of the other generated files (sitemap, search index, feeds) by output path, from the facts and
        /// bodies they show (empty when the memo is disabled).
        var generatedKeys: [String: String] = [:]
    }

    /// Renders every page (bodies and pages in parallel), skipping pages whose key and file are unchanged.
    func run(memo: inout RenderMemo) -> Output {
        var timer = PhaseTimer()
        var diagnostics: [Diagnostic] = []
        let pages = model.pages
        let enabled = memo.isEnabled
        let bare = TemplateContext(
            model: model,
            tokens: stylesheet.byName,
            year: year,
            derivedSummaries: [:],
            draftURLs: draftURLs,
            assetURLs: assetURLs
        )
        let bodies = PageBodyRenderer(theme: theme, markdown: markdown, sourceLinks: sourceLinks)
        // Only bodies that may link to a `.md` file depend on where pages live.
        let linking: [Bool] = enabled ? pages.map(\.mayLink) : []
        let linksDigest = linking.contains(true) ? sourceLinks?.digest ?? "-" : "-"

        // 1. Bodies: from the records when their key is known, else rendered.
        struct Body {
            var key = ""
            var html: String?
            var facts: BodyFacts
            var diagnostics: [Diagnostic] = []
        }
        let cachedBodies = memo.bodies
        let bodyResults: [Body] = Parallel.map(pages.count) { index in
            let page = pages[index]
            let key = enabled ? bodyKey(page, linksDigest: linking[index] ? linksDigest : nil) : ""
            if enabled, let facts = cachedBodies[key] { return Body(key: key, facts: facts) }
            guard let page = hydrate(page) else {
                return Body(key: key, facts: BodyFacts(summary: nil, searchText: ""), diagnostics: [Self.unreadable(page)])
            }
            let result = bodies.render(page, site: bare.site(currentURL: page.url), pageSummary: bare.summary(of: page))
            let facts = BodyFacts(
                summary: TemplateContext.derivedSummary(fromContent: result.html),
                searchText: HTMLText.plainPrefix(result.html, characters: SearchIndexWriter.textLimit))
            return Body(key: key, html: result.html, facts: facts, diagnostics: result.diagnostics)
        }
        timer.mark("bodies")
        var derived: [String: String] = [:]
        var searchText: [String: String] = [:]
        for (page, body) in zip(pages, bodyResults) {
            derived[page.url] = body.facts.summary
            searchText[page.url] = body.facts.searchText
            diagnostics += body.diagnostics
            if body.html == nil { memo.stats.bodiesReused += 1 } else { memo.stats.bodiesRendered += 1 }
            // A body with diagnostics is rendered again next time, so its warnings are reported again.
            if enabled, body.diagnostics.isEmpty { memo.newBodies[body.key] = body.facts }
        }
        var context = TemplateContext(
            model: model,
            tokens: stylesheet.byName,
            year: year,
            derivedSummaries: derived,
            draftURLs: draftURLs,
            assetURLs: assetURLs
        )

        // 2. Page keys, from the inputs each page shows.
        let layouts = pages.map { layoutName(for: $0, diagnostics: &diagnostics) }
        var keys: [String] = []
        var generatedKeys: [String: String] = [:]
        if enabled {
            // What lists show of a regular page follows from its body key (front matter, URL, summary; every tag of
            // a built page has a page), so it is kept with the body's record; other pages depend on the site.
            let cachedFacts: [String?] = pages.indices.map { index in
                pages[index].kind == .page && pages[index].url != PagePath.notFoundURL
                    ? bodyResults[index].facts.listFacts : nil
            }
            let (pageKeys, facts) = pageKeys(
                pages: pages, layouts: layouts, bodies: bodyResults.map(\.key), cachedFacts: cachedFacts,
                context: context)
            keys = pageKeys
            timer.mark("page keys")
            generatedKeys = Self.generatedKeys(
                model: model, pages: pages, facts: facts, texts: bodyResults.map(\.facts.searchText), shared: sharedKey)
            for (index, page) in pages.enumerated() where page.kind == .page && page.url != PagePath.notFoundURL {
                let body = bodyResults[index]
                guard body.diagnostics.isEmpty, var record = memo.newBodies[body.key] else { continue }
                record.listFacts = facts[index]
                memo.newBodies[body.key] = record
            }
        }
        timer.mark("other keys")
        // 3. One file per page, or per page of a split list (`/blog/`, `/blog/page/2/`, …).
        struct Unit {
            let index: Int
            let number: Int
            let outputPath: String
            let key: String
        }
        var units: [Unit] = []
        units.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() where layouts[index] != nil {
            let key = enabled ? keys[index] : ""
            units.append(Unit(index: index, number: 1, outputPath: page.outputPath, key: key))
            let count = model.pageCount(of: page)
            guard count > 1 else { continue }
            for number in 2...count {
                let url = SiteModel.pagerURL(page.url, number: number)
                if let taken = model.page(at: url) {
                    diagnostics.append(
                        Diagnostic(
                            severity: .error, file: taken.sourcePath,
                            message: "\(taken.sourcePath) has the address of page \(number) of the list at \(page.url)",
                            hint: "give it another slug, or set paginate: 0 in the front matter of the list page"))
                    continue
                }
                var digest = ContextDigest()
                digest.add(key)
                digest.add(String(number))
                units.append(
                    Unit(index: index, number: number, outputPath: PagePath.outputPath(for: url),
                         key: enabled ? digest.finish() : ""))
            }
        }
        // Pages whose key or file changed, rendered.
        let recorded = memo.pages
        let existing = memo.existing
        let stale = units.map { !enabled || recorded[$0.outputPath]?.key != $0.key || !existing.contains($0.outputPath) }
        // Tree entries made once pay off only when many pages are rendered.
        if stale.count(where: { $0 }) > 64 { context.treeLeaves = TemplateContext.treeLeaves(of: model) }
        let layoutContext = context
        let rendered: [(html: String, scan: HTMLLinks.Scan, unreadable: Bool)?] = Parallel.map(units.count) { position in
            let unit = units[position]
            guard let layout = layouts[unit.index] else { return nil }
            guard stale[position] else { return nil }
            let page = pages[unit.index]
            var content = bodyResults[unit.index].html
            if content == nil, let full = hydrate(page) {
                content = bodies.render(full, site: bare.site(currentURL: page.url), pageSummary: bare.summary(of: page)).html
            }
            // A stub whose file is gone: reported below, and the build fails.
            guard let content else { return ("", HTMLLinks.Scan(), true) }
            let html = render(layout: layout, context: layoutContext.layout(for: page, content: content, number: unit.number))
            return (html, HTMLLinks.scan(html), false)
        }
        for (position, unit) in units.enumerated() where rendered[position]?.unreadable == true && unit.number == 1 {
            diagnostics.append(Self.unreadable(pages[unit.index]))
        }
        timer.mark("layouts")
        var files: [(String, String)] = []
        var scans: [String: HTMLLinks.Scan] = [:]
        var kept: Set<String> = []
        var keyByPath: [String: String] = [:]
        for (position, unit) in units.enumerated() {
            if enabled { keyByPath[unit.outputPath] = unit.key }
            if let (html, scan, _) = rendered[position] {
                files.append((unit.outputPath, html))
                scans[unit.outputPath] = scan
                memo.stats.pagesRendered += 1
            } else {
                kept.insert(unit.outputPath)
                memo.stats.pagesReused += 1
            }
        }
        if !model.pages.contains(where: { $0.outputPath == "404.html" }) {
            // Always rendered (one page), and not counted: the file is rewritten only when its bytes change.
            files.append(("404.html", notFoundPage(context: context)))
        }
        return Output(
            files: files, diagnostics: diagnostics, context: context, searchText: searchText, scans: scans, kept: kept,
            keys: keyByPath, generatedKeys: generatedKeys)
    }

    /// Each page's key: the shared inputs, its layout and body, its own facts (everything a list shows of it, and
    /// its params), and for every address above it (and its own) the facts of the page there and of the pages and
    /// sections listed there. That covers its breadcrumbs, section, neighbours, section tree, lists and feed link;
    /// the home page adds the recent pages it shows.
    /// Returns the keys and each page's list facts.
    private func pageKeys(
        pages: [Page], layouts: [String?], bodies: [String], cachedFacts: [String?], context: TemplateContext
    ) -> ([String], [String]) {
        let facts: [String] = Parallel.map(pages.count) { index in
            if let cached = cachedFacts[index] { return cached }
            var digest = ContextDigest()
            digest.add("facts")
            let page = pages[index]
            digest.add(page.kind.rawValue)
            digest.add(value: context.summary(of: page))
            // Feeds show more than lists: full times and the description as written.
            digest.add(page.frontMatter.date?.iso8601 ?? "-")
            digest.add(page.frontMatter.updated?.iso8601 ?? "-")
            digest.add(page.frontMatter.description ?? "\u{0}")
            return digest.finish()
        }
        let factsByURL = Dictionary(zip(pages.map(\.url), facts), uniquingKeysWith: { first, _ in first })
        // What a page shows of the lists at and above its address: every prefix of its URL (its own included) with
        // the facts of the page there and of the pages and sections listed there.
        var prefixes: Set<String> = []
        let folders = pages.map { Self.parentFolder(of: $0.url) }
        for folder in Set(folders) { prefixes.formUnion(Self.prefixes(of: folder)) }
        prefixes.formUnion(pages.map(\.url))
        let prefixList = Array(prefixes)
        let listDigests: [String] = Parallel.map(prefixList.count) { index in
            let prefix = prefixList[index]
            var digest = ContextDigest()
            digest.add(factsByURL[prefix] ?? "-")
            digest.add("children")
            for child in model.children(of: prefix) { digest.add(factsByURL[child.url] ?? "-") }
            digest.add("sections")
            for section in model.sections(under: prefix) { digest.add(factsByURL[section.url] ?? "-") }
            return digest.finish()
        }
        let lists = Dictionary(uniqueKeysWithValues: zip(prefixList, listDigests))
        // Pages in one folder share the chain of lists above them, and pages with one parent their ancestors' lists
        // (by placement: a section with a `slug:` is not a prefix of its pages' URLs): each chain is made once.
        var folderChains: [String: String] = [:]
        func folderChain(_ folder: String) -> String {
            if let known = folderChains[folder] { return known }
            var digest = ContextDigest()
            digest.add(folder == "/" ? "-" : folderChain(Self.parentFolder(of: folder)))
            digest.add(folder)
            digest.add(lists[folder] ?? "-")
            let chain = digest.finish()
            folderChains[folder] = chain
            return chain
        }
        var ancestorChains: [String: String] = [:]
        for page in pages where ancestorChains[page.parentURL ?? ""] == nil {
            var digest = ContextDigest()
            for ancestor in model.ancestors(of: page) {
                digest.add(ancestor.url)
                digest.add(lists[ancestor.url] ?? "-")
            }
            ancestorChains[page.parentURL ?? ""] = digest.finish()
        }
        let chains = folders.map(folderChain)
        var recent = ContextDigest()
        for page in model.datedPages.prefix(3) { recent.add(factsByURL[page.url] ?? "-") }
        let recentDigest = recent.finish()
        let keys: [String] = Parallel.map(pages.count) { index in
            let page = pages[index]
            var digest = ContextDigest()
            digest.add("page-v3")
            digest.add(sharedKey)
            digest.add(layouts[index] ?? "-")
            digest.add(bodies[index])
            digest.add(facts[index])
            digest.add(value: page.frontMatter.params.mapValues(TemplateContext.plain))
            digest.add(ancestorChains[page.parentURL ?? ""] ?? "-")
            digest.add(chains[index])
            digest.add(page.url)
            digest.add(lists[page.url] ?? "-")
            if page.kind == .home { digest.add(recentDigest) }
            // `feed_url` depends on dated pages anywhere below the page's list, which no list digest covers.
            digest.add(model.feedURL(for: page) ?? "-")
            return digest.finish()
        }
        return (keys, facts)
    }

    /// The sitemap shows every page's facts; the search index those and the start of each page's text; a list page's
    /// feeds the facts of their entries. Each key also covers the shared inputs.
    private static func generatedKeys(
        model: SiteModel, pages: [Page], facts: [String], texts: [String], shared: String
    ) -> [String: String] {
        var sitemap = ContextDigest()
        sitemap.add("sitemap-v1")
        sitemap.add(shared)
        var search = ContextDigest()
        search.add("search-v1")
        search.add(shared)
        for index in pages.indices {
            sitemap.add(facts[index])
            search.add(facts[index])
            search.add(texts[index])
        }
        var keys = ["sitemap.xml": sitemap.finish(), "search.json": search.finish()]
        let factsByURL = Dictionary(zip(pages.map(\.url), facts), uniquingKeysWith: { first, _ in first })
        for section in pages where model.feedURL(ofSection: section.url) != nil {
            var entries = ContextDigest()
            entries.add(factsByURL[section.url] ?? "-")
            for entry in model.feedEntries(of: section.url) {
                entries.add(entry.url)
                entries.add(factsByURL[entry.url] ?? "-")
            }
            let entriesDigest = entries.finish()
            for (kind, file) in [("rss-v2", "index.xml"), ("atom-v2", "atom.xml")] {
                var digest = ContextDigest()
                digest.add(kind)
                digest.add(shared)
                digest.add(entriesDigest)
                keys[PagePath.outputPath(for: section.url + file)] = digest.finish()
            }
        }
        return keys
    }

    /// `/a/b/` → `/a/`; `/` → `/`.
    private static func parentFolder(of url: String) -> String {
        let bytes = url.utf8
        guard bytes.count > 1, var end = bytes.indices.last else { return "/" }
        // Back over the trailing slash, then to the slash before the last segment.
        end = bytes.index(before: end)
        while end > bytes.startIndex, bytes[end] != UInt8(ascii: "/") { end = bytes.index(before: end) }
        return String(url[...end])
    }

    /// `/a/b/` → `/`, `/a/`, `/a/b/`.
    private static func prefixes(of url: String) -> [String] {
        var result = ["/"]
        var current = "/"
        for segment in url.split(separator: "/") {
            current += segment + "/"
            result.append(current)
        }
        return result
    }

    /// The key of a page body: its source and placement. The `site` and `page` values its components see follow
    /// from those and the shared inputs (site.yaml, theme, options, which pages are drafts).
    /// `linksDigest`: where pages live, for a body that may link to a `.md` file (nil when it cannot).
    private func bodyKey(_ page: Page, linksDigest: String?) -> String {
        var digest = ContextDigest()
        digest.add("body")
        digest.add(sharedKey)
        digest.add(page.source.path)
        digest.add(page.textDigest)
        digest.add(page.url)
        digest.add(page.kind.rawValue)
        digest.add(String(page.bodyLineOffset))
        if let linksDigest { digest.add(linksDigest) }
        return digest.finish()
    }

    /// A stub page whose file could not be read again to be rendered (it was removed or broken during the build).
    private static func unreadable(_ page: Page) -> Diagnostic {
        Diagnostic(
            severity: .error, file: page.sourcePath,
            message: "\(page.sourcePath) changed or was removed while the site was being built",
            hint: "build again")
    }

    private func render(layout: String, context: [String: Any]) -> String {
        var context = context
        context["body"] = theme.templates.renderLayout(layout, context) ?? ""
        return theme.templates.renderLayout("base", context) ?? ""
    }

    /// Front matter `layout:`, else `home` / `list` / `page` by kind, falling back to `page`.
    private func layoutName(for page: Page, diagnostics: inout [Diagnostic]) -> String? {
        let available = theme.templates.layoutNames
        if let requested = page.frontMatter.layout {
            if available.contains(requested), requested != "base" { return requested }
            // The error quotes the line: a stub is read for it.
            let page = hydrate(page) ?? page
            let line = (1...max(page.bodyLineOffset, 1)).first { page.source.line($0)?.hasPrefix("layout:") == true }
            diagnostics.append(
                .error(
                    "theme \"\(theme.name)\" has no layout \"\(requested)\"",
                    in: page.source,
                    line: line,
                    column: line.flatMap { page.source.column(of: requested, onLine: $0) },
                    hint: Suggestion.hint(for: requested, among: available.subtracting(["base"]))
                        ?? "layouts: " + available.subtracting(["base"]).sorted().joined(separator: ", ")
                )
            )
            return nil
        }
        let preferred =
            switch page.kind {
            case .home: "home"
            case .section: "list"
            case .page: "page"
            case .tags: available.contains("tags") ? "tags" : "list"
            case .tag: available.contains("tag") ? "tag" : "list"
            }
        return available.contains(preferred) ? preferred : "page"
    }

    /// `404.html`: the theme's `404` layout if it has one, else the page layout with a short message.
    private func notFoundPage(context: TemplateContext) -> String {
        var layout = context.layout(for: Self.notFound)
        var page = layout["page"] as? [String: Any] ?? [:]
        page["content"] =
            "<p>Sorry, there is no page at this address.</p>\n<p><a href=\"/\">Go to the home page</a></p>\n"
        page["is_404"] = true
        layout["page"] = page
        let siteTitle = model.config.title
        layout["head_title"] = siteTitle.isEmpty ? "Page not found" : "Page not found · \(siteTitle)"
        return render(layout: theme.templates.layoutNames.contains("404") ? "404" : "page", context: layout)
    }

    private static let notFound: Page = {
        var frontMatter = FrontMatter()
        frontMatter.title = "Page not found"
        return Page(
            kind: .page,
            source: SourceText(path: "404", text: ""),
            url: "/404/",
            frontMatter: frontMatter,
            body: "",
            bodyLineOffset: 0,
            parentURL: nil
        )
    }()
}
