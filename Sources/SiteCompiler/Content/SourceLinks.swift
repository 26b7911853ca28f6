internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Markdown links to content files (`[Setup](../guide/setup.md#install)`) rewritten to the addresses of the pages
/// those files produce (`/guide/setup/#install`), so a site reads the same on GitHub and when built.
///
/// A relative path resolves from the linking file's folder; a path starting with `/` from `content/`. Links to
/// `.md` files that are not pages of the site are left as written, and the link checker reports them.
struct SourceLinks: Sendable {
    /// Page URL by source path (`content/guide/setup.md` → `/guide/setup/`), drafts included.
    let urlBySource: [String: String]

    init(pages: [Page]) {
        urlBySource = Dictionary(pages.map { ($0.sourcePath, $0.url) }, uniquingKeysWith: { first, _ in first })
    }

    /// A digest of every source → URL pair: part of the key of each body that may link to a source file, so a
    /// rename or a new `slug:` renders those bodies again.
    var digest: String {
        var digest = ContextDigest()
        digest.add("source-links")
        for source in urlBySource.keys.sorted() {
            digest.add(source)
            digest.add(urlBySource[source] ?? "-")
        }
        return digest.finish()
    }

    /// The address `href` stands for when it names a content file that is a page, else nil (leave it as it is).
    /// The path resolves as the link checker resolves links: from the linking file's folder, or from `content/`
    /// when it starts with `/`.
    func rewrite(_ href: String, from sourcePath: String) -> String? {
        guard let split = Self.split(href) else { return nil }
        let link = split.path.hasPrefix("/") ? "/content" + split.path : split.path
        guard let resolved = LinkChecker.resolve(link, from: sourcePath), let url = urlBySource[resolved] else {
            return nil
        }
        return url + split.suffix
    }

    /// Whether Markdown may hold a link to a `.md` file (a cheap byte scan for `.md`, any case), so bodies
    /// without one skip the rewrite and keep their keys when pages move.
    static func mayLink(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count >= 3 else { return false }
            var offset = 0
            // memchr for each '.', then a look at the two bytes after it.
            while offset <= buffer.count - 3 {
                guard let hit = memchr(base + offset, Int32(UInt8(ascii: ".")), buffer.count - 2 - offset) else {
                    return false
                }
                let index = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                if base[index + 1] | 0x20 == UInt8(ascii: "m"), base[index + 2] | 0x20 == UInt8(ascii: "d") { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// `a/b.md#x` → (`a/b.md`, `#x`); nil for external links, fragments alone and paths not ending in `.md`.
    private static func split(_ href: String) -> (path: String, suffix: String)? {
        guard !href.isEmpty, !href.hasPrefix("#"), !href.hasPrefix("//"), URLValue.isSiteRelative(href) else {
            return nil
        }
        let end = href.firstIndex { $0 == "#" || $0 == "?" } ?? href.endIndex
        let path = String(href[..<end])
        guard path.lowercased().hasSuffix(".md") else { return nil }
        return (path, String(href[end...]))
    }
}
