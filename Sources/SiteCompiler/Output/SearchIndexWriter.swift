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
        for page in model.pages where !page.isGenerated && !page.isDraft && !page.isNoIndex && page.url != PagePath.notFoundURL {
            var entry = ["title": page.title, "url": page.url]
            if let parent = page.parentURL, let section = model.page(at: parent), section.kind == .section {
                entry["section"] = section.title
            }
            if let summary = context.summaryText(of: page) { entry["summary"] = summary }
            if let text = searchText[page.url] { entry["text"] = text }
            entries.append(entry)
        }
        // Written by hand (keys in sorted order, compact): JSONEncoder spends a quarter of a second on 10,000 entries.
        var json = "["
        json.reserveCapacity(entries.count * 512)
        for (index, entry) in entries.enumerated() {
            json += index == 0 ? "{" : ",{"
            for (position, key) in entry.keys.sorted().enumerated() {
                if position > 0 { json += "," }
                Self.appendString(key, to: &json)
                json += ":"
                Self.appendString(entry[key] ?? "", to: &json)
            }
            json += "}"
        }
        json += "]"
        return Data(json.utf8)
    }
}

extension SearchIndexWriter {
    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else (including `/`
    /// and non-ASCII text) as is.
    static func appendString(_ text: String, to json: inout String) {
        json += "\""
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            json += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case _ where scalar.value < 0x20: json += String(format: "\\u%04x", scalar.value)
                default: json.unicodeScalars.append(scalar)
                }
            }
        }
        json += "\""
    }
}
