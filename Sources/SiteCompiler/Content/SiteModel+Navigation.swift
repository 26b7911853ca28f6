extension SiteModel {
    /// The pages before and after `page` in the list that shows it (its section's), for prev/next links.
    package func neighbours(of page: Page) -> (previous: Page?, next: Page?) {
        guard page.kind == .page, let parent = page.parentURL else { return (nil, nil) }
        let siblings = children(of: parent)
        guard let index = siblings.firstIndex(where: { $0.url == page.url }) else { return (nil, nil) }
        return (
            index > siblings.startIndex ? siblings[index - 1] : nil,
            index + 1 < siblings.endIndex ? siblings[index + 1] : nil
        )
    }

    /// The home page and sections above `page`, outermost first (breadcrumbs).
    package func ancestors(of page: Page) -> [Page] {
        var chain: [Page] = []
        var next = page.parentURL
        while let url = next, let parent = self.page(at: url) {
            chain.append(parent)
            next = parent.parentURL
            if chain.count > 64 { break }  // a cycle cannot happen (URLs shrink), but never loop forever
        }
        return chain.reversed()
    }
}
