import SiteCompiler
import Yams

/// Page deletion: "delete the careers page". Asks which page when the name fits several, and asks for
/// confirmation when other pages or the menu link to it; on "yes" the links are unlinked, their text kept.
struct PageDeletionIntent: DefersRefusals {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.firstMatch(of: /(?i)^(?:delete|remove|drop|trash|get\s+rid\s+of|take\s+down)\s+(?<what>.+?)[.!]?$/) else { return nil }
        let name = NavIntent.cleanName(String(match.what))
        switch request.site.findPage(name) {
        case .one(let page):
            return try delete(page, request)
        case .ambiguous(let pages):
            let options = pages.map { "\($0.title) (\($0.url))" }
            let question = AgentQuestion(text: "“\(name)” fits several pages. Which one should I delete: \(Phrase.list(options, conjunction: "or"))?", options: options)
            guard case .option(let index) = request.answer(to: question) else { return .question(question) }
            var chosen = request
            chosen.context.answer = nil
            chosen.context.question = nil
            return try delete(pages[index], chosen)
        case .none:
            return .noChange("There is no page called “\(name)”. Pages: \(Phrase.list(request.site.pages.filter { !$0.isPost }.map(\.title))).")
        }
    }

    private func delete(_ page: PageRecord, _ request: AgentRequest) throws -> Resolution {
        let site = request.site
        guard !page.isHome else { return .unsupported("The home page cannot be deleted; say what to change on it instead.") }
        guard !page.isSection else {
            return .unsupported("“\(page.title)” is a section with its own pages; deleting a whole section is not supported offline.")
        }
        let linking = site.pages.filter { other in
            other.path != page.path && LinkRewriter.count(in: site.files.text(other.path) ?? "", to: page.url) > 0
        }
        let menuIndices = site.nav.indices.filter { URLPath.isInternal(site.nav[$0].url) && URLPath.normalized(site.nav[$0].url) == page.url }
        var references = linking.map { "“\($0.title)” links to \(page.title) (\(page.url))" }
        if !menuIndices.isEmpty { references.append("the menu has it") }
        if !references.isEmpty {
            let facts = Phrase.list(references)
            let question = AgentQuestion(
                text: "\(facts.prefix(1).uppercased() + String(facts.dropFirst())). Delete “\(page.title)” and remove those links (their text stays)?",
                options: ["Yes, delete “\(page.title)” and unlink it", "No, keep it"])
            switch request.answer(to: question) {
            case .option(0): break
            case .option: return .noChange("Kept “\(page.title)”; nothing changed.")
            default: return .question(question)
            }
        }
        var workspace = request.workspace
        workspace.remove(page.path, step: "page “\(page.title)” deleted")
        for other in linking {
            let text = try workspace.text(other.path)
            workspace.write(other.path, LinkRewriter.rewrite(text, url: page.url) { _ in .unlink }, step: "unlinked \(page.url) (text kept)")
        }
        for index in menuIndices.reversed() {
            try workspace.editSiteYAML(step: "removed menu item “\(site.nav[index].label)”") { try $0.removeNavItem(at: index) }
        }
        var summary = "Deleted the page “\(page.title)” (\(page.path)); \(page.url) no longer exists."
        if !linking.isEmpty { summary += " Removed the links to it from \(Phrase.list(linking.map { "“\($0.title)”" })), keeping their text." }
        if !menuIndices.isEmpty { summary += " Removed it from the menu." }
        let remaining = site.pages.filter { $0.path != page.path && LinkRewriter.count(in: workspace.files.text($0.path) ?? "", to: page.url) > 0 }
        if !remaining.isEmpty {
            workspace.warnings.append("Some references to \(page.url) could not be unlinked (buttons or HTML) in \(Phrase.list(remaining.map(\.title))); the link checks will report them.")
        }
        return .change(workspace, summary: summary)
    }
}
