internal import Foundation

/// The h2–h4 headings of a rendered page body, in order, for a "On this page" list.
struct TableOfContents {
    /// One heading.
    struct Entry: Equatable {
        /// 2, 3 or 4.
        var level: Int
        /// The heading's `id` (set by ``HeadingAnchors``).
        var id: String
        /// The heading as plain text.
        var title: String
    }

    /// Headings found in `html`, which must carry ids (`<h2 id="x">`).
    static func entries(in html: String) -> [Entry] {
        var entries: [Entry] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let levelCharacter = after.first, let level = Int(String(levelCharacter)), (2...4).contains(level),
                after.dropFirst().hasPrefix(" id=\""),
                let idEnd = after.dropFirst(6).firstIndex(of: "\""),
                let tagEnd = after[idEnd...].firstIndex(of: ">"),
                let close = after.range(of: "</h\(level)>")
            else {
                rest = after
                continue
            }
            let id = String(after[after.index(after.startIndex, offsetBy: 6)..<idEnd])
            let inner = after[after.index(after: tagEnd)..<close.lowerBound]
            entries.append(Entry(level: level, id: id, title: HTMLText.plain(String(inner))))
            rest = after[close.upperBound...]
        }
        return entries
    }
}
