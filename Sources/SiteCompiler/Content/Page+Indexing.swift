extension Page {
    /// Front matter `noindex: true`: built and linkable, but kept out of the sitemap and the search index.
    package var isNoIndex: Bool { frontMatter.params["noindex"]?.bool == true }
}
