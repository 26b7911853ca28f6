/// The typed front matter of a page (see docs/formats.md), plus any keys the format does not define.
package struct FrontMatter: Sendable, Equatable {
    /// Page title.
    package var title: String?
    /// `<meta name=description>` and list text.
    package var description: String?
    /// Publication date; lists sort newest first.
    package var date: PageDate?
    /// Last update.
    package var updated: PageDate?
    /// Left out of builds unless drafts are asked for.
    package var draft = false
    /// Free-form tags.
    package var tags: [String] = []
    /// Order among undated pages (lower first).
    package var weight: Int?
    /// Replaces the last URL segment.
    package var slug: String?
    /// Old URLs that redirect here.
    package var aliases: [String] = []
    /// Theme layout to use instead of the default.
    package var layout: String?
    /// Text for lists and feeds.
    package var summary: String?
    /// Keys outside the format, kept for themes (`{{page.params.x}}`) and later features.
    package var params: [String: YAMLNode] = [:]

    /// Empty front matter: every key absent.
    package init() {}

    /// Keys the format defines.
    package static let knownKeys: Set<String> = [
        "title", "description", "date", "updated", "draft", "tags", "weight", "slug", "aliases", "layout",
        "summary",
    ]
}
