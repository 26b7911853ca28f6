internal import Foundation

/// `/search.json` for themes with the `search` feature: one entry per indexable page (title, URL, section,
/// summary and the start of its text), in URL order, as a JSON array with sorted keys.
struct SearchIndexWriter {
    let model: SiteModel
    let context: TemplateContext
    /// The start of each page's text by URL.
    let searchText: [String: String]
    /// Characters of page text kept per entry: enough to match on, small enough to download.
    static let textLimit = 300

    func json() -> Data {
        var entries: [[String: String]] = []
        for page in model.pages where !page.isDraft && !page.isNoIndex && page.url != PagePath.notFoundURL {
            var entry = ["title": page.title, "url": page.url]
            if let parent = page.parentURL, let section = model.page(at: parent), section.kind == .section {
                entry["section"] = section.title
            }
            if let summary = context.summaryText(of: page) { entry["summary"] = summary }
            if let text = searchText[page.url] { entry["text"] = text }
            entries.append(entry)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)) ?? Data("[]".utf8)
    }
}
