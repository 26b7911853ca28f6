/// Pulls link targets (`href`, `src`, `action`, `poster`) out of HTML. Tolerant, not a parser: good for the
/// quoted attributes our templates and cmark produce.
enum HTMLLinks {
    private static let attributes = ["href", "src", "poster"]

    static func extract(from html: String) -> [String] {
        var links: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            let name = attributeName(endingBefore: index, in: bytes)
            var cursor = index + 1
            index += 1
            guard attributes.contains(name), cursor < bytes.count else { continue }
            let quote = bytes[cursor]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            cursor += 1
            let start = cursor
            while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
            let value = String(decoding: bytes[start..<cursor], as: UTF8.self)
            links.append(decodeEntities(value))
            index = cursor + 1
        }
        return links
    }

    private static func attributeName(endingBefore index: Int, in bytes: [UInt8]) -> String {
        var start = index
        while start > 0 {
            let byte = bytes[start - 1]
            let isNameByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
            guard isNameByte else { break }
            start -= 1
        }
        guard start > 0,
            bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n")
                || bytes[start - 1] == UInt8(ascii: "\t")
        else { return "" }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacing("&amp;", with: "&").replacing("&#39;", with: "'").replacing("&quot;", with: "\"")
    }
}
