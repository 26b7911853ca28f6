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

    struct Output {
        /// Output path → HTML.
        var files: [(String, String)]
        var diagnostics: [Diagnostic]
        /// The context used, for writers that need summaries (feeds).
        var context: TemplateContext
    }

    func run() -> Output {
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
            let result = bodies.render(page, site: bare.site(currentURL: page.url), pageSummary: bare.summary(of: page))
            contentByURL[page.url] = result.html
            diagnostics += result.diagnostics
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
            files.append((page.outputPath, render(layout: layout, context: context.layout(for: page))))
        }
        if !model.pages.contains(where: { $0.outputPath == "404.html" }) {
            files.append(("404.html", notFoundPage(context: context)))
        }
        return Output(files: files, diagnostics: diagnostics, context: context)
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
