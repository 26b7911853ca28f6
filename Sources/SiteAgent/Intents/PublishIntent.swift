import SiteCompiler
import Yams

/// Draft state of pages and posts: "unpublish the hello world post", "publish the spring update post".
struct PublishIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        if let match = text.firstMatch(of: /(?i)^(?<verb>unpublish|un-publish|publish|hide|draft)\s+(?<what>.+?)[.!]?$/) {
            let verb = String(match.verb).lowercased()
            return try setDraft(!(verb == "publish"), String(match.what), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:make|turn|set|mark)\s+(?<what>.+?)\s+(?:(?:back\s+)?(?:in)?to\s+|as\s+)?(?:a\s+)?(?<state>draft|public|published|live|visible|private|hidden|unpublished)[.!]?$/) {
            let state = String(match.state).lowercased()
            return try setDraft(["draft", "private", "hidden", "unpublished"].contains(state), String(match.what), request)
        }
        return nil
    }

    private func setDraft(_ draft: Bool, _ what: String, _ request: AgentRequest) throws -> Resolution? {
        let name = Phrase.withoutArticles(Phrase.value(what))
        if name.lowercased().contains(/^(?:site|website|it|everything|the site|changes|version)\b/) { return nil }
        switch request.site.findPage(name) {
        case .one(let page):
            return try apply(draft, to: page, request)
        case .ambiguous(let pages):
            let question = AgentQuestion(
                text: "Which one should I \(draft ? "unpublish" : "publish"): \(Phrase.list(pages.map { "\($0.title) (\($0.url))" }, conjunction: "or"))?",
                options: pages.map { "\($0.title) (\($0.url))" })
            if case .option(let index) = request.answer(to: question) { return try apply(draft, to: pages[index], request) }
            return .question(question)
        case .none:
            let posts = request.site.pages.filter(\.isPost).map { $0.title + ($0.isDraft ? " (draft)" : "") }
            return .noChange("There is no page or post called “\(name)”." + (posts.isEmpty ? "" : " Posts: \(Phrase.list(posts))."))
        }
    }

    private func apply(_ draft: Bool, to page: PageRecord, _ request: AgentRequest) throws -> Resolution {
        let kind = page.isPost ? "post" : "page"
        if page.isDraft == draft {
            return .noChange("The \(kind) “\(page.title)” is already \(draft ? "a draft" : "published").")
        }
        var workspace = request.workspace
        let listed = page.sectionURL.map { "the \(request.site.page(url: $0)?.title.lowercased() ?? "section") list, " } ?? ""
        if draft {
            try workspace.editFrontMatter(page.path, step: "draft: true") { $0.set("draft", value: .bool(true)) }
            return .change(workspace, summary: "Unpublished the \(kind) “\(page.title)”: it is now a draft, so after the build it is gone from \(listed)the sitemap and the RSS feed. The text is kept; say “publish \(page.title)” to bring it back.")
        }
        try workspace.editFrontMatter(page.path, step: "published (draft removed)") { editor in
            if editor.string("draft") != nil { editor.remove("draft") }
            if page.isPost, page.date == nil { editor.set("date", value: .string(request.today)) }
        }
        let date = page.date.map { " Its date stays \($0)." } ?? (page.isPost ? " It had no date, so it is dated \(request.today)." : "")
        return .change(workspace, summary: "Published the \(kind) “\(page.title)”: after the build it appears in \(listed)the sitemap and the RSS feed.\(date)")
    }
}
