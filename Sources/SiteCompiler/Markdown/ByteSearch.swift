/// Substring search over UTF-8 bytes: Foundation's `range(of:)` goes through UTF-16 and Unicode-aware comparison,
/// which dominated the HTML passes over every page.
enum ByteSearch {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        haystack.withUnsafeBufferPointer { find(needle, in: $0, from: start) }
    }

    /// Whether `needle` occurs in `text` (bytes compared in place, no copy).
    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { find(Array(needle.utf8), in: $0, from: 0) != nil }
    }

    /// `text` with its first `target` replaced by `replacement`; nil when `target` does not occur.
    static func replacingFirst(_ target: String, with replacement: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let at = find(Array(target.utf8), in: bytes, from: 0) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacement.utf8.count)
        output += bytes[..<at]
        output += replacement.utf8
        output += bytes[(at + target.utf8.count)...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var index = start
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
