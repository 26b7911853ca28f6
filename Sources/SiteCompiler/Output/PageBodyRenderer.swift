internal import Foundation

/// Renders a page body: Markdown through cmark-gfm, with each `:::component` block validated against the theme's
/// schema and rendered through its template.
struct PageBodyRenderer {
    let theme: Theme
    let markdown: MarkdownRenderer
    /// Links to `.md` files become page addresses (nil: links are kept as written).
    var sourceLinks: SourceLinks? = nil

    /// The body HTML and every problem found, located in the page's source.
    func render(
        _ page: Page,
        site: [String: Any],
        pageSummary: [String: Any]
    ) -> (html: String, diagnostics: [Diagnostic]) {
        let scan: ComponentScan
        do {
            scan = try ComponentScanner(source: page.source).scan(page.body, lineOffset: page.bodyLineOffset)
        } catch {
            return ("", error.diagnostics)
        }
        var anchors = HeadingAnchors()
        anchors.reserve("footnotes")
        let rewrite: ((String) -> String?)? = sourceLinks.map { links in
            { href in links.rewrite(href, from: page.sourcePath) }
        }
        let rewriteLink = SourceLinks.mayLink(page.body) ? rewrite : nil
        var html = markdown.render(scan.markdown, anchors: &anchors, rewriteLink: rewriteLink)
        var diagnostics: [Diagnostic] = []
        for (index, block) in scan.blocks.enumerated() {
            let rendered = renderComponent(
                block,
                page: page,
                site: site,
                pageSummary: pageSummary,
                anchors: &anchors,
                rewriteLink: rewriteLink,
                diagnostics: &diagnostics
            )
            let placeholder = ComponentScan.placeholder(index)
            let paragraph = "<p>\(placeholder)</p>\n"
            html = ByteSearch.replacingFirst(paragraph, with: rendered, in: html)
                ?? ByteSearch.replacingFirst(placeholder, with: rendered, in: html) ?? html
        }
        return (html, diagnostics)
    }

    private func renderComponent(
        _ block: ComponentBlock,
        page: Page,
        site: [String: Any],
        pageSummary: [String: Any],
        anchors: inout HeadingAnchors,
        rewriteLink: ((String) -> String?)?,
        diagnostics: inout [Diagnostic]
    ) -> String {
        let names = theme.manifest.components.map(\.name)
        guard let schema = theme.manifest.component(block.name) else {
            diagnostics.append(
                .error(
                    "unknown component \"\(block.name)\" (theme \"\(theme.name)\")",
                    in: page.source,
                    line: block.line,
                    column: block.nameColumn,
                    hint: Suggestion.hint(for: block.name, among: names) ?? "available: "
                        + names.joined(separator: ", ")
                )
            )
            return ""
        }
        let props: YAMLNode?
        do {
            props = try YAMLNode.parse(block.props, source: page.source, lineOffset: block.propsLineOffset)
        } catch {
            diagnostics += error.diagnostics
            return ""
        }
        var validator = PropValidator(source: page.source)
        let values = validator.validate(props, against: schema, at: (block.line, block.nameColumn))
        diagnostics += validator.diagnostics
        if validator.diagnostics.hasErrors { return "" }
        var context = PropValue.mustacheFields(values)
        context["site"] = site
        context["page"] = pageSummary
        if let body = block.body {
            context["body_html"] = markdown.render(body, anchors: &anchors, rewriteLink: rewriteLink)
        }
        return (theme.templates.renderComponent(schema.name, context) ?? "") + "\n"
    }
}
