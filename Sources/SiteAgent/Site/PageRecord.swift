/// What the agent knows about one page of the site's content.
struct PageRecord: Equatable {
    /// Source path, `content/about.md`.
    var path: String
    /// Public URL, `/about/`.
    var url: String
    /// Front matter `title`, or a title made from the file name.
    var title: String
    /// Front matter `draft: true`.
    var isDraft: Bool
    /// Front matter `date` as written.
    var date: String?
    /// An `_index.md` page: the home page or a section that lists its pages.
    var isSection: Bool
    /// The URL of the section listing this page (`/blog/` for a post), when the folder has an `_index.md`.
    var sectionURL: String?
    /// The file's own name without extension (`hello-world`), or the folder's for an `_index.md` (`home` at the root).
    var fileName: String

    /// A dated entry of a section, such as a blog post.
    var isPost: Bool { !isSection && sectionURL != nil && sectionURL != "/" }

    var isHome: Bool { url == "/" }
}
