import SiteCompiler
import Yams

/// URL changes: "change the services page URL to /what-we-do". The page file moves, the old URL becomes an
/// alias (redirect), and the menu, header button and every internal link follow.
struct PageURLIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        let patterns: [Regex<(Substring, what: Substring, url: Substring)>] = [
            /(?i)^(?:change|set|move|update)\s+(?:the\s+)?(?<what>.+?)(?:'s)?\s+(?:url|address|path|slug|permalink|link)\s+(?:to|into|=)\s+(?<url>\S+)$/,
            /(?i)^(?:change|set|update)\s+(?:the\s+)?(?:url|address|path|slug)\s+of\s+(?:the\s+)?(?<what>.+?)\s+(?:to|into)\s+(?<url>\S+)$/,
            /(?i)^(?:move)\s+(?:the\s+)?(?<what>.+?)\s+to\s+(?<url>\/\S*)$/,
        ]
        for pattern in patterns {
            guard let match = text.firstMatch(of: pattern) else { continue }
            var raw = String(match.url)
            while let last = raw.last, ".,!".contains(last) { raw.removeLast() }
            let newURL = URLPath.normalized(raw.hasPrefix("/") ? raw : "/" + URLSlug.make(raw) + "/")
            let name = NavIntent.cleanName(String(match.what))
            switch request.site.findPage(name) {
            case .one(let page): return try move(page, to: newURL, request)
            case .ambiguous(let pages):
                let options = pages.map { "\($0.title) (\($0.url))" }
                let question = AgentQuestion(text: "Which page should move to \(newURL): \(Phrase.list(options, conjunction: "or"))?", options: options)
                if case .option(let index) = request.answer(to: question) { return try move(pages[index], to: newURL, request) }
                return .question(question)
            case .none:
                return .noChange("There is no page called “\(name)”.")
            }
        }
        return nil
    }

    private func move(_ page: PageRecord, to newURL: String, _ request: AgentRequest) throws -> Resolution {
        let site = request.site
        guard page.url != newURL else { return .noChange("“\(page.title)” is already at \(newURL).") }
        if let existing = site.page(url: newURL) { return .noChange("\(newURL) is already taken by “\(existing.title)”.") }
        guard !page.isSection, !page.isHome else {
            return .unsupported("Moving the home page or a whole section (\(page.url)) is not supported offline; move the folder under content/ by hand.")
        }
        let segments = newURL.split(separator: "/").map(String.init)
        guard segments.allSatisfy({ URLSlug.make($0) == $0 }) else {
            return .noChange("\(newURL) is not a clean URL; use lower-case words joined by hyphens, like /what-we-do.")
        }
        let newPath = "content/" + segments.joined(separator: "/") + ".md"
        var workspace = request.workspace
        var editor = FrontMatterEditor(try workspace.text(page.path))
        let aliases = (editor.list("aliases") + [page.url]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        editor.set("aliases", value: .list(aliases.map { .string($0) }))
        editor.remove("slug")
        workspace.remove(page.path, step: "moved to \(newPath)")
        workspace.write(newPath, editor.text, step: "moved from \(page.path), alias \(page.url)")
        var updated: [String] = []
        for index in site.nav.indices where URLPath.isInternal(site.nav[index].url) && URLPath.normalized(site.nav[index].url) == page.url {
            try workspace.editSiteYAML(step: "menu “\(site.nav[index].label)” → \(newURL)") { try $0.setNavField("url", to: newURL, at: index) }
            updated.append("the menu")
        }
        let yaml = try workspace.text("site.yaml")
        let retargetedYAML = LinkRewriter.rewrite(yaml, url: page.url) { _ in .retarget(newURL) }
        if retargetedYAML != yaml {
            workspace.write("site.yaml", retargetedYAML, step: "header button → \(newURL)")
            updated.append("the header button")
        }
        for other in site.pages where other.path != page.path {
            let text = try workspace.text(other.path)
            let rewritten = LinkRewriter.rewrite(text, url: page.url) { _ in .retarget(newURL) }
            if rewritten != text {
                workspace.write(other.path, rewritten, step: "links to \(page.url) → \(newURL)")
                updated.append("“\(other.title)”")
            }
        }
        let links = updated.isEmpty ? "No other page linked to it." : "Updated links in \(Phrase.list(updated))."
        return .change(workspace, summary: "Moved “\(page.title)” from \(page.url) to \(newURL) (\(newPath)). The old URL \(page.url) redirects to the new one. \(links)")
    }
}
