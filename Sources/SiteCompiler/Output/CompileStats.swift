/// How much work a build did: what it rendered and what it reused from an earlier build's cache.
package struct CompileStats: Sendable, Equatable {
    /// Page layouts rendered (pages, the 404 page).
    package var pagesRendered = 0
    /// Page layouts whose HTML came from the cache because every input was unchanged.
    package var pagesReused = 0
    /// Markdown bodies parsed and rendered (with their components).
    package var bodiesRendered = 0
    /// Markdown bodies taken from the cache.
    package var bodiesReused = 0

    /// Counts; all zero by default.
    package init(pagesRendered: Int = 0, pagesReused: Int = 0, bodiesRendered: Int = 0, bodiesReused: Int = 0) {
        self.pagesRendered = pagesRendered
        self.pagesReused = pagesReused
        self.bodiesRendered = bodiesRendered
        self.bodiesReused = bodiesReused
    }
}
