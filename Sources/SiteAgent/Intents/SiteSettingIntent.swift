import SiteCompiler
import Yams

/// Site-wide text settings in `site.yaml`: title, tagline, description, footer.
///
/// "set the site title to Acme Design Co.", "change our tagline to \"Small studio, big ideas\"".
struct SiteSettingIntent: RequestIntent {
    private static let keys: [String: (key: String, name: String)] = [
        "title": ("title", "site title"), "name": ("title", "site title"),
        "tagline": ("tagline", "tagline"), "slogan": ("tagline", "tagline"), "subtitle": ("tagline", "tagline"),
        "strapline": ("tagline", "tagline"), "description": ("description", "site description"),
        "footer": ("footer", "footer text"), "footer text": ("footer", "footer text"),
    ]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        if let match = text.firstMatch(of: /(?i)^(?:set|change|update|make|edit|replace)\s+(?:the\s+|our\s+|my\s+)?(?:site(?:'s)?\s+|website(?:'s)?\s+)?(?<key>title|name|tagline|slogan|subtitle|strapline|description|footer text|footer)\s+(?:to|as|into|=|:)\s*(?<value>.+)$/) {
            guard let setting = Self.keys[String(match.key).lowercased()] else { return nil }
            return try set(setting.key, name: setting.name, to: Phrase.value(String(match.value)), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:rename|call)\s+(?:the\s+|our\s+)?(?:site|website)\s+(?:to\s+|as\s+)?(?<value>.+)$/) {
            return try set("title", name: "site title", to: Phrase.value(String(match.value)), request)
        }
        return nil
    }

    private func set(_ key: String, name: String, to value: String, _ request: AgentRequest) throws -> Resolution {
        guard !value.isEmpty else { return .noChange("No new \(name) was given.") }
        let site = request.site
        let old: String? = switch key {
        case "title": site.title
        case "tagline": site.tagline
        default: nil
        }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "\(key): \(value)") { $0.set(key, to: value) }
        guard workspace.files != request.context.source else { return .noChange("The \(name) is already “\(value)”.") }
        var summary = old.map { "Changed the \(name) from “\($0)” to “\(value)”." } ?? "Set the \(name) to “\(value)”."
        if key == "tagline", let old, let headline = homeHeroHeadline(site), headline == old {
            summary += " The home page hero still says “\(old)”; say “change the hero headline to …” to change it too."
        }
        return .change(workspace, summary: summary)
    }

    private func homeHeroHeadline(_ site: SiteSnapshot) -> String? {
        guard let home = site.page(url: "/"), let text = site.files.text(home.path) else { return nil }
        let editor = ComponentBlockEditor(text)
        guard let hero = editor.blocks(named: "Hero").first else { return nil }
        return editor.props(of: hero)?["headline"]?.string
    }
}
