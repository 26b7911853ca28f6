internal import Foundation

/// Builds the values Mustache templates see. The keys are the theme contract, documented in docs/formats.md
/// ("Template context"); add keys freely, never rename one.
struct TemplateContext {
    let model: SiteModel
    let tokens: [String: String]
    let year: Int
    /// Summaries taken from the first paragraph of each page's content, by page URL (pages whose front matter
    /// has neither `summary` nor `description`).
    let derivedSummaries: [String: String]
    /// URLs of drafts that are not built.
    let draftURLs: Set<String>
    /// `assets` in layouts: `css`, `tokens_css` and one `<name>_<ext>` key per theme asset, each the published
    /// (fingerprinted) URL.
    var assetURLs: [String: String] = ["css": "/assets/style.css", "tokens_css": "/assets/tokens.css"]
    /// Prepared section-tree entries by page URL (see ``treeLeaves(of:)``); empty: made on demand.
    var treeLeaves: [String: [String: Any]] = [:]

    /// `site`: identity, navigation (with the current item marked), call to action, forms, tokens.
    func site(currentURL: String) -> [String: Any] {
        let config = model.config
        var site: [String: Any] = [
            "title": config.title,
            "lang": config.lang.isEmpty ? "en" : config.lang,
            "year": String(year),
            "tokens": tokens,
        ]
        site["base_url"] = nonEmpty(model.baseURL)
        site["tagline"] = nonEmpty(config.tagline)
        site["description"] = nonEmpty(config.description)
        site["author"] = nonEmpty(config.author)
        site["footer"] = nonEmpty(config.footer)
        let nav = config.nav.filter { isPublished($0.url) }.map { navItem($0, currentURL: currentURL) }
        if !nav.isEmpty {
            site["nav"] = nav
            site["has_nav"] = true
        }
        if let cta = config.cta, isPublished(cta.url) { site["cta"] = navItem(cta, currentURL: currentURL) }
        if let endpoint = nonEmpty(config.forms?.endpoint) { site["forms"] = ["endpoint": endpoint] }
        return site
    }

    /// A page as a list entry: enough to link to it and show its date and summary.
    func summary(of page: Page) -> [String: Any] {
        var entry: [String: Any] = [
            "title": page.title,
            "url": page.url,
            "permalink": model.permalink(page.url),
            "kind": page.kind.rawValue,
        ]
        if let date = page.frontMatter.date {
            entry["date"] = date.display
            entry["date_iso"] = date.isoDay
        }
        if let updated = page.frontMatter.updated {
            entry["updated"] = updated.display
            entry["updated_iso"] = updated.isoDay
        }
        entry["description"] = nonEmpty(page.frontMatter.description)
        entry["summary"] = nonEmpty(summaryText(of: page))
        if !page.frontMatter.tags.isEmpty {
            entry["tags"] = page.frontMatter.tags
            entry["has_tags"] = true
            let links = page.frontMatter.tags.compactMap { tag -> [String: Any]? in
                let url = SiteModel.tagURL(tag)
                return model.page(at: url) == nil ? nil : ["name": tag, "url": url]
            }
            if !links.isEmpty { entry["tag_links"] = links }
        }
        if page.isDraft { entry["draft"] = true }
        if page.isNoIndex { entry["noindex"] = true }
        return entry
    }

    /// `page`: the summary plus its content, kind flags, feed and front matter params.
    func page(_ page: Page, content: String? = nil) -> [String: Any] {
        var context = summary(of: page)
        // Absent rather than "" when empty: Mustache treats any string, even "", as true in `{{#page.content}}`.
        context["content"] = nonEmpty(content)
        context["is_home"] = page.kind == .home
        context["is_section"] = page.kind == .section
        context["is_page"] = page.kind == .page
        if let feed = model.feedURL(for: page) {
            context["feed_url"] = feed
        }
        if let parent = page.parentURL, let section = model.page(at: parent), section.kind == .section {
            context["section"] = ["title": section.title, "url": section.url]
        }
        var params: [String: Any] = [:]
        for (key, node) in page.frontMatter.params { params[key] = Self.plain(node) }
        if !params.isEmpty { context["params"] = params }
        return context
    }

    /// The full context of a layout: `site`, `page`, `pages` / `sections` (home and sections), `recent` (home),
    /// `head_title`, `assets`; for page `number` of a split list, that page's entries and `paginator`.
    func layout(for page: Page, content: String? = nil, number: Int = 1) -> [String: Any] {
        var pageContext = self.page(page, content: content)
        var headTitle = headTitle(for: page)
        if number > 1 {
            let url = SiteModel.pagerURL(page.url, number: number)
            pageContext["url"] = url
            pageContext["permalink"] = model.permalink(url)
            pageContext["page_number"] = String(number)
            let siteTitle = model.config.title
            headTitle = "\(page.title), page \(number)" + (siteTitle.isEmpty ? "" : " · \(siteTitle)")
        }
        var context: [String: Any] = [
            "site": site(currentURL: page.url),
            "page": pageContext,
            "head_title": headTitle,
            "assets": assetURLs,
        ]
        addNavigation(for: page, content: content, to: &context)
        if page.isList {
            var listed = model.children(of: page.url)
            if let size = model.pageSize(of: page) {
                let total = model.pageCount(of: page)
                let start = min((number - 1) * size, listed.count)
                listed = Array(listed[start..<min(start + size, listed.count)])
                if total > 1 {
                    context["paginator"] = paginator(url: page.url, number: number, total: total)
                    context["has_paginator"] = true
                }
            }
            let children = listed.map(summary(of:))
            if !children.isEmpty {
                context["pages"] = children
                context["has_pages"] = true
            }
            let sections = model.sections(under: page.url).map(summary(of:))
            if !sections.isEmpty {
                context["sections"] = sections
                context["has_sections"] = true
            }
        }
        if page.kind == .home {
            let recent = model.datedPages.prefix(3).map(summary(of:))
            if !recent.isEmpty {
                context["recent"] = Array(recent)
                context["has_recent"] = true
            }
        }
        return context
    }

    /// `paginator`: `number`, `total`, `first_url`, `last_url`, `prev_url` / `next_url` (when there is one), and
    /// `pages`: up to five numbered links around the current one (`number`, `url`, `current`).
    private func paginator(url: String, number: Int, total: Int) -> [String: Any] {
        var paginator: [String: Any] = [
            "number": String(number),
            "total": String(total),
            "first_url": url,
            "last_url": SiteModel.pagerURL(url, number: total),
        ]
        if number > 1 { paginator["prev_url"] = SiteModel.pagerURL(url, number: number - 1) }
        if number < total { paginator["next_url"] = SiteModel.pagerURL(url, number: number + 1) }
        let first = max(1, min(number - 2, total - 4))
        paginator["pages"] = (first...min(total, first + 4)).map { index -> [String: Any] in
            ["number": String(index), "url": SiteModel.pagerURL(url, number: index), "current": index == number]
        }
        return paginator
    }

    /// `About · Acme`; the home page is just `Acme`.
    func headTitle(for page: Page) -> String {
        let siteTitle = model.config.title
        if page.kind == .home { return siteTitle.isEmpty ? page.title : siteTitle }
        return siteTitle.isEmpty ? page.title : "\(page.title) · \(siteTitle)"
    }

    /// front matter summary, else description, else the first paragraph of the content (at most ~200 characters).
    func summaryText(of page: Page) -> String? {
        if let summary = nonEmpty(page.frontMatter.summary) { return summary }
        if let description = nonEmpty(page.frontMatter.description) { return description }
        return derivedSummaries[page.url]
    }

    /// The summary a page's content gives: its first paragraph as text, cut at a word near 200 characters.
    static func derivedSummary(fromContent html: String) -> String? {
        guard let text = HTMLText.firstParagraph(html) else { return nil }
        guard text.count > 200 else { return text }
        let cut = text.prefix(200)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Whether a nav target is built (or external): links to drafts that are not built leave the navigation.
    private func isPublished(_ url: String) -> Bool {
        guard URLValue.isSiteRelative(url) else { return true }
        let path = PagePath.normalize(url)
        return !draftURLs.contains(String(path.prefix { $0 != "#" && $0 != "?" }))
    }

    private func navItem(_ item: SiteConfig.NavItem, currentURL: String) -> [String: Any] {
        var entry: [String: Any] = ["label": item.label, "url": item.url]
        let external = !URLValue.isSiteRelative(item.url)
        if external {
            entry["external"] = true
        } else {
            let target = PagePath.normalize(item.url)
            if target == currentURL {
                entry["current"] = true
                entry["active"] = true
            } else if target != "/", currentURL.hasPrefix(target) {
                entry["active"] = true
            }
        }
        return entry
    }

    /// `text` unless it is nil or only whitespace. Scans bytes (this runs for every field of every list entry and
    /// every page's content); only text starting with non-ASCII whitespace goes to Foundation.
    private func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            if byte < 0x80 { return text }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        }
        return nil
    }

    /// A YAML value as plain Swift values for templates.
    static func plain(_ node: YAMLNode) -> Any {
        switch node.kind {
        case .scalar(let text, .bool): return node.bool ?? text
        case .scalar(let text, _): return text
        case .sequence(let items): return items.map(plain)
        case .mapping(let entries):
            return Dictionary(entries.map { ($0.key, plain($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
