import Foundation

/// Site-local asset paths referenced by `src=` and `href=` in HTML (for page weight).
enum HTMLReferences {
    static func localPaths(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["src=\"", "href=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end])
                rest = rest[end...]
                guard value.hasPrefix("/"), !value.hasPrefix("//") else { continue }
                let path = String(value.dropFirst()).split(separator: "#").first.map(String.init) ?? ""
                let clean = path.split(separator: "?").first.map(String.init) ?? path
                if !clean.isEmpty, !clean.hasSuffix("/") { result.append(clean) }
            }
        }
        return result
    }
}
