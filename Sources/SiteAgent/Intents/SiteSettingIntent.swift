import Foundation
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
        if let year = try footerYear(request) { return year }
        if let match = text.firstMatch(of: /(?i)^(?:set|change|update|make|edit|replace)\s+(?:the\s+|our\s+|my\s+)?(?:site(?:'s)?\s+|website(?:'s)?\s+)?(?<key>title|name|tagline|slogan|subtitle|strapline|description|footer text|footer)\s+(?:to|as|into|=|:)\s*(?<value>.+)$/) {
            guard let setting = Self.keys[String(match.key).lowercased()] else { return nil }
            return try set(setting.key, name: setting.name, to: Phrase.value(String(match.value)), request)
        }
        if let button = try headerButton(request) { return button }
        // "The site address should be https://books.example.org/", "move the blog to https://…": site.yaml base_url.
        if let match = text.wholeMatch(of: /(?i)(?:(?:please\s+)?(?:set|change|update|make|switch|move)\s+)?(?:the\s+|our\s+|my\s+)?(?:(?:site|website|blog)(?:'s)?\s+(?:address|url|domain|web\s+address)|base\s+url|base_url)\s+(?:to|should\s+be|is\s+now|will\s+be|needs\s+to\s+be|=|:)\s*(?<url>https?:\/\/[^\s"“”]+?)(?:\s+(?:so|because|since|as)\s+[^"“”]*)?[.!]?/) {
            var url = String(match.url)
            if !url.hasSuffix("/") { url += "/" }
            guard URL(string: url)?.host?.contains(".") == true else {
                return .question(AgentQuestion(text: "“\(match.url)” is not a full web address. What is the site's address, for example https://www.example.com/?"))
            }
            return try set("base_url", name: "site address", to: url, request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:rename|call)\s+(?:the\s+|our\s+)?(?:site|website)\s+(?:to\s+|as\s+)?(?<value>.+)$/) {
            return try set("title", name: "site title", to: Phrase.value(String(match.value)), request)
        }
        return nil
    }

    /// "change the footer to include the current year", "put this year in the copyright line", "the footer
    /// should show the year": the year goes after "©" (or replaces the year there), the rest of the line stays.
    private func footerYear(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message.lowercased()
        guard text.contains(/\b(?:footer|copyright)\b/), text.contains(/\b(?:current|this|today'?s|the)\s+year\b|\byear\b/),
              text.contains(/\b(?:include|add|show|put|have|with|mention|display|insert|update|should)\b/),
              !text.contains(/\d{4}/), !text.contains(/"|“/) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = request.context.timeZone
        let year = String(calendar.component(.year, from: request.context.now))
        let surface = EditSurface(site: request.site, components: nil, tokens: nil)
        let old = surface.slot(at: .site(key: "footer", child: nil))?.value ?? ""
        var line: String
        if let match = old.firstMatch(of: /\b(?:19|20)\d{2}\b/) {
            line = old.replacingCharacters(in: match.range, with: year)
        } else if let copyright = old.firstMatch(of: /^(?:©|\(c\)|Copyright)\s*/) {
            line = String(old[..<copyright.range.upperBound]).trimmingWhitespace + " " + year + " " + old[copyright.range.upperBound...]
        } else if old.isEmpty {
            line = "© \(year) \(request.site.title ?? "")".trimmingWhitespace
        } else {
            line = "© \(year) " + old
        }
        line = line.replacing(/\s+/, with: " ")
        guard line != old else { return .noChange("The footer already says “\(old)”.") }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "footer: \(line)") { $0.set("footer", to: line) }
        return .change(workspace, summary: "Changed the footer text from “\(old)” to “\(line)”. The year is written in the text: change it again next year (“update the year in the footer”).")
    }

    /// "Header button should say Hire us and go to /services/", "add a header button Hire us linking to /contact/":
    /// site.yaml `cta` (label and address), which the starter, blog and portfolio headers show.
    private func headerButton(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.wholeMatch(of: /(?i)(?:(?:please\s+)?(?:add|put|give\s+the\s+site|i\s+want|we\s+want|set)\s+)?(?:a\s+|the\s+|our\s+)?(?:header|top)\s+(?:button|cta|call\s+to\s+action)\s+(?:should\s+(?:say|read)|that\s+says|saying|reading|labell?ed|called|with\s+the\s+text|to\s+say|to)?\s*:?\s*(?<label>"[^"]+"|“[^”]+”|[^"“]+?)\s*,?\s+(?:and\s+)?(?:should\s+)?(?:go(?:es)?|link(?:s|ing)?|point(?:s|ing)?|lead(?:s|ing)?|take\s+(?:people|you|visitors))\s+(?:to|at)\s+(?:the\s+page\s+)?(?<url>\/[^\s"“”]*?|https?:\/\/[^\s"“”]+?)[.!]?/) else { return nil }
        let label = Phrase.value(String(match.label))
        let url = String(match.url)
        guard !label.isEmpty, label.count <= 40 else {
            return .question(AgentQuestion(text: "What should the header button say? A few words, at most 40 characters (“Hire us”)."))
        }
        if request.site.theme == "docs" {
            return .unsupported("The docs theme's header has no button. Add a menu item instead: “add \(label) to the menu linking to \(url)”.")
        }
        var workspace = request.workspace
        let had = (try? YAMLBudget.compose(request.site.siteYAML))??["cta"]?["label"]?.string
        try workspace.editSiteYAML(step: "cta: \(label) → \(url)") { editor in
            editor.topLevel.set("cta", value: .map([("label", .string(label)), ("url", .string(url))]), in: &editor.lines)
        }
        guard workspace.files != request.context.source else { return .noChange("The header button already says “\(label)” and goes to \(url).") }
        return .change(workspace, summary: had.map { "Changed the header button from “\($0)” to “\(label)”, linking to \(url)." }
            ?? "Added a header button “\(label)” linking to \(url).")
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
