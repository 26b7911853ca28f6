/// Small helpers for HTML text: escaping, and reducing a fragment to its plain text.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    package static func escape(_ text: String) -> String {
        escape(text, apostrophe: "&#39;")
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` (as `apostrophe`: `&#39;` for HTML, `&apos;` for XML) over UTF-8
    /// bytes; text with none of them is returned as it is, without copying.
    static func escape(_ text: String, apostrophe: StaticString) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: output += "&amp;".utf8
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0x22: output += "&quot;".utf8
            case 0x27: output += UnsafeBufferPointer(start: apostrophe.utf8Start, count: apostrophe.utf8CodeUnitCount)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of an HTML fragment: tags dropped (each counts as a space), the common entities decoded,
    /// whitespace collapsed to single spaces and trimmed.
    package static func plain(_ html: String) -> String {
        plain(html, stopAfterBytes: Int.max)
    }

    /// The first `characters` characters of ``plain(_:)``, without reducing the whole fragment.
    package static func plainPrefix(_ html: String, characters: Int) -> String {
        String(plain(html, stopAfterBytes: characters * 4 + 8).prefix(characters))
    }

    /// The text of the first `<p>…</p>` of `html`, if it has one.
    static func firstParagraph(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes -> String? in
            guard let start = find(Array("<p>".utf8), in: bytes, from: 0),
                let end = find(Array("</p>".utf8), in: bytes, from: start + 3)
            else { return nil }
            return plain(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 3)..<end]), as: UTF8.self))
        }
    }

    /// Byte offset of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private static let entities: [([UInt8], [UInt8])] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "),
        ("&amp;", "&"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// One pass over the bytes: tags, entities and whitespace handled together. Stops once `limit` bytes of text
    /// are out (the caller trims to characters).
    private static func plain(_ html: String, stopAfterBytes limit: Int) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit))
            var inTag = false
            var pendingSpace = false
            var index = 0
            func emit(_ byte: UInt8) {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B {
                    pendingSpace = true
                    return
                }
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            while index < bytes.count, out.count < limit {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    inTag = true
                } else if byte == UInt8(ascii: ">"), inTag {
                    inTag = false
                    pendingSpace = true
                } else if !inTag {
                    if byte == UInt8(ascii: "&"), let (length, replacement) = entity(at: index, in: bytes) {
                        replacement.forEach(emit)
                        index += length
                        continue
                    }
                    emit(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text as a browser's `textContent` gives it: tags removed (no space put in their place), entities
    /// decoded, whitespace as written. GitHub's heading ids are made from this.
    package static func textContent(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var inTag = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    inTag = true
                } else if byte == UInt8(ascii: ">"), inTag {
                    inTag = false
                } else if !inTag {
                    if byte == UInt8(ascii: "&"), let (length, replacement) = entity(at: index, in: bytes) {
                        out += replacement
                        index += length
                        continue
                    }
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func entity(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, [UInt8])? {
        for (name, replacement) in entities where index + name.count <= bytes.count {
            var matched = true
            for offset in 1..<name.count where bytes[index + offset] != name[offset] {
                matched = false
                break
            }
            if matched { return (name.count, replacement) }
        }
        return nil
    }
}
