internal import Foundation

/// Adds `id` attributes to the bare `<h1>`…`<h6>` tags cmark emits, unique within one page.
package struct HeadingAnchors: Sendable {
    private var used: Set<String> = []

    /// A registry with no ids taken.
    package init() {}

    /// Marks an id as taken (for instance `footnotes`), so headings never reuse it.
    package mutating func reserve(_ id: String) { used.insert(id) }

    /// Returns `html` with `<hN>` opening tags rewritten to `<hN id="slug">`.
    package mutating func addIDs(to html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            output += rest[..<open.lowerBound]
            let afterH = rest[open.upperBound...]
            guard let level = afterH.first, ("1"..."6").contains(level),
                afterH.dropFirst().first == ">",
                let close = afterH.range(of: "</h\(level)>")
            else {
                output += "<h"
                rest = afterH
                continue
            }
            var inner = afterH[afterH.index(afterH.startIndex, offsetBy: 2)..<close.lowerBound]
            let id: String
            if let explicit = Self.explicitID(in: inner) {
                // `## Contact {#contact}` (Pandoc/Hugo syntax): the author chose the id.
                inner = explicit.text
                id = unique(explicit.id, fallback: "section")
            } else {
                id = unique(Slug.make(from: HTMLText.plain(String(inner))), fallback: "section")
            }
            output += "<h\(level) id=\"\(id)\">" + inner + "</h\(level)>"
            rest = afterH[close.upperBound...]
        }
        output += rest
        return output
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
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
