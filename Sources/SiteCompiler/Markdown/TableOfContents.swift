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
        let bytes = Array(html.utf8)
        let quote = UInt8(ascii: "\"")
        var position = 0
        while let open = ByteSearch.find(Array("<h".utf8), in: bytes, from: position) {
            position = open + 2
            let levelAt = open + 2
            guard levelAt < bytes.count, (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(bytes[levelAt]),
                bytes[(levelAt + 1)...].starts(with: " id=\"".utf8),
                let idEnd = bytes[(levelAt + 6)...].firstIndex(of: quote),
                let tagEnd = bytes[idEnd...].firstIndex(of: UInt8(ascii: ">")),
                let close = ByteSearch.find(Array("</h".utf8) + [bytes[levelAt], UInt8(ascii: ">")], in: bytes, from: tagEnd)
            else { continue }
            let id = String(decoding: bytes[(levelAt + 6)..<idEnd], as: UTF8.self)
            let inner = String(decoding: bytes[(tagEnd + 1)..<close], as: UTF8.self)
            entries.append(Entry(level: Int(bytes[levelAt] - UInt8(ascii: "0")), id: id, title: HTMLText.plain(inner)))
            position = close + 5
        }
        return entries
    }
}
