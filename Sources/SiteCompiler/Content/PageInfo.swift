/// A page as callers outside the compiler see it (listing pages, linking a version's pages, agent context).
package struct PageInfo: Sendable, Equatable, Codable {
    /// Site-relative URL, e.g. `/blog/hello/`.
    package var url: String
    /// Front matter title, else one made from the file name.
    package var title: String
    /// Source file, e.g. `content/blog/hello.md`.
    package var sourcePath: String
    /// Marked `draft: true`.
    package var draft: Bool
    /// Output file holding the page, nil when the page was not built (a draft without `drafts`).
    package var outputPath: String?

    /// A page summary.
    package init(url: String, title: String, sourcePath: String, draft: Bool, outputPath: String?) {
        self.url = url
        self.title = title
        self.sourcePath = sourcePath
        self.draft = draft
        self.outputPath = outputPath
    }
}
