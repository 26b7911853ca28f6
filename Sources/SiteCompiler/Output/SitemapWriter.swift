/// `sitemap.xml` (sitemaps.org 0.9): every built page except drafts, in URL order.
struct SitemapWriter {
    let model: SiteModel

    func xml() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in model.pages where !page.isDraft && !page.isNoIndex && page.url != PagePath.notFoundURL {
            xml += "  <url>\n    <loc>\(XMLText.escape(model.permalink(page.url)))</loc>\n"
            if let date = page.frontMatter.updated ?? page.frontMatter.date {
                xml += "    <lastmod>\(date.isoDay)</lastmod>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }
}
