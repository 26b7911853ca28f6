import SiteCompiler
import Yams

/// One prop of a component on a page: "change the hero headline on the home page to \"Hello, we are Acme\"".
struct ComponentPropIntent: DefersRefusals {
    /// Words people use for each component's props.
    private static let propWords: [String: [String: String]] = [
        "hero": [
            "headline": "headline", "heading": "headline", "title": "headline", "main text": "headline", "header": "headline",
            "subheadline": "subheadline", "sub headline": "subheadline", "subheading": "subheadline", "subtitle": "subheadline",
            "tagline": "subheadline", "intro": "subheadline", "text": "subheadline", "description": "subheadline",
            "button": "button_label", "button label": "button_label", "button text": "button_label", "cta": "button_label",
            "button link": "button_url", "button url": "button_url", "button target": "button_url", "link": "button_url",
        ],
        "features": ["title": "title", "heading": "title", "headline": "title"],
        "pricing": ["title": "title", "heading": "title", "headline": "title"],
        "contactform": ["email": "to", "address": "to", "recipient": "to", "endpoint": "endpoint"],
    ]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        if let match = text.firstMatch(of: /(?i)^(?:change|set|update|make|replace|edit)\s+(?:the\s+)?(?<component>hero|features?|pricing|gallery|contact\s*form)(?:'s|\s+section'?s?|\s+block'?s?)?\s+(?<prop>[a-z _]+?)\s+(?:on|of|in|at)\s+(?:the\s+)?(?<page>.+?)\s+(?:to|into|=)\s+(?<value>.+)$/) {
            return try set(String(match.component), String(match.prop), page: String(match.page), value: String(match.value), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:change|set|update|make|replace|edit)\s+(?:the\s+)?(?<prop>[a-z _]+?)\s+(?:of|in|on)\s+(?:the\s+)?(?<component>hero|features?|pricing|gallery|contact\s*form)(?:\s+section|\s+block)?(?:\s+(?:on|of|in|at)\s+(?:the\s+)?(?<page>.+?))?\s+(?:to|into|=)\s+(?<value>.+)$/) {
            return try set(String(match.component), String(match.prop), page: match.page.map(String.init), value: String(match.value), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:change|set|update|make|replace|edit)\s+(?:the\s+)?(?<component>hero|features?|pricing|gallery|contact\s*form)(?:'s|\s+section'?s?|\s+block'?s?)?\s+(?<prop>[a-z _]+?)\s+(?:to|into|=)\s+(?<value>.+)$/) {
            return try set(String(match.component), String(match.prop), page: nil, value: String(match.value), request)
        }
        return nil
    }

    private func set(_ componentWord: String, _ propWord: String, page pageName: String?, value raw: String, _ request: AgentRequest) throws -> Resolution {
        let componentKey = componentWord.lowercased().replacing(/\s+/, with: "").replacing(/^feature$/, with: "features")
        let name = ComponentNames.canonical(componentKey)
        let candidates = request.site.pages.filter { page in
            request.site.files.text(page.path).map { !ComponentBlockEditor($0).blocks(named: name).isEmpty } ?? false
        }
        let page: PageRecord
        if let pageName {
            switch request.site.findPage(Phrase.value(pageName)) {
            case .one(let found): page = found
            case .ambiguous(let pages): return .noChange("“\(pageName)” could mean \(Phrase.list(pages.map(\.title), conjunction: "or")); name the page exactly.")
            case .none: return .noChange("There is no page called “\(pageName)”.")
            }
        } else if candidates.count == 1 {
            page = candidates[0]
        } else if let home = candidates.first(where: \.isHome) {
            page = home
        } else {
            return .noChange(candidates.isEmpty ? "No page has a \(name) section." : "Several pages have a \(name) section (\(Phrase.list(candidates.map(\.title)))); say which page.")
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        guard let block = editor.blocks(named: name).first else {
            return .noChange("The page “\(page.title)” has no \(name) section." + (candidates.isEmpty ? "" : " Pages with one: \(Phrase.list(candidates.map(\.title)))."))
        }
        let existing = editor.props(of: block)?.mapping?.compactMap { $0.key.string } ?? []
        let lowered = propWord.lowercased().trimmingWhitespace
        guard let key = Self.propWords[componentKey]?[lowered] ?? existing.first(where: { $0 == lowered.replacing(" ", with: "_") }) else {
            return .noChange("The \(name) section has no “\(propWord)” to change. It has: \(Phrase.list(existing)).")
        }
        var value = Phrase.value(raw)
        if key.hasSuffix("url"), URLPath.looksLikePath(value) { value = URLPath.normalized(value) }
        let old = editor.props(of: block)?[key]?.string
        guard old != value else { return .noChange("The \(name) \(key.replacing("_", with: " ")) on “\(page.title)” is already “\(value)”.") }
        editor.setProp(key, value: .string(value), in: block)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "\(name) \(key): \(value)")
        let from = old.map { " from “\($0)”" } ?? ""
        return .change(workspace, summary: "Changed the \(name) \(key.replacing("_", with: " ")) on “\(page.title)”\(from) to “\(value)”.")
    }
}
