internal import Foundation
/// The mapping from content files to URLs and from URLs to output files (Hugo's rules, see docs/formats.md).
package enum PagePath {
    /// What a content path stands for.
    package struct Placement: Sendable, Equatable {
        /// Home, section or page.
        package var kind: Page.Kind
        /// URL before any `slug:` is applied.
        package var url: String
        /// Folder URL whose `_index.md` would list this page (`/blog/` for `content/blog/a.md`).
        package var folderURL: String
    }

    /// Where `content/404.md` goes.
    package static let notFoundURL = "/404.html"

    /// Places `content/…/*.md`; nil for paths outside `content/` or not ending in `.md`.
    package static func placement(of path: String) -> Placement? {
        guard path.hasPrefix("content/"), path.hasSuffix(".md") else { return nil }
        var segments = path.dropFirst("content/".count).dropLast(".md".count).split(separator: "/").map(String.init)
        guard let file = segments.popLast() else { return nil }
        let folder = segments.map(urlSegment)
        let folderURL = url(folder)
        switch file {
        case "404" where folder.isEmpty:
            // The custom "not found" page is served for any missing address, so it lives at /404.html.
            return Placement(kind: .page, url: notFoundURL, folderURL: "/")
        case "_index":
            return Placement(kind: folder.isEmpty ? .home : .section, url: folderURL, folderURL: folderURL)
        case "index":
            // A leaf bundle (`about/index.md` → `/about/`); at the root it is the home page.
            let parent = url(Array(folder.dropLast()))
            return Placement(kind: folder.isEmpty ? .home : .page, url: folderURL, folderURL: parent)
        default:
            return Placement(kind: .page, url: url(folder + [urlSegment(file)]), folderURL: folderURL)
        }
    }

    /// `url` with its last segment replaced by `slug` (`/blog/a/` + `hello` → `/blog/hello/`).
    package static func applying(slug: String, to url: String) -> String {
        var segments = url.split(separator: "/").map(String.init)
        let cleaned = slug.split(separator: "/").map { urlSegment(String($0)) }.filter { !$0.isEmpty && $0 != "." && $0 != ".." }
        guard !cleaned.isEmpty else { return url }
        if !segments.isEmpty { segments.removeLast() }
        return self.url(segments + cleaned)
    }

    /// `/about/` → `about/index.html`; `/feed.xml` → `feed.xml`; `/` → `index.html`; `/%5B/` → `[/index.html`.
    /// Empty, `.` and `..` segments are dropped, so no URL (a slug, an alias) can name a file outside the output.
    package static func outputPath(for url: String) -> String {
        var segments = url.split(separator: "/", omittingEmptySubsequences: true)
        // `/%5B%5B/` is written to `[[/index.html`, as servers decode a request before looking for its file.
        let encoded = url.utf8.contains(UInt8(ascii: "%"))
        if encoded { segments = segments.map(fileName(forSegment:)) }
        let unsafe = encoded || segments.contains { $0 == "." || $0 == ".." } || url.hasPrefix("//") || url.contains("\\")
        let cleaned = unsafe
            ? segments.filter { $0 != "." && $0 != ".." }.map { $0.replacingOccurrences(of: "\\", with: "-") }.joined(separator: "/")
                + (url.hasSuffix("/") ? "/" : "")
            : url
        let trimmed = String(cleaned.drop { $0 == "/" })
        if trimmed.isEmpty { return "index.html" }
        if trimmed.hasSuffix("/") { return trimmed + "index.html" }
        if let last = trimmed.split(separator: "/").last, last.contains(".") { return trimmed }
        return trimmed + "/index.html"
    }

    /// Normalises a site URL written by a person (`about`, `/about`, `/about/`) to `/about/`; keeps files
    /// (`/feed.xml`), queries and fragments as they are.
    package static func normalize(_ url: String) -> String {
        var path = url
        var suffix = ""
        if let index = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(path[index...])
            path = String(path[..<index])
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/"), !(path.split(separator: "/").last?.contains(".") ?? false) { path += "/" }
        return path + suffix
    }

    private static func url(_ segments: [String]) -> String {
        segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    /// A file or folder name as a URL segment: lower case, each run of white space one `-`, letters and digits of
    /// any script, `-._~` and the path-safe punctuation `!$+,=@` kept; everything else (`[`, `%`, `#`, `?`, `:`,
    /// quotes, brackets, …) percent-encoded as UTF-8, and so are letters outside ASCII, as Hugo does. Distinct
    /// names give distinct segments except for case and space-versus-hyphen, so `clang.md`, `clang++.md`, `[.md`
    /// and `[[.md` each get their own address (`/clang/`, `/clang++/`, `/%5B/`, `/%5B%5B/`).
    package static func urlSegment(_ name: String) -> String {
        // Names already made of lower-case ASCII letters, digits and `-_.~` (nearly all) are their own segment.
        if name.utf8.allSatisfy({ byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                || byte == 0x2E || byte == 0x7E
        }) {
            return name
        }
        var segment: [UInt8] = []
        var inSpace = false
        for character in name.lowercased() {
            if character.isWhitespace {
                if !inSpace { segment.append(UInt8(ascii: "-")) }
                inSpace = true
                continue
            }
            inSpace = false
            for byte in String(character).utf8 {
                if isKept(byte) {
                    segment.append(byte)
                } else {
                    segment.append(UInt8(ascii: "%"))
                    segment.append(hexDigits[Int(byte >> 4)])
                    segment.append(hexDigits[Int(byte & 0x0F)])
                }
            }
        }
        return String(decoding: segment, as: UTF8.self)
    }

    /// The file or folder name a URL segment stands for in the output: percent-encoding undone, except where the
    /// result would be empty, `.`, `..`, or hold `/`, `\` or NUL (then the segment is kept as written).
    package static func fileName(forSegment segment: Substring) -> Substring {
        guard segment.utf8.contains(UInt8(ascii: "%")), let decoded = segment.removingPercentEncoding, !decoded.isEmpty,
            decoded != ".", decoded != "..", !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\u{0}")
        else { return segment }
        return Substring(decoded)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "@"): true
        default: false
        }
    }
}
