internal import CCmarkGFM
internal import Foundation

/// CommonMark + GitHub extensions (tables, strikethrough, autolinks, task lists, footnotes) → HTML, via cmark-gfm.
///
/// Raw HTML in the source is omitted unless ``Options/allowRawHTML`` is set, so content written by an agent
/// cannot inject markup or scripts into the theme.
package struct MarkdownRenderer: Sendable {
    /// Rendering switches; the defaults are what sites get.
    package struct Options: Sendable, Equatable {
        /// Pass raw HTML through (cmark's UNSAFE). Off by default.
        package var allowRawHTML = false
        /// Curly quotes, en and em dashes, ellipses.
        package var smartPunctuation = false
        /// Give every heading an `id` derived from its text (`## Get started` → `id="get-started"`).
        package var headingIDs = true
        /// How heading ids are spelled (site.yaml `heading_ids`).
        package var headingIDScheme: HeadingIDScheme = .github

        /// Options; the defaults are safe.
        package init(allowRawHTML: Bool = false, smartPunctuation: Bool = false, headingIDs: Bool = true) {
            self.allowRawHTML = allowRawHTML
            self.smartPunctuation = smartPunctuation
            self.headingIDs = headingIDs
        }
    }

    /// The switches in force.
    package var options: Options

    /// A renderer; safe by default.
    package init(options: Options = Options()) {
        self.options = options
    }

    /// The GFM extensions attached to every parser.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers cmark-gfm's core extensions exactly once (the C function keeps an unguarded static flag).
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Renders Markdown to an HTML fragment. `anchors` de-duplicates heading ids across several fragments of one
    /// page (the body and the bodies of its components).
    /// `rewriteLink` gets each link's destination and returns a replacement, or nil to keep it.
    package func render(
        _ markdown: String, anchors: inout HeadingAnchors, rewriteLink: ((String) -> String?)? = nil
    ) -> String {
        let html = renderRaw(markdown, rewriteLink: rewriteLink)
        return options.headingIDs ? anchors.addIDs(to: html, scheme: options.headingIDScheme) : html
    }

    /// Renders Markdown to an HTML fragment with fresh heading ids.
    package func render(_ markdown: String) -> String {
        var anchors = HeadingAnchors()
        return render(markdown, anchors: &anchors)
    }

    private func renderRaw(_ markdown: String, rewriteLink: ((String) -> String?)?) -> String {
        _ = Self.registration
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        guard let parser = cmark_parser_new(flags) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        if let rewriteLink { Self.rewriteLinks(in: document, rewriteLink) }
        guard let rendered = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

extension MarkdownRenderer {
    /// Replaces link destinations in a parsed document where `rewrite` returns a new one.
    private static func rewriteLinks(in document: OpaquePointer, _ rewrite: (String) -> String?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LINK, let raw = cmark_node_get_url(node)
            else { continue }
            if let replacement = rewrite(String(cString: raw)) {
                _ = cmark_node_set_url(node, replacement)
            }
        }
    }

    /// The same renderer with raw HTML let through (site.yaml `raw_html: true`).
    package func withHeadingIDs(_ scheme: HeadingIDScheme) -> MarkdownRenderer {
        var renderer = self
        renderer.options.headingIDScheme = scheme
        return renderer
    }

    package func allowingRawHTML() -> MarkdownRenderer {
        var renderer = self
        renderer.options.allowRawHTML = true
        return renderer
    }
}
