import SiteCompiler
import Yams

/// Page titles: "rename the About page to Our Story". The URL stays; menu labels pointing at the page follow.
struct PageRenameIntent: DefersRefusals {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        let patterns: [Regex<(Substring, what: Substring, new: Substring)>] = [
            /(?i)^(?:rename|retitle)\s+(?<what>.+?)\s+(?:to|as|into)\s+(?<new>.+)$/,
            /(?i)^(?:change|set|update)\s+(?:the\s+)?(?:title|name)\s+of\s+(?<what>.+?)\s+(?:to|as)\s+(?<new>.+)$/,
            /(?i)^(?:change|set|update)\s+(?<what>.+?)(?:'s|\s+page(?:'s)?)\s+(?:title|name)\s+(?:to|as)\s+(?<new>.+)$/,
            /(?i)^call\s+(?<what>.+?\s+page)\s+(?<new>.+)$/,
        ]
        for (number, pattern) in patterns.enumerated() {
            guard let match = text.firstMatch(of: pattern) else { continue }
            // "change the Services page title to …": the page's title only; the menu label stays.
            let titleOnly = (number == 1 || number == 2) && text.lowercased().contains("title")
            let name = NavIntent.cleanName(String(match.what))
            let newTitle = Phrase.value(String(match.new))
            if name.lowercased().contains(/^(?:site|website)$/) { return nil }
            switch request.site.findPage(name) {
            case .one(let page):
                return try Self.rename(page, to: newTitle, request, menu: !titleOnly)
            case .ambiguous(let pages):
                let options = pages.map { "\($0.title) (\($0.url))" }
                let question = AgentQuestion(text: "Which page should be renamed to “\(newTitle)”: \(Phrase.list(options, conjunction: "or"))?", options: options)
                if case .option(let index) = request.answer(to: question) { return try Self.rename(pages[index], to: newTitle, request) }
                return .question(question)
            case .none:
                return .noChange("There is no page called “\(name)”. Pages: \(Phrase.list(request.site.pages.filter { !$0.isPost }.map(\.title))).")
            }
        }
        return nil
    }

    /// Sets the page's title and relabels menu items pointing at it; the URL does not change.
    static func rename(_ page: PageRecord, to title: String, _ request: AgentRequest, menu relabel: Bool = true) throws -> Resolution {
        guard page.title != title else { return .noChange("The page is already called “\(title)”.") }
        var workspace = request.workspace
        try workspace.editFrontMatter(page.path, step: "title: \(title)") { $0.set("title", value: .string(title)) }
        let linked = request.site.nav.indices.filter { URLPath.normalized(request.site.nav[$0].url) == page.url }
        let menuItems = relabel ? linked : []
        for index in menuItems {
            try workspace.editSiteYAML(step: "menu label “\(request.site.nav[index].label)” → “\(title)”") {
                try $0.setNavField("label", to: title, at: index)
            }
        }
        let menu = menuItems.isEmpty ? "" : " and menu label"
        let kept = !relabel && !linked.isEmpty ? " The menu still says “\(request.site.nav[linked[0]].label)”; say “rename \(request.site.nav[linked[0]].label) to \(title) in the menu” to change it too." : ""
        return .change(workspace, summary: "Renamed “\(page.title)” to “\(title)” (page title\(menu)).\(kept) The URL stays \(page.url), so existing links keep working; say “change the \(page.title) page URL to /\(URLSlug.make(title))” to move it.")
    }
}
