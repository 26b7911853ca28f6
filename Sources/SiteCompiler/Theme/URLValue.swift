internal import Foundation

/// What counts as a URL in props and config: web and mail links, site paths, relative paths and anchors; never
/// `javascript:` or `data:` (an agent-written page must not run script).
package enum URLValue {
    private static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// nil when acceptable, else what is wrong with it (phrased to follow the prop name).
    package static func problem(with url: String) -> String? {
        if url.isEmpty { return "is empty" }
        if url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) {
            return "contains spaces or characters not allowed in a URL"
        }
        // Browsers drop control characters around and inside a scheme ("\u{1}javascript:" runs script).
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "contains control characters"
        }
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            let looksLikeScheme =
                scheme.first?.isLetter == true
                && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            if looksLikeScheme, !allowedSchemes.contains(scheme.lowercased()) {
                return "uses the scheme \"\(scheme):\", which is not allowed"
            }
        }
        return nil
    }

    /// True for links that stay on the site: `/about/`, `../img/a.png`, `#top` (not `//host`, not `https:`).
    package static func isSiteRelative(_ url: String) -> Bool {
        if url.hasPrefix("//") { return false }
        if url.hasPrefix("/") { return true }
        if let colon = url.firstIndex(of: ":") {
            let before = url[..<colon]
            if !before.contains("/"), !before.contains("?"), !before.contains("#") { return false }
        }
        return true
    }
}
