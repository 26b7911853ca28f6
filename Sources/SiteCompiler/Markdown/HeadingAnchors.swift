internal import Foundation

/// Adds `id` attributes to the bare `<h1>`…`<h6>` tags cmark emits, unique within one page.
package struct HeadingAnchors: Sendable {
    private var used: Set<String> = []
    /// The next suffix to try for each base slug, so n equal headings cost O(n), not O(n²).
    private var nextSuffix: [String: Int] = [:]

    /// A registry with no ids taken.
    package init() {}

    /// Marks an id as taken (for instance `footnotes`), so headings never reuse it.
    package mutating func reserve(_ id: String) { used.insert(id) }

    /// Returns `html` with `<hN>` opening tags rewritten to `<hN id="slug">`.
    package mutating func addIDs(to html: String, scheme: HeadingIDScheme = .github) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var copied = 0
        var position = 0
        // Levels with no closing tag after some point have none after any later point either: searching again
        // for each unclosed `<hN>` (raw HTML) would make the pass quadratic.
        var unclosed = [Bool](repeating: false, count: 7)
        while let open = ByteSearch.find(Array("<h".utf8), in: bytes, from: position) {
            let levelAt = open + 2
            guard levelAt + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[levelAt]),
                bytes[levelAt + 1] == UInt8(ascii: ">"), !unclosed[Int(bytes[levelAt] - UInt8(ascii: "0"))]
            else {
                position = open + 2
                continue
            }
            guard let close = ByteSearch.find(Array("</h".utf8) + [bytes[levelAt], UInt8(ascii: ">")], in: bytes, from: levelAt + 2)
            else {
                unclosed[Int(bytes[levelAt] - UInt8(ascii: "0"))] = true
                position = open + 2
                continue
            }
            let level = bytes[levelAt]
            var inner = String(decoding: bytes[(levelAt + 2)..<close], as: UTF8.self)
            let id: String
            if let explicit = Self.explicitID(in: Substring(inner)) {
                // `## Contact {#contact}` (Pandoc/Hugo syntax): the author chose the id.
                inner = String(explicit.text)
                id = unique(explicit.id, fallback: "section")
            } else {
                id = unique(scheme.id(from: scheme == .github ? HTMLText.textContent(inner) : HTMLText.plain(inner)), fallback: "section")
            }
            output += bytes[copied..<open]
            output += Array("<h".utf8) + [level] + Array(" id=\"\(id)\">".utf8) + Array(inner.utf8)
            copied = close
            position = close
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Splits `Text {#id}` into the text and a valid id (letters, digits, `-`, `_`).
    private static func explicitID(in inner: Substring) -> (text: Substring, id: String)? {
        guard inner.hasSuffix("}"), let open = inner.range(of: "{#", options: .backwards) else { return nil }
        let id = inner[open.upperBound..<inner.index(before: inner.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var text = inner[..<open.lowerBound]
        while text.last == " " { text = text.dropLast() }
        return (text, String(id))
    }

    private mutating func unique(_ slug: String, fallback: String) -> String {
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var counter = nextSuffix[base] ?? 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }
}
