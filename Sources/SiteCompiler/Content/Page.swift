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

    /// Home, section or regular page.
    package var kind: Kind
    /// The source, e.g. `content/blog/hello.md`, with its text for excerpts.
    package var source: SourceText
    /// Site-relative URL with a trailing slash: `/`, `/about/`, `/blog/hello/`.
    package var url: String
    /// The parsed front matter.
    package var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    package var body: String
    /// File lines before `body`.
    package var bodyLineOffset: Int
    /// URL of the nearest home page or section above this page: the one that lists it (nil for the home page,
    /// and for pages with no list page above them).
    package var parentURL: String?

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
        let segment = url.split(separator: "/").last.map(String.init) ?? ""
        let words = segment.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The file that holds the page's HTML: `/about/` → `about/index.html`, `/` → `index.html`.
    package var outputPath: String { PagePath.outputPath(for: url) }
}
