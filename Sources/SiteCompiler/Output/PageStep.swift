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
    /// Digest of the inputs every page shares (theme files, site.yaml, build options): part of every memo key.
    var sharedKey = ""

    struct Output {
        /// Output path → HTML.
        var files: [(String, String)]
        var diagnostics: [Diagnostic]
        /// The context used, for writers that need summaries (feeds).
        var context: TemplateContext
    }

    /// Renders every page, taking bodies and pages whose inputs are unchanged from `memo`.
    func run(memo: inout RenderMemo) -> Output {
        var diagnostics: [Diagnostic] = []
        let bare = TemplateContext(
            model: model,
            tokens: stylesheet.byName,
            year: year,
            contentByURL: [:],
            draftURLs: draftURLs,
            assetURLs: assetURLs
        )
        var contentByURL: [String: String] = [:]
        let bodies = PageBodyRenderer(theme: theme, markdown: markdown)
        for page in model.pages {
            let site = bare.site(currentURL: page.url)
            let summary = bare.summary(of: page)
            let key = memo.isEnabled ? bodyKey(page, site: site, summary: summary) : ""
            if let html = memo.fragment(for: key) {
                contentByURL[page.url] = html
                memo.stats.bodiesReused += 1
                continue
            }
            let result = bodies.render(page, site: site, pageSummary: summary)
            memo.stats.bodiesRendered += 1
            contentByURL[page.url] = result.html
            diagnostics += result.diagnostics
            // A body with diagnostics is rendered again next time, so its warnings are reported again.
            if result.diagnostics.isEmpty { memo.remember(result.html, for: key) }
        }
        let context = TemplateContext(
            model: model,
            tokens: stylesheet.byName,
            year: year,
            contentByURL: contentByURL,
            draftURLs: draftURLs,
            assetURLs: assetURLs
        )
        var files: [(String, String)] = []
        for page in model.pages {
            guard let layout = layoutName(for: page, diagnostics: &diagnostics) else { continue }
            files.append((page.outputPath, render(layout: layout, context: context.layout(for: page), memo: &memo)))
        }
        if !model.pages.contains(where: { $0.outputPath == "404.html" }) {
            files.append(("404.html", notFoundPage(context: context, memo: &memo)))
        }
        return Output(files: files, diagnostics: diagnostics, context: context)
    }

    /// A page's HTML from the memo when its layout and context are unchanged, else rendered (and remembered).
    private func render(layout: String, context: [String: Any], memo: inout RenderMemo) -> String {
        var key = ""
        if memo.isEnabled {
            var digest = ContextDigest()
            digest.add("page")
            digest.add(sharedKey)
            digest.add(layout)
            digest.add(value: context)
            key = digest.finish()
            if let html = memo.fragment(for: key) {
                memo.stats.pagesReused += 1
                return html
            }
        }
        let html = render(layout: layout, context: context)
        memo.stats.pagesRendered += 1
        memo.remember(html, for: key)
        return html
    }

    /// The key of a page body: its source and placement, the `site` and `page` values its components see.
    private func bodyKey(_ page: Page, site: [String: Any], summary: [String: Any]) -> String {
        var digest = ContextDigest()
        digest.add("body")
        digest.add(sharedKey)
        digest.add(page.source.path)
        digest.add(page.source.text)
        digest.add(page.url)
        digest.add(page.kind.rawValue)
        digest.add(String(page.bodyLineOffset))
        digest.add(value: site)
        digest.add(value: summary)
        return digest.finish()
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
            }
        return available.contains(preferred) ? preferred : "page"
    }

    /// `404.html`: the theme's `404` layout if it has one, else the page layout with a short message.
    private func notFoundPage(context: TemplateContext, memo: inout RenderMemo) -> String {
        var layout = context.layout(for: Self.notFound)
        var page = layout["page"] as? [String: Any] ?? [:]
        page["content"] =
            "<p>Sorry, there is no page at this address.</p>\n<p><a href=\"/\">Go to the home page</a></p>\n"
        page["is_404"] = true
        layout["page"] = page
        let siteTitle = model.config.title
        layout["head_title"] = siteTitle.isEmpty ? "Page not found" : "Page not found · \(siteTitle)"
        return render(layout: theme.templates.layoutNames.contains("404") ? "404" : "page", context: layout, memo: &memo)
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
