internal import Foundation

/// Content + theme → static site. Pure: reads only its input and the theme library, returns files in memory, and
/// the same input gives byte-identical output.
package struct SiteCompiler: Sendable {
    /// Where themes are loaded from.
    package var themes: ThemeLibrary
    /// How Markdown is rendered.
    package var markdown: MarkdownRenderer

    /// A compiler over `themes`.
    package init(themes: ThemeLibrary, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.themes = themes
        self.markdown = markdown
    }

    /// Builds `source` (site.yaml, content/, static/). Throws a ``CompileFailure`` carrying every diagnostic when
    /// there are errors; warnings come back in the result.
    package func compile(_ source: SiteFiles, options: CompileOptions = .init()) throws -> CompileResult {
        var memo = RenderMemo.disabled
        return try compile(source, options: options, memo: &memo)
    }

    /// Builds `source` as ``compile(_:options:)`` does, taking page bodies and pages whose inputs are unchanged
    /// from `memo` and adding the ones it renders. The output is the same as a full build's, byte for byte.
    /// Content files in `cached` are not in `source`: their pages are made from what an earlier build parsed, and
    /// read only when one must be rendered.
    package func compile(
        _ source: SiteFiles, options: CompileOptions, memo: inout RenderMemo, cached: CachedSources = .none
    ) throws -> CompileResult {
        // Hidden files (.DS_Store, .git/…) are never part of a site; a local folder may still hold them.
        var timer = PhaseTimer()
        let source = source.withoutHiddenFiles()
        guard let siteData = source["site.yaml"] else {
            throw CompileFailure(diagnostics: [
                Diagnostic(
                    severity: .error,
                    file: "site.yaml",
                    message: "the site has no site.yaml",
                    hint: "create site.yaml with at least \"title:\" and \"theme: starter\""
                )
            ])
        }
        timer.mark("prepare")
        let site = try SiteConfig.parseDetailed(siteData)
        var theme = try loadTheme(for: site)
        theme.templates.check = options.renderPlanCheck
        var diagnostics = site.warnings + theme.warnings
        let (stylesheet, tokenDiagnostics) = TokenStylesheet.resolve(
            manifest: theme.manifest,
            overrides: site.config.tokens,
            site: site
        )
        diagnostics += tokenDiagnostics
        timer.mark("site+theme")
        let allPages: [Page]
        let parsedPages: [String: ParsedPage]
        do {
            let content = try ContentLoader().load(source, cached: cached.pages)
            allPages = content.pages
            parsedPages = content.parsed
            diagnostics += content.warnings
        } catch {
            // Report config and token problems together with the content's.
            throw CompileFailure(diagnostics: diagnostics + error.diagnostics)
        }

        timer.mark("load")
        let built = allPages.filter { isBuilt($0, options: options) }
        let model = SiteModel(config: site.config, pages: built, baseURL: options.baseURL)
        timer.mark("site model")
        // Drafts and future pages that are not built: navigation links to them are dropped.
        let draftURLs = Set(allPages.filter { !isBuilt($0, options: options) }.map(\.url))
        let assets = AssetPublisher.publish(assets: theme.assets, tokensCSS: stylesheet.css)
        var output = SiteFiles()
        var pageStep = PageStep(
            theme: theme,
            markdown: (site.config.rawHTML ? markdown.allowingRawHTML() : markdown).withHeadingIDs(site.config.headingIDs),
            model: model,
            stylesheet: stylesheet,
            draftURLs: draftURLs,
            year: Self.year(of: options.now),
            assetURLs: assets.urls
        )
        pageStep.sourceLinks = SourceLinks(pages: allPages)
        let read = cached.read
        let hydrate: @Sendable (Page) -> Page? = { page in
            page.isStub ? ContentLoader.hydrate(page, data: read(page.sourcePath)) : page
        }
        pageStep.hydrate = hydrate
        pageStep.sharedKey = sharedKey(siteData: siteData, theme: theme, options: options, draftURLs: draftURLs)
        timer.mark("assets, keys")
        var rendered = pageStep.run(memo: &memo)
        timer.mark("render")
        diagnostics += rendered.diagnostics
        for (path, html) in rendered.files { output.setText(path, html) }
        let context = rendered.context

        for (path, data) in assets.files { output[path] = data }
        // Sitemap, feeds and search index: kept from the last build when their key and file are unchanged.
        var keptGenerated: Set<String> = []
        func generate(_ path: String, _ make: () -> Data) {
            if memo.isEnabled, let key = rendered.generatedKeys[path] {
                memo.newPages[path] = PageRecord(key: key, anchors: [], findings: [])
                if memo.pages[path]?.key == key, memo.existing.contains(path) {
                    keptGenerated.insert(path)
                    return
                }
            }
            output[path] = make()
        }
        generate("sitemap.xml") { Data(SitemapWriter(model: model).xml().utf8) }
        for section in model.pages where model.feedURL(ofSection: section.url) != nil {
            generate(PagePath.outputPath(for: section.url + "index.xml")) {
                Data(FeedWriter(model: model, context: context).xml(section: section).utf8)
            }
            generate(PagePath.outputPath(for: section.url + "atom.xml")) {
                Data(AtomWriter(model: model, context: context).xml(section: section).utf8)
            }
        }
        if theme.manifest.features.contains("search") {
            generate("search.json") {
                SearchIndexWriter(model: model, context: context, searchText: rendered.searchText).json()
            }
        }
        rendered.kept.formUnion(keptGenerated)
        // Files kept from the last build are not in `output` but are generated all the same.
        diagnostics += writeAliases(model: model, into: &output, kept: rendered.kept, hydrate: hydrate)
        diagnostics += copyStatic(source, into: &output, generated: ["robots.txt", "404.html"], kept: rendered.kept)
        diagnostics += writeHeaderRules(source, theme: theme, into: &output)
        if output["robots.txt"] == nil { output.setText("robots.txt", RobotsFile.text(model: model)) }
        diagnostics += folderConflicts(output, kept: rendered.kept, model: model)

        timer.mark("feeds+search")
        diagnostics += checkLinks(
            output, rendered: rendered, model: model, site: site.source, mode: options.linkCheck ?? site.config.linkCheckMode,
            hydrate: hydrate, memo: &memo)
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        timer.mark("links")
        let pages = allPages.sorted { $0.url < $1.url }.map { page in
            PageInfo(
                url: page.url,
                title: page.title,
                sourcePath: page.sourcePath,
                draft: page.isDraft,
                outputPath: model.page(at: page.url) == nil ? nil : page.outputPath
            )
        }
        var result = CompileResult(
            output: output,
            diagnostics: diagnostics.sortedForDisplay(),
            pages: pages,
            stats: memo.stats
        )
        result.kept = rendered.kept
        result.parsedPages = parsedPages
        result.expires = Self.expiry(of: allPages, options: options)
        timer.mark("result")
        return result
    }

    /// What every rendering depends on besides its own context: site.yaml, the theme's files, the Markdown
    /// switches and the build options. Any change re-renders the whole site.
    private func sharedKey(siteData: Data, theme: Theme, options: CompileOptions, draftURLs: Set<String>) -> String {
        var digest = ContextDigest()
        digest.add("sitectl-render-v2")
        digest.add(value: draftURLs.sorted())
        digest.add(siteData)
        digest.add(theme.fingerprint)
        digest.add(String(describing: markdown.options))
        digest.add(options.drafts)
        digest.add(options.future)
        digest.add(options.baseURL ?? "-")
        digest.add(String(Self.year(of: options.now)))
        return digest.finish()
    }

    /// Drafts only with `--drafts`; pages dated after the build's clock only with `--future`.
    private func isBuilt(_ page: Page, options: CompileOptions) -> Bool {
        if page.isDraft, !options.drafts { return false }
        if !options.future, let date = page.frontMatter.date, date.date > options.now { return false }
        return true
    }

    private func loadTheme(for site: SiteConfig.Parsed) throws -> Theme {
        do {
            return try themes.load(site.config.theme)
        } catch var failure as CompileFailure {
            // Point "unknown theme" at the `theme:` line of site.yaml.
            if let entry = site.node?.entry("theme"), failure.diagnostics.count == 1, failure.diagnostics[0].file == nil
            {
                let original = failure.diagnostics[0]
                failure.diagnostics = [
                    .error(
                        original.message,
                        in: site.source,
                        line: entry.value.line,
                        column: entry.value.column,
                        hint: original.hint
                    )
                ]
            }
            throw failure
        }
    }

    /// A path that is a file and also a folder of another file (`index.xml`, the site feed, and
    /// `index.xml/index.html` from `content/index.xml.md`) cannot be written: each is an error naming what made both.
    private func folderConflicts(_ output: SiteFiles, kept: Set<String>, model: SiteModel) -> [Diagnostic] {
        let all = Set(output.files.keys).union(kept)
        var found: [(file: String, inside: String)] = []
        for path in all {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if all.contains(String(folder)) {
                    found.append((String(folder), path))
                    break
                }
            }
        }
        guard !found.isEmpty else { return [] }
        let sources = Dictionary(model.pages.map { ($0.outputPath, $0.sourcePath) }, uniquingKeysWith: { first, _ in first })
        func origin(_ path: String) -> String { sources[path].map { "\($0) (\(path))" } ?? path }
        return found.sorted { $0.inside < $1.inside }.map { conflict in
            Diagnostic(
                severity: .error, file: sources[conflict.inside] ?? sources[conflict.file],
                message: "\(origin(conflict.inside)) needs \(conflict.file) to be a folder, but \(origin(conflict.file)) is a file there",
                hint: "rename the page or give it another slug: (the site's feeds are /index.xml and /atom.xml; feed_limit: 0 turns them off)")
        }
    }

    /// Old URLs from `aliases:` get a redirect page, unless a real page lives there.
    private func writeAliases(
        model: SiteModel, into output: inout SiteFiles, kept: Set<String>, hydrate: (Page) -> Page?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for listed in model.pages {
            for alias in listed.frontMatter.aliases {
                // Errors quote the line: a stub is read for it.
                var page: Page { hydrate(listed) ?? listed }
                // An alias is a path on this site: never another host, a scheme, or a way out of the output.
                if alias.hasPrefix("//") || alias.contains("\\") || URLValue.problem(with: alias) != nil || !URLValue.isSiteRelative(alias)
                    || alias.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
                {
                    let location = page.source.firstLocation(of: alias)
                    diagnostics.append(
                        .error(
                            "alias \"\(alias)\" must be a path on this site, like /old-name/",
                            in: page.source, line: location?.line, column: location?.column,
                            hint: "no '..', scheme, host or backslash"))
                    continue
                }
                let url = PagePath.normalize(alias)
                let path = PagePath.outputPath(for: url)
                if output[path] != nil || kept.contains(path) {
                    let location = page.source.firstLocation(of: alias)
                    diagnostics.append(
                        .error(
                            "alias \"\(alias)\" is already the address of another page",
                            in: page.source,
                            line: location?.line,
                            column: location?.column
                        )
                    )
                    continue
                }
                output.setText(path, RedirectPage.html(to: listed.url, permalink: model.permalink(listed.url)))
            }
        }
        return diagnostics
    }

    /// The output's `_headers`: the theme's rules (theme.yaml `headers:`), then the site's (`static/_headers`),
    /// so the site's win. The site server applies them; a file that does not parse stops the build.
    private func writeHeaderRules(_ source: SiteFiles, theme: Theme, into output: inout SiteFiles) -> [Diagnostic] {
        let path = "static/" + HeaderRules.fileName
        var text = theme.manifest.headers.map { "# from the theme (\(theme.name))\n" + $0 + "\n" } ?? ""
        if let bytes = source[path] {
            guard let site = String(validating: bytes, as: UTF8.self) else {
                return [Diagnostic(severity: .error, file: path, message: "the file is not UTF-8 text", hint: "save it as UTF-8")]
            }
            do {
                _ = try HeaderRules.parse(site)
            } catch {
                return [Diagnostic(
                    severity: .error, file: path, line: error.line, message: error.message,
                    hint: "the _headers format: a URL pattern such as /* on its own line, then indented Name: value lines")]
            }
            text += (text.isEmpty ? "" : "# from static/_headers\n") + site
        }
        guard text.utf8.count <= HeaderRules.maxBytes else {
            return [Diagnostic(severity: .error, file: path, message: "the theme's and the site's header rules together are larger than 64 KB",
                hint: "use patterns such as /* instead of one rule per file")]
        }
        if !text.isEmpty { output.setText(HeaderRules.fileName, text) }
        return []
    }

    /// `static/**` → the output root. A static file may replace a generated `robots.txt` or `404.html`, but not
    /// a page.
    private func copyStatic(
        _ source: SiteFiles, into output: inout SiteFiles, generated: Set<String>, kept: Set<String>
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in source.paths where path.hasPrefix("static/") {
            let target = String(path.dropFirst("static/".count))
            if output[target] != nil || kept.contains(target), !generated.contains(target) {
                diagnostics.append(
                    Diagnostic(
                        severity: .error,
                        file: path,
                        message: "static file would overwrite the generated /\(target)",
                        hint: "rename or move it; pages and /assets/ are generated"
                    )
                )
                continue
            }
            output[target] = source[path]
        }
        return diagnostics
    }

    /// Checks every HTML file's links. Pages rendered by this build are checked from their fresh HTML; a page kept
    /// from the earlier build keeps its recorded findings when no link target (output path or id) changed, and is
    /// read back from the output folder and checked again otherwise. Records what the next build needs.
    private func checkLinks(
        _ output: SiteFiles,
        rendered: PageStep.Output,
        model: SiteModel,
        site: SourceText,
        mode: CompileOptions.LinkCheck,
        hydrate: @Sendable (Page) -> Page?,
        memo: inout RenderMemo
    ) -> [Diagnostic] {
        // Every HTML file's links and ids: rendered pages from the page step, other HTML (404, redirects, static
        // pages) scanned here, kept pages' ids from the records.
        var scans = rendered.scans
        for path in output.paths where path.hasSuffix(".html") && scans[path] == nil {
            scans[path] = output.text(path).map(HTMLLinks.scan) ?? HTMLLinks.Scan()
        }
        // Ids as sorted lists; kept pages' as their records hold them, joined (split only if a link needs them).
        let anchors = scans.mapValues { Array(Set($0.ids)).sorted() }
        var recorded: [String: String] = [:]
        for path in rendered.kept where path.hasSuffix(".html") { recorded[path] = memo.pages[path]?.joinedAnchors ?? "" }
        let targets = LinkChecker.Targets(
            paths: Set(output.paths).union(rendered.kept), anchors: anchors, recordedAnchors: recorded)
        let joined = anchors.mapValues(PageRecord.join)
        var digest = ContextDigest()
        digest.add("targets-v2")
        let sortedPaths = targets.paths.sorted()
        for path in sortedPaths {
            digest.add(path)
            if let ids = joined[path] ?? recorded[path] {
                digest.add("#")
                digest.add(ids)
            }
        }
        let targetsDigest = digest.finish()
        let targetsUnchanged = memo.isEnabled && memo.targetsDigest == targetsDigest

        // Pages point at their source, then site.yaml (navigation); generated pages (404) at site.yaml.
        // A stub's text is read only when a finding must quote it.
        var sources: [String: [SourceText]] = [:]
        var stubs: [String: Page] = [:]
        for page in model.pages where !page.isGenerated {
            var paths = [page.outputPath]
            // Later pages of a split list show the list page's content too.
            for number in stride(from: 2, through: model.pageCount(of: page), by: 1) {
                paths.append(PagePath.outputPath(for: SiteModel.pagerURL(page.url, number: number)))
            }
            for path in paths {
                sources[path] = [page.source, site]
                if page.isStub { stubs[path] = page }
            }
        }
        let htmlPaths = sortedPaths.filter { $0.hasSuffix(".html") }
        let records = memo.pages
        let read = memo.readOutput
        let findings: [[Diagnostic]] = Parallel.map(htmlPaths.count) { index in
            let path = htmlPaths[index]
            let links: [String]
            if let scan = scans[path] {
                links = scan.links
            } else if targetsUnchanged, let record = records[path] {
                return record.findings
            } else {
                links = read(path).map { HTMLLinks.scan($0).links } ?? []
            }
            let found = LinkChecker.check(page: path, links: links, targets: targets, sources: sources[path] ?? [site])
            guard !found.isEmpty, let stub = stubs[path], let page = hydrate(stub) else { return found }
            return LinkChecker.check(page: path, links: links, targets: targets, sources: [page.source, site])
        }
        if memo.isEnabled {
            memo.newTargetsDigest = targetsDigest
            for (index, path) in htmlPaths.enumerated() {
                guard let key = rendered.keys[path] else { continue }
                memo.newPages[path] = PageRecord(
                    key: key, joinedAnchors: joined[path] ?? recorded[path] ?? "", findings: findings[index])
            }
        }
        guard mode != .off else { return [] }
        var seen: Set<Diagnostic> = []
        var result: [Diagnostic] = []
        for finding in findings.joined() where seen.insert(finding).inserted {
            var finding = finding
            if mode == .warn { finding.severity = .warning }
            result.append(finding)
        }
        return result
    }

    private static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.component(.year, from: date)
    }
}
