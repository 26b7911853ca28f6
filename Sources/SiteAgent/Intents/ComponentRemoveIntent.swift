import SiteCompiler
import Yams

/// Removing a section from a page: "remove the features section from the home page".
struct ComponentRemoveIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.firstMatch(of: /(?i)^(?:remove|delete|drop|take\s+out|get\s+rid\s+of|hide)\s+(?:the\s+)?(?<component>hero|banner|features?|pricing|testimonials?|reviews?|faqs?|q&a|videos?|gallery|photo gallery|image gallery|contact\s*form|form|figure|diagram|illustration|screenshot|chart|image|picture|photo|graphic|callout(?:\s+box)?|(?:tip|warning|note|info)\s+box|note|tip|warning)(?:\s+(?:section|block|component|table|area))?(?:\s+(?:from|on|in|off)\s+(?:the\s+)?(?<page>.+?))?[.!]?$/) else { return nil }
        let name = ComponentNames.canonical(String(match.component).replacing(/^(?:photo|image)\s+/, with: ""))
        let site = request.site
        let page: PageRecord
        if let pageName = match.page.map(String.init) {
            let said = Phrase.value(pageName)
            guard case .one(let found) = site.findPage(said.lowercased().contains(/^(?:home|homepage|front)(?:\s+page)?$/) ? "home" : said.replacing(/(?i)\s+page$/, with: "")) else { return .noChange("There is no single page called “\(pageName)”.") }
            page = found
        } else {
            let withBlock = site.pages.filter { (site.files.text($0.path).map { !ComponentBlockEditor($0).blocks(named: name).isEmpty }) ?? false }
            guard let only = withBlock.count == 1 ? withBlock.first : withBlock.first(where: \.isHome) else {
                return .noChange(withBlock.isEmpty ? "No page has a \(name) section." : "Several pages have a \(name) section (\(Phrase.list(withBlock.map(\.title)))); say which page.")
            }
            page = only
        }
        var workspace = request.workspace
        var editor = ComponentBlockEditor(try workspace.text(page.path))
        let blocks = editor.blocks(named: name)
        guard var block = blocks.first else { return .noChange("The page “\(page.title)” has no \(name) section.") }
        if blocks.count > 1 {
            // Two figures on a page: which one, by what each shows — never silently the first.
            let shown = blocks.map { block -> String in
                let props = editor.props(of: block)
                let label = ["title", "caption", "alt", "src", "headline"].lazy.compactMap { props?[$0]?.string }.first ?? name
                return "The \(name) “\(label.prefix(50))”"
            }
            let question = AgentQuestion(text: "“\(page.title)” has \(blocks.count) \(name) sections. Which one should I remove?", options: shown)
            guard case .option(let index) = request.answer(to: question), blocks.indices.contains(index) else { return .question(question) }
            block = blocks[index]
        }
        editor.remove(block)
        workspace.write(page.path, editor.text, step: "removed the \(name) section")
        let kept = editor.blocks.map(\.name)
        let rest = kept.isEmpty ? "" : " Still on the page: \(Phrase.list(kept))."
        return .change(workspace, summary: "Removed the \(name) section from “\(page.title)”.\(rest)")
    }
}
