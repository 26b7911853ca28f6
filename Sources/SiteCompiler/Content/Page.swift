internal import Foundation

/// One Markdown page of a site, parsed and placed: where it came from, where it goes, what kind it is.
package struct Page: Sendable {
    /// What a page is, which picks its default layout.
    package enum Kind: String, Sendable {
        /// `content/_index.md`: the site root.
        case home
        /// `content/<dir>/_index.md`: lists the pages under its folder.
        case section
        /// Any other page.
        case page
        /// `/tags/`: generated, lists every tag (each a ``tag`` page).
        case tags
        /// `/tags/<tag>/`: generated, lists the pages with that tag.
        case tag
    }

    /// The fields live in one shared box, copied only when a shared page is changed: pages are copied into every
    /// list, sort and lookup, and copying a dozen strings and arrays each time was a tenth of an incremental build.
    private final class Storage: @unchecked Sendable {
        var kind: Kind
        let source: SourceText
        var url: String {
            didSet { outputPath = PagePath.outputPath(for: url) }
        }
        /// Made from `url` once (it is asked for in every list, key and link check).
        var outputPath: String
        var frontMatter: FrontMatter
        let body: String
        var bodyLineOffset: Int
        var parentURL: String?
        /// Digest of the source text (see ``Page/textDigest``).
        let textDigest: String
        /// Whether the body may link to a `.md` file (``SourceLinks/mayLink(_:)``).
        let mayLink: Bool
        /// Made from the page cache: `source` and `body` are empty.
        let isStub: Bool

        init(
            kind: Kind, source: SourceText, url: String, outputPath: String? = nil, frontMatter: FrontMatter,
            body: String, bodyLineOffset: Int, parentURL: String?, textDigest: String? = nil, mayLink: Bool? = nil,
            isStub: Bool = false
        ) {
            self.kind = kind
            self.source = source
            self.url = url
            self.outputPath = outputPath ?? PagePath.outputPath(for: url)
            self.frontMatter = frontMatter
            self.body = body
            self.bodyLineOffset = bodyLineOffset
            self.parentURL = parentURL
            self.textDigest = textDigest ?? Page.digest(ofText: source.text)
            self.mayLink = mayLink ?? SourceLinks.mayLink(body)
            self.isStub = isStub
        }

        func copy() -> Storage {
            Storage(
                kind: kind, source: source, url: url, outputPath: outputPath, frontMatter: frontMatter, body: body,
                bodyLineOffset: bodyLineOffset, parentURL: parentURL, textDigest: textDigest, mayLink: mayLink,
                isStub: isStub)
        }
    }

    // Never mutated while shared (`unique()` copies first), so sharing across threads is safe.
    private var storage: Storage

    /// A page.
    package init(
        kind: Kind, source: SourceText, url: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int,
        parentURL: String?
    ) {
        storage = Storage(
            kind: kind, source: source, url: url, frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset,
            parentURL: parentURL)
    }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Home, section or regular page.
    package var kind: Kind {
        get { storage.kind }
        set { unique(); storage.kind = newValue }
    }
    /// The source, e.g. `content/blog/hello.md`, with its text for excerpts (empty in a stub: see ``isStub``).
    package var source: SourceText { storage.source }
    /// Site-relative URL with a trailing slash: `/`, `/about/`, `/blog/hello/`.
    package var url: String {
        get { storage.url }
        set { unique(); storage.url = newValue }
    }
    /// The parsed front matter.
    package var frontMatter: FrontMatter {
        get { storage.frontMatter }
        set { unique(); storage.frontMatter = newValue }
    }
    /// The Markdown after the front matter (empty in a stub: see ``isStub``).
    package var body: String { storage.body }
    /// File lines before `body`.
    package var bodyLineOffset: Int {
        get { storage.bodyLineOffset }
        set { unique(); storage.bodyLineOffset = newValue }
    }
    /// URL of the nearest home page or section above this page: the one that lists it (nil for the home page,
    /// and for pages with no list page above them).
    package var parentURL: String? {
        get { storage.parentURL }
        set { unique(); storage.parentURL = newValue }
    }

    /// A digest of the source file's text: what a body's key needs of it, without the text.
    package var textDigest: String { storage.textDigest }
    /// Whether the body may link to a `.md` file, so its rendering depends on where pages live.
    package var mayLink: Bool { storage.mayLink }
    /// Made from the page cache (``ParsedPage``) without reading the file: everything lists, keys and navigation
    /// need is here, but `source` and `body` are empty. A stub is never rendered: ``ContentLoader/hydrate(_:data:)``
    /// reads the file into a full page first.
    package var isStub: Bool { storage.isStub }

    /// A stub page for `path` from what an earlier build parsed of it.
    package init(stub parsed: ParsedPage, path: String) {
        storage = Storage(
            kind: parsed.kind, source: SourceText(path: path, text: ""), url: parsed.url, outputPath: parsed.outputPath,
            frontMatter: parsed.frontMatter,
            body: "", bodyLineOffset: parsed.bodyLineOffset, parentURL: nil, textDigest: parsed.textDigest,
            mayLink: parsed.mayLink, isStub: true)
    }

    /// The same page with the text of its file: `source`, `body` and `bodyLineOffset` from `parsed`, the rest
    /// (placement, front matter, parent) as this page has them.
    package func filled(source: SourceText, body: String, bodyLineOffset: Int) -> Page {
        var page = self
        page.storage = Storage(
            kind: kind, source: source, url: url, outputPath: outputPath, frontMatter: frontMatter, body: body,
            bodyLineOffset: bodyLineOffset, parentURL: parentURL)
        return page
    }

    /// The digest ``textDigest`` holds.
    package static func digest(ofText text: String) -> String {
        var digest = ContextDigest()
        digest.add(text)
        return digest.finish()
    }

    /// Made by the compiler (tag pages), not written by anyone: no source file.
    package var isGenerated: Bool { kind == .tags || kind == .tag }

    /// Lists pages (home, sections, tag pages).
    package var isList: Bool { kind != .page }

    /// `content/…` path of the source.
    package var sourcePath: String { source.path }
    /// Marked `draft: true`.
    package var isDraft: Bool { frontMatter.draft }

    /// The front matter title, else a title made from the file name (`hello-world` → `Hello world`).
    package var title: String {
        if let title = frontMatter.title, !title.isEmpty { return title }
        // The decoded name (`/%5B%5B/` → `[[`), as the file was called.
        let segment = url.split(separator: "/").last.map { String(PagePath.fileName(forSegment: $0)) } ?? ""
        let words = segment.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The file that holds the page's HTML: `/about/` → `about/index.html`, `/` → `index.html`.
    package var outputPath: String { storage.outputPath }
}
