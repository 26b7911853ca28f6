/// Pulls link targets (`href`, `src`, `poster`) and element ids out of HTML. Tolerant, not a parser: good for the
/// quoted attributes our templates and cmark produce.
enum HTMLLinks {
    /// What a page links to and which `#fragments` it offers.
    struct Scan: Sendable, Equatable {
        var links: [String] = []
        var ids: [String] = []
    }

    static func extract(from html: String) -> [String] {
        scan(html).links
    }

    static func scan(_ html: String) -> Scan {
        var html = html
        return html.withUTF8 { bytes in
            var result = Scan()
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "=") else {
                    index += 1
                    continue
                }
                let kind = attribute(endingBefore: index, in: bytes)
                var cursor = index + 1
                index += 1
                guard kind != .other, cursor < bytes.count else { continue }
                let quote = bytes[cursor]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                cursor += 1
                let start = cursor
                while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                let value = decodeEntities(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self))
                if kind == .link { result.links.append(value) } else { result.ids.append(value) }
                index = cursor + 1
            }
            return result
        }
    }

    private enum Attribute { case link, id, other }

    private static func attribute(endingBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Attribute {
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
        else { return .other }
        switch index - start {
        case 2 where bytes[start] == UInt8(ascii: "i") && bytes[start + 1] == UInt8(ascii: "d"): return .id
        case 3 where bytes[start] == UInt8(ascii: "s") && bytes[start + 1] == UInt8(ascii: "r")
            && bytes[start + 2] == UInt8(ascii: "c"): return .link
        case 4 where bytes[start] == UInt8(ascii: "h") && bytes[start + 1] == UInt8(ascii: "r")
            && bytes[start + 2] == UInt8(ascii: "e") && bytes[start + 3] == UInt8(ascii: "f"): return .link
        case 6 where String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) == "poster":
            return .link
        default: return .other
        }
    }

    private static func decodeEntities(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacing("&amp;", with: "&").replacing("&#39;", with: "'").replacing("&quot;", with: "\"")
    }
}
