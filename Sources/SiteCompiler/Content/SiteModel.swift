internal import Foundation

/// The published site as templates and writers see it: which pages are built, how they nest and sort, and
/// their absolute addresses.
package struct SiteModel: Sendable {
    /// The site configuration.
    package var config: SiteConfig
    /// Pages that are built (drafts only when asked for), in URL order.
    package var pages: [Page]
    /// `https://acme.test` (no trailing slash), or empty when the site has no absolute base.
    package var baseURL: String
    private var byURL: [String: Page]
    /// Regular pages by the URL of the page that lists them, in list order (computed once: lists are asked for
    /// on every page).
    private var childrenByParent: [String: [Page]]
    /// Sections by parent URL, in URL order.
    private var sectionsByParent: [String: [Page]]

    /// `pages` are the built ones; `baseURL` overrides `config.baseURL` when given.
    package init(config: SiteConfig, pages: [Page], baseURL: String?) {
        self.config = config
        self.pages = pages.sorted { $0.url < $1.url }
        var base = (baseURL ?? config.baseURL ?? "").trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.byURL = Dictionary(pages.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [Page]] = [:]
        var sections: [String: [Page]] = [:]
        for page in self.pages {
            guard let parent = page.parentURL else { continue }
            switch page.kind {
            case .page where page.url != PagePath.notFoundURL: children[parent, default: []].append(page)
            case .section: sections[parent, default: []].append(page)
            default: break
            }
        }
        self.childrenByParent = children.mapValues { $0.sorted(by: Self.listOrder) }
        self.sectionsByParent = sections
    }

    /// The built page at `url`, if any.
    package func page(at url: String) -> Page? { byURL[url] }

    /// The absolute address of a site URL when the site has a base, else the URL itself.
    package func permalink(_ url: String) -> String { baseURL + url }

    /// The regular pages a home page or section lists: those whose folder is `url`, newest first.
    package func children(of url: String) -> [Page] {
        childrenByParent[url] ?? []
    }

    /// Sections directly under `url`, in URL order.
    package func sections(under url: String) -> [Page] {
        sectionsByParent[url] ?? []
    }

    /// Dated regular pages across the site, newest first.
    package var datedPages: [Page] {
        pages.filter { $0.kind == .page && $0.frontMatter.date != nil && $0.url != PagePath.notFoundURL }.sorted(
            by: Self.listOrder
        )
    }

    /// The feed URL of a section whose listed pages carry dates (`/blog/index.xml`), else nil.
    package func feedURL(ofSection url: String) -> String? {
        guard let section = page(at: url), section.kind == .section,
            children(of: url).contains(where: { $0.frontMatter.date != nil })
        else { return nil }
        return url + "index.xml"
    }

    /// Lists order: newest date first (undated last), then lower weight, then title, then URL.
    package static func listOrder(_ a: Page, _ b: Page) -> Bool {
        switch (a.frontMatter.date, b.frontMatter.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let wa = a.frontMatter.weight ?? Int.max
        let wb = b.frontMatter.weight ?? Int.max
        if wa != wb { return wa < wb }
        if a.title != b.title { return a.title < b.title }
        return a.url < b.url
    }
}
