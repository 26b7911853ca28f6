/// Navigation keys of the layout context: table of contents, prev/next, breadcrumbs and the section tree.
extension TemplateContext {
    /// Most pages a section shows in the tree (one page of its list); longer sections end with a link to their
    /// list page, and the current page is added when it is further down.
    static let treePageLimit = 20

    /// Adds `toc`, `prev`, `next` (`has_pager` when either), `breadcrumbs` and `tree` (each with its `has_` flag) to a layout context.
    func addNavigation(for page: Page, content: String?, to context: inout [String: Any]) {
        if let html = content {
            let toc = TableOfContents.entries(in: html).map { entry -> [String: Any] in
                ["level": String(entry.level), "id": entry.id, "title": entry.title]
            }
            if !toc.isEmpty {
                context["toc"] = toc
                context["has_toc"] = true
            }
        }
        let (previous, next) = model.neighbours(of: page)
        if let previous { context["prev"] = ["title": previous.title, "url": previous.url] }
        if let next { context["next"] = ["title": next.title, "url": next.url] }
        if previous != nil || next != nil { context["has_pager"] = true }
        let crumbs = model.ancestors(of: page).map { ["title": $0.title, "url": $0.url] }
        if !crumbs.isEmpty {
            context["breadcrumbs"] = crumbs
            context["has_breadcrumbs"] = true
        }
        let tree = model.sections(under: "/").map { treeNode($0, current: page.url) }
        if !tree.isEmpty {
            context["tree"] = tree
            context["has_tree"] = true
        }
    }

    /// A section in the tree; its subsections and pages are listed only on the path to the current page.
    ///
    /// Every flag is set, true or false: Mustache looks a missing key up in the enclosing node, so a leaf without
    /// `has_children` would recurse into its parent's children forever.
    private func treeNode(_ section: Page, current: String) -> [String: Any] {
        var node = Self.treeLeaf(section, current: current)
        guard current.hasPrefix(section.url) else { return node }
        node["active"] = true
        let subsections = model.sections(under: section.url).map { treeNode($0, current: current) }
        let pages = model.children(of: section.url)
        var leaves = pages.prefix(Self.treePageLimit).map { leaf($0, current: current) }
        if pages.count > Self.treePageLimit, let here = pages.dropFirst(Self.treePageLimit).first(where: { $0.url == current }) {
            leaves.append(leaf(here, current: current))
        }
        if pages.count > Self.treePageLimit { node["more"] = true }
        if !subsections.isEmpty || !leaves.isEmpty {
            node["children"] = subsections + leaves
            node["subsections"] = subsections
            node["pages"] = leaves
            node["has_children"] = true
        }
        return node
    }

    /// A page in the tree: the prepared entry, unless it is the current page.
    private func leaf(_ page: Page, current: String) -> [String: Any] {
        if page.url != current, let prepared = treeLeaves[page.url] { return prepared }
        return Self.treeLeaf(page, current: current)
    }

    /// The tree entries of every regular page, made once per build (they are the same on every page that shows
    /// them, except on the page itself).
    static func treeLeaves(of model: SiteModel) -> [String: [String: Any]] {
        let pages = model.pages.filter { $0.kind == .page }
        let leaves = Parallel.map(pages.count) { treeLeaf(pages[$0], current: "") }
        return Dictionary(zip(pages.map(\.url), leaves), uniquingKeysWith: { first, _ in first })
    }

    static func treeLeaf(_ page: Page, current: String) -> [String: Any] {
        [
            "title": page.title, "url": page.url, "current": page.url == current, "active": false,
            "more": false, "has_children": false, "children": [[String: Any]](), "subsections": [[String: Any]](),
            "pages": [[String: Any]](),
        ]
    }
}
