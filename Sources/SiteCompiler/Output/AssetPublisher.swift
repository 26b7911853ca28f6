internal import Crypto
internal import Foundation

/// Publishes theme assets under `/assets/`: stylesheets and scripts get a content hash in their name
/// (`style.3f2a9c1b7d.css`) so a server may cache them forever; other files keep their names.
struct AssetPublisher {
    /// Files to write (output path → bytes) and the URL map layouts see as `assets`.
    struct Published {
        var files: [String: Data] = [:]
        var urls: [String: String] = [:]
    }

    /// Extensions that are fingerprinted.
    static let fingerprinted: Set<String> = ["css", "js"]

    /// `assets` (paths relative to the theme's `assets/`) plus the generated `tokens.css`.
    static func publish(assets: SiteFiles, tokensCSS: String) -> Published {
        var published = Published()
        var all = assets.files
        all["tokens.css"] = Data(tokensCSS.utf8)
        for path in all.keys.sorted() {
            guard let data = all[path] else { continue }
            let target = "assets/" + fingerprintedName(path, data: data)
            published.files[target] = data
            published.urls[key(for: path)] = "/" + target
        }
        if let style = published.urls["style_css"] { published.urls["css"] = style }
        if let tokens = published.urls["tokens_css"] { published.urls["tokens_css"] = tokens }
        return published
    }

    /// `css/site.css` → `css/site.<10 hex>.css`; other extensions unchanged.
    static func fingerprintedName(_ path: String, data: Data) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        let ext = String(path[path.index(after: dot)...])
        guard fingerprinted.contains(ext) else { return path }
        let digest = SHA256.hash(data: data).prefix(5).map { String(format: "%02x", $0) }.joined()
        return "\(path[..<dot]).\(digest).\(ext)"
    }

    /// `style.css` → `style_css`, `js/search.js` → `js_search_js`: a name Mustache can look up.
    static func key(for path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
