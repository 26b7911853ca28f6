/// Site-internal URL paths as the compiler writes them (`/about/`).
enum URLPath {
    /// `/services` → `/services/`, `services` → `/services/`, `/` stays; external URLs, anchors and files
    /// (`/img/a.jpg`) are returned unchanged.
    static func normalized(_ url: String) -> String {
        let trimmed = url.trimmingWhitespace
        guard isInternal(trimmed) else { return trimmed }
        var path = trimmed.hasPrefix("/") ? trimmed : "/" + trimmed
        let lastSegment = path.split(separator: "/").last ?? ""
        if !path.hasSuffix("/"), !lastSegment.contains("."), !path.contains("#"), !path.contains("?") { path += "/" }
        return path
    }

    /// Whether `url` points inside the site (no scheme, no `//` host, not `mailto:`).
    static func isInternal(_ url: String) -> Bool {
        !url.contains("://") && !url.hasPrefix("//") && !url.lowercased().hasPrefix("mailto:") && !url.lowercased().hasPrefix("tel:")
            && !url.hasPrefix("#")
    }

    /// Whether `text` looks like a site path the user typed (`/what-we-do`).
    static func looksLikePath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.contains(" ")
    }
}
