internal import Foundation

/// The published site as templates and writers see it: which pages are built, how they nest and sort, and
/// their absolute addresses.
package struct SiteModel: Sendable {
    /// The site configuration.
    package var config: SiteConfig
    /// Pages that are built (drafts only when asked for), in URL order.
    package private(set) var pages: [Page]
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
        // Sorting moves whole pages: sort positions, and only when the order is not already right.
        if zip(pages, pages.dropFirst()).allSatisfy({ $0.url < $1.url }) {
            self.pages = pages
        } else {
            self.pages = pages.indices.sorted { pages[$0].url < pages[$1].url }.map { pages[$0] }
        }
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
        self.datedPages = self.pages.filter {
            $0.kind == .page && $0.frontMatter.date != nil && $0.url != PagePath.notFoundURL
        }.sorted(by: Self.listOrder)
        collectFeedEntries()
        addTagPages()
    }

    /// Where tag pages live.
    package static let tagsURL = "/tags/"

    /// The address of a tag's page: `Swift UI` → `/tags/swift-ui/`.
    package static func tagURL(_ tag: String) -> String {
        let slug = Slug.make(from: tag)
        return tagsURL + (slug.isEmpty ? "tag" : slug) + "/"
    }

    /// `/tags/` (every tag, most used first) and `/tags/<tag>/` (the pages with that tag, in list order) for the
    /// tags of built pages. A content page at one of those addresses replaces the generated one (a
    /// `content/tags/_index.md` gives the tag index its title and text, as in Hugo).
    private mutating func addTagPages() {
        var tagged: [String: (name: String, pages: [Page])] = [:]
        var urlByTag: [String: String] = [:]  // a slug per distinct tag, not per use
        for page in pages where page.kind == .page && page.url != PagePath.notFoundURL {
            var seen: Set<String> = []
            for tag in page.frontMatter.tags {
                let url: String
                if let known = urlByTag[tag] {
                    url = known
                } else {
                    url = Self.tagURL(tag)
                    urlByTag[tag] = url
                }
                guard seen.insert(url).inserted else { continue }
                tagged[url, default: (tag, [])].pages.append(page)
            }
        }
        guard !tagged.isEmpty else { return }
        var terms: [Page] = []
        for (url, entry) in tagged where byURL[url] == nil {
            var frontMatter = FrontMatter()
            frontMatter.title = entry.name
            frontMatter.summary = entry.pages.count == 1 ? "1 page" : "\(entry.pages.count) pages"
            let term = Self.generatedPage(kind: .tag, url: url, frontMatter: frontMatter, parentURL: Self.tagsURL)
            terms.append(term)
            childrenByParent[url] = entry.pages.sorted(by: Self.listOrder)
        }
        terms.sort { a, b in
            let (countA, countB) = (childrenByParent[a.url]?.count ?? 0, childrenByParent[b.url]?.count ?? 0)
            return countA != countB ? countA > countB : a.url < b.url
        }
        if byURL[Self.tagsURL] == nil {
            var frontMatter = FrontMatter()
            frontMatter.title = "Tags"
            pages.append(Self.generatedPage(kind: .tags, url: Self.tagsURL, frontMatter: frontMatter, parentURL: "/"))
        }
        pages += terms
        pages.sort { $0.url < $1.url }
        for page in pages where page.isGenerated { byURL[page.url] = page }
        childrenByParent[Self.tagsURL, default: []] += terms
    }

    private static func generatedPage(kind: Page.Kind, url: String, frontMatter: FrontMatter, parentURL: String) -> Page {
        Page(
            kind: kind,
            source: SourceText(path: "", text: ""),
            url: url,
            frontMatter: frontMatter,
            body: "",
            bodyLineOffset: 0,
            parentURL: parentURL
        )
    }

    /// How many entries each page of `page`'s list shows: its front matter `paginate:`, else site.yaml's
    /// (default 20); nil when the list is not split (the home page, `paginate: 0`, or a page that lists nothing).
    package func pageSize(of page: Page) -> Int? {
        guard page.isList, page.kind != .home else { return nil }
        let size = page.frontMatter.params["paginate"]?.int ?? config.paginate
        return size > 0 ? size : nil
    }

    /// How many pages `page`'s list takes (1 when it is not split).
    package func pageCount(of page: Page) -> Int {
        guard let size = pageSize(of: page) else { return 1 }
        return max(1, (children(of: page.url).count + size - 1) / size)
    }

    /// The address of page `number` (from 1) of the list at `url`: `/blog/`, `/blog/page/2/`, ….
    package static func pagerURL(_ url: String, number: Int) -> String {
        number <= 1 ? url : url + "page/\(number)/"
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

    /// Dated regular pages across the site, newest first (computed once).
    package private(set) var datedPages: [Page] = []

    /// The newest dated regular pages (drafts left out, at most `feed_limit`) at or below each list page: the home
    /// page's are the whole site's, a section's those anywhere under it, year folders included.
    private var feedEntriesByList: [String: [Page]] = [:]

    /// The entries of the feeds of the list page at `url`, newest first; empty when it has none.
    package func feedEntries(of url: String) -> [Page] { feedEntriesByList[url] ?? [] }

    /// The RSS feed URL of the home page or a section with dated pages anywhere below it (`/index.xml`,
    /// `/blog/index.xml`), else nil. Its Atom feed is `atom.xml` beside it.
    package func feedURL(ofSection url: String) -> String? {
        feedEntriesByList[url] == nil ? nil : url + "index.xml"
    }

    /// A feed's title: the site's for the home page's feed, else `Section · Site`.
    package func feedTitle(of list: Page) -> String {
        let siteTitle = config.title
        return siteTitle.isEmpty ? list.title : list.kind == .home ? siteTitle : "\(list.title) · \(siteTitle)"
    }

    /// The feed a page links to (`feed_url`): its own list's, else that of the list above it.
    package func feedURL(for page: Page) -> String? {
        feedURL(ofSection: page.url) ?? page.parentURL.flatMap(feedURL(ofSection:))
    }

    /// Fills `feedEntriesByList` from `datedPages` (already newest first).
    private mutating func collectFeedEntries() {
        let limit = config.feedLimit
        guard limit > 0 else { return }
        var entries: [String: [Page]] = [:]
        for page in datedPages where !page.isDraft {
            for list in ancestors(of: page) where entries[list.url, default: []].count < limit {
                entries[list.url, default: []].append(page)
            }
        }
        feedEntriesByList = entries
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
