/// RSS 2.0 feed of the home page (`/index.xml`, the whole site) or of a section (`/blog/index.xml`): the newest
/// dated, non-draft regular pages at or below it (``SiteModel/feedEntries(of:)``).
struct FeedWriter {
    let model: SiteModel
    let context: TemplateContext

    func xml(section: Page) -> String {
        let items = model.feedEntries(of: section.url)
        let title = model.feedTitle(of: section)
        let description = section.frontMatter.description ?? model.config.description ?? title
        let feedURL = model.permalink(section.url + "index.xml")
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        xml += "  <title>\(XMLText.escape(title))</title>\n"
        xml += "  <link>\(XMLText.escape(model.permalink(section.url)))</link>\n"
        xml += "  <description>\(XMLText.escape(description))</description>\n"
        xml += "  <language>\(XMLText.escape(model.config.lang))</language>\n"
        xml += "  <atom:link href=\"\(XMLText.escape(feedURL))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let newest = items.first?.frontMatter.date {
            xml += "  <lastBuildDate>\(newest.rfc822)</lastBuildDate>\n"
        }
        for page in items {
            let link = XMLText.escape(model.permalink(page.url))
            xml += "  <item>\n"
            xml += "    <title>\(XMLText.escape(page.title))</title>\n"
            xml += "    <link>\(link)</link>\n"
            xml += "    <guid isPermaLink=\"\(model.baseURL.isEmpty ? "false" : "true")\">\(link)</guid>\n"
            if let date = page.frontMatter.date { xml += "    <pubDate>\(date.rfc822)</pubDate>\n" }
            if let summary = context.summaryText(of: page) {
                xml += "    <description>\(XMLText.escape(summary))</description>\n"
            }
            xml += "  </item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }
}
