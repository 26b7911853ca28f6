/// Atom 1.0 feed of the home page (`/atom.xml`) or a section (`/blog/atom.xml`), the same entries as its RSS feed.
struct AtomWriter {
    let model: SiteModel
    let context: TemplateContext

    func xml(section: Page) -> String {
        let items = model.feedEntries(of: section.url)
        let siteTitle = model.config.title
        let title = model.feedTitle(of: section)
        let selfURL = model.permalink(section.url + "atom.xml")
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(XMLText.escape(title))</title>\n"
        xml += "  <id>\(XMLText.escape(model.permalink(section.url)))</id>\n"
        xml += "  <link href=\"\(XMLText.escape(model.permalink(section.url)))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(XMLText.escape(selfURL))\"/>\n"
        let newest = items.map { ($0.frontMatter.updated ?? $0.frontMatter.date) }.compactMap { $0 }.max()
        xml += "  <updated>\(newest?.iso8601 ?? "1970-01-01T00:00:00Z")</updated>\n"
        if let author = model.config.author, !author.isEmpty {
            xml += "  <author><name>\(XMLText.escape(author))</name></author>\n"
        } else {
            xml += "  <author><name>\(XMLText.escape(siteTitle.isEmpty ? section.title : siteTitle))</name></author>\n"
        }
        for page in items {
            let link = XMLText.escape(model.permalink(page.url))
            xml += "  <entry>\n"
            xml += "    <title>\(XMLText.escape(page.title))</title>\n"
            xml += "    <link href=\"\(link)\"/>\n"
            xml += "    <id>\(link)</id>\n"
            if let date = page.frontMatter.date {
                xml += "    <published>\(date.iso8601)</published>\n"
                xml += "    <updated>\((page.frontMatter.updated ?? date).iso8601)</updated>\n"
            }
            if let summary = context.summaryText(of: page) {
                xml += "    <summary>\(XMLText.escape(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
