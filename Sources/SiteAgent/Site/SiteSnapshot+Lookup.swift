import Foundation

extension SiteSnapshot {
    /// Finds the page the user means by title, file name, URL or (for `/`) "home".
    func findPage(_ query: String, where include: (PageRecord) -> Bool = { _ in true }) -> Lookup<PageRecord> {
        let trimmed = query.trimmingWhitespace
        if URLPath.looksLikePath(trimmed), let page = page(url: trimmed), include(page) { return .one(page) }
        let scored = pages.filter(include).map { page in (page, names(of: page).map { NameMatcher.score(trimmed, $0) }.max() ?? 0) }
        let found = Self.best(scored)
        // "the install page" for “Installation”, "the config guide" for “Configuration”: a word that begins exactly
        // one page's one-word name.
        if case .none = found, !trimmed.contains(" "), trimmed.count >= 4 {
            let lowered = trimmed.lowercased()
            let prefixed = pages.filter(include).filter { page in
                names(of: page).contains { name in !name.contains(" ") && name.lowercased().hasPrefix(lowered) && name.count > lowered.count }
            }
            if prefixed.count == 1 { return .one(prefixed[0]) }
        }
        // "the festival project page" for “Harbour Festival identity”: the distinctive words (not "project",
        // "post", …) all in exactly one page's title or file name.
        if case .none = found {
            let generic: Set<String> = ["project", "projects", "post", "posts", "article", "page", "case", "study", "work", "the", "my", "our", "blog", "entry", "guide", "doc", "docs"]
            let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !generic.contains($0) && $0.count >= 3 }
            if !words.isEmpty {
                let containing = pages.filter(include).filter { page in
                    let have = names(of: page).flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
                    return words.allSatisfy { word in have.contains { $0 == word || word.count >= 5 && NameMatcher.sameWord(word, $0) } }
                }
                if containing.count == 1 { return .one(containing[0]) }
            }
        }
        return found
    }

    /// Finds the menu item the user means by label, or by the page it points to.
    func findNavItem(_ query: String) -> Lookup<Int> {
        let trimmed = query.trimmingWhitespace
        if URLPath.looksLikePath(trimmed), let index = navIndex(url: trimmed) { return .one(index) }
        let scored = nav.indices.map { index in
            var names = [nav[index].label]
            if let page = page(url: nav[index].url) { names += self.names(of: page) }
            return (index, names.map { NameMatcher.score(trimmed, $0) }.max() ?? 0)
        }
        return Self.best(scored)
    }

    /// The names a page answers to.
    func names(of page: PageRecord) -> [String] {
        var names = [page.title, page.fileName.replacingOccurrences(of: "-", with: " ")]
        if page.isHome { names += ["home", "homepage", "front page", "landing page", "start page", "index"] }
        return names
    }

    /// The single best match above the threshold, or all matches tied for best.
    static func best<Item>(_ scored: [(Item, Double)]) -> Lookup<Item> {
        let accepted = scored.filter { $0.1 >= NameMatcher.threshold }
        guard let top = accepted.map(\.1).max() else { return .none }
        let tied = accepted.filter { $0.1 >= top - 0.001 }.map(\.0)
        return tied.count == 1 ? .one(tied[0]) : .ambiguous(tied)
    }
}
