import Foundation
import SiteCompiler
import Yams

/// New pages: "add a pricing page with three tiers", "new page \"Contact\" that says: Email us at …",
/// "create a page called About Us" (asks first when a page with a near-identical name exists).
struct PageCreationIntent: RequestIntent {
    /// What the user asked for, parsed.
    struct PageRequest {
        var title: String
        var body: String?
        var kind: String?
        var tierCount: Int?
        var addToMenu: Bool
        /// What the page should hold besides its title ("with a contact form that sends to …").
        var extra: String?
        /// "under docs", "in the guides section": the content folder the page goes in, as said, and whether the
        /// words can only mean a section (else, when no such folder exists, they are part of the title).
        var section: (name: String, said: String, explicit: Bool)?
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let page = Self.parse(request.message) else { return nil }
        let created = try create(page, request)
        // "a page called Contact with a contact form that sends to hello@acme.test": the form goes on the new page.
        guard let extra = page.extra, case .change(let workspace, let summary) = created else { return created }
        guard extra.lowercased().contains(/\b(?:contact\s*form|form)\b/) else {
            return .change(workspace, summary: summary + " I did not add “\(extra)”: the offline agent only adds what it can build from the request; say, for example, “add a contact form to the \(page.title) page sending to you@example.com”.")
        }
        var context = request.context
        context.source = workspace.files
        var site = try SiteSnapshot(files: workspace.files)
        site.themeTokens = request.site.themeTokens
        let form = try ComponentAddIntent().resolve(AgentRequest(context: context, site: site, message: "add a contact form to the \(page.title) page \(extra.replacing(/(?i)^(?:a\s+|an\s+)?contact\s*form\s*/, with: ""))"))
        switch form {
        case .change(let withForm, let formSummary)?:
            var merged = workspace
            merged.files = withForm.files
            merged.steps += withForm.steps
            merged.warnings += withForm.warnings
            return .change(merged, summary: summary + " " + formSummary)
        case .question(let question)?:
            return .change(workspace, summary: summary + " The contact form was not added: " + question.text)
        default:
            return created
        }
    }

    static func parse(_ message: String) -> PageRequest? {
        guard let match = message.firstMatch(of: /(?i)^(?:(?:add|create|make|build|set up|start|write)\s+(?:a\s+|an\s+|one\s+)?(?:new\s+)?|new\s+)(?<before>[^:]*?)\bpage\b(?<after>.*)$/) else { return nil }
        var before = String(match.before).trimmingWhitespace
        var after = String(match.after)
        if before.contains(/(?i)\b(?:to|on|in|of|from|into)\b/) { return nil }
        // "make the page narrower", "make this page bigger": a page that exists, and how it should look.
        if message.lowercased().hasPrefix("make"), before.contains(/(?i)^(?:the|this|that|my|our|every|each|all)\b/) { return nil }
        if SlotIntent.looksLikeStyle(after) { return nil }
        var body: String?
        if let intro = after.firstMatch(of: /(?i)\s*(?:,\s*)?(?:that says|which says|saying|that reads|which reads|with the text|with text|with content|with the content|containing|that contains|reading)\s*:?\s*(?<body>.+)$/) {
            body = String(intro.body)
            after = String(after[..<intro.range.lowerBound])
        } else if let colon = after.firstMatch(of: /^\s*(?<title>"[^"]*"|“[^”]*”)?\s*:\s*(?<body>.+)$/) {
            body = String(colon.body)
            after = colon.title.map(String.init) ?? ""
        }
        var tierCount: Int?
        if let tiers = after.firstMatch(of: /(?i)\s+with\s+(?<count>\d+|one|two|three|four|five|six|a couple of|a few)\s+(?:tiers?|plans?|levels?|options?|packages?)\b.*$/) {
            tierCount = Phrase.number(String(tiers.count))
            after = String(after[..<tiers.range.lowerBound])
        }
        // "… called Contact with a contact form that sends to …": the title ends before "with a …".
        var extra: String?
        after = after.replacing(/(?i)\s*,?\s+(?:and\s+)?(?:add|put|link|include|show|list)\s+it\s+(?:to|in|into|on|from)\s+the\s+(?:main\s+)?(?:menu|nav|navigation|navbar|nav\s+bar)\s*[.!]?$/, with: "")
        if let with = after.firstMatch(of: /(?i)\s+with\s+(?:a|an|the|some|our|my)\s+(?<extra>.+)$/) {
            extra = String(with.extra).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;"))
            after = String(after[..<with.range.lowerBound])
        }
        var section: (name: String, said: String, explicit: Bool)?
        if let placed = after.firstMatch(of: /(?i)\s+(?<word>under|inside|within|in)\s+(?:the\s+)?(?<name>[\w-]+)(?<kind>\s+(?:section|folder|area))?\s*$/) {
            section = (String(placed.name).lowercased(), String(placed.0), placed.kind != nil || ["under", "inside", "within"].contains(String(placed.word).lowercased()))
            after = String(after[..<placed.range.lowerBound])
        }
        let hidden = after.contains(/(?i)\b(?:not|without|don't|do not)\b.*\b(?:menu|nav|navigation)\b/)
        after = after.replacing(/(?i)\s*(?:,\s*)?(?:but\s+)?(?:not|without|don't|do not)\b.*\b(?:menu|nav|navigation)\b.*$/, with: "")
        after = after.replacing(/(?i)\s+(?:and\s+)?(?:add|put)\s+it\s+(?:to|in)\s+the\s+(?:menu|nav|navigation)\s*$/, with: "")
        var title = after.trimmingWhitespace
        if let called = title.firstMatch(of: /(?i)^(?:called|named|titled|entitled)\s+(?<name>.+)$/) {
            title = String(called.name)
        } else if let purpose = title.firstMatch(of: /(?i)^(?:for|about|on)\s+(?<name>.+)$/) {
            // "a page about our team" names the page; "a pricing page for the bakery" says what it is for.
            title = before.isEmpty ? String(purpose.name) : ""
        }
        if title.isEmpty {
            before = before.replacing(/(?i)^(?:new\s+)/, with: "")
            title = before
        }
        title = Phrase.value(title)
        guard !title.isEmpty else { return nil }
        let kind = before.lowercased().contains("pricing") || title.lowercased() == "pricing" ? "pricing" : nil
        return PageRequest(title: title == title.lowercased() ? Phrase.titleCased(title) : title,
                           body: body.map(Phrase.value), kind: kind, tierCount: tierCount, addToMenu: !hidden, extra: extra,
                           section: section)
    }

    func create(_ given: PageRequest, _ request: AgentRequest) throws -> Resolution {
        var page = given
        let site = request.site
        // "a page called Changelog under docs": in that content folder, at its URL, and not in the top menu.
        var folder = ""
        if let section = page.section {
            let sections = Set(site.files.paths.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count >= 3 && parts[0] == "content" ? String(parts[1]) : nil
            })
            if sections.contains(section.name) {
                folder = section.name + "/"
                page.addToMenu = false
            } else if section.explicit {
                return .unsupported("There is no section “\(section.name)” (a folder under content/) to put the page in. Sections: \(sections.isEmpty ? "none yet" : Phrase.list(sections.sorted().map { "“\($0)”" })). Say “add a page called \(page.title)” for a top-level page.")
            } else {
                page.title += section.said
            }
        }
        let slug = URLSlug.make(page.title)
        let url = "/\(folder)\(slug)/"
        if let existing = site.page(url: url) {
            return .noChange("There is already a page “\(existing.title)” at \(url) (\(existing.path)). Say what to change on it instead.")
        }
        if folder.isEmpty, case .one(let similar) = site.findPage(page.title, where: { !$0.isPost && !$0.isHome }) {
            let rename = "Rename “\(similar.title)” to “\(page.title)” (its URL stays \(similar.url))"
            let second = "Create a second page “\(page.title)” at \(url)"
            let question = AgentQuestion(
                text: "There is already a page “\(similar.title)” at \(similar.url). Should I rename it to “\(page.title)”, or create a second page?",
                options: [rename, second])
            switch request.answer(to: question) {
            case .option(0): return try PageRenameIntent.rename(similar, to: page.title, request)
            case .option: break
            default: return .question(question)
            }
        }
        var workspace = request.workspace
        let path = "content/\(folder)\(slug).md"
        var summary: String
        if page.kind == "pricing" {
            let tiers = PricingTemplate.tiers(count: page.tierCount ?? 3, ctaURL: contactURL(site))
            workspace.write(path, PricingTemplate.page(title: page.title, tiers: tiers), step: "new page with a Pricing section")
            let names = tiers.map(\.name)
            summary = "Added a page “\(page.title)” at \(url) with \(tiers.count) pricing tiers (\(Phrase.list(names)))."
            summary += " The prices and features are placeholders (marked placeholder: true): replace them with your real prices before you promote; the checks warn until you do."
            workspace.warnings.append("The pricing tiers on \(url) are placeholders: set real prices and features before promoting.")
        } else {
            let body = page.body.map(Linkify.markdown)
            var text = "---\ntitle: \(YAMLScalar.render(page.title))\n---\n"
            if let body { text += "\n" + body + "\n" }
            workspace.write(path, text, step: "new page")
            summary = "Added a page “\(page.title)” at \(url)"
            summary += page.body == nil ? " (it has no text yet: tell me what it should say)." : " with the text you gave."
        }
        if page.addToMenu, site.navIndex(url: url) == nil {
            // "… and put it in the menu after Posts" (or "between Posts and About"): at that place, not at the end.
            var position: Int?
            if let place = request.message.firstMatch(of: /(?i)\b(?:menu|nav|navigation|navbar)\b[^.]*?\b(?<side>after|before|between)\s+(?:the\s+)?(?<other>[\w' &]+?)(?:\s+(?:item|link|page|tab))?(?:\s+and\s+[\w' &]+?)?(?=[.!?,;]|\s*$)/) {
                let other = String(place.other).lowercased()
                guard let index = site.nav.firstIndex(where: { $0.label.lowercased() == other }) else {
                    return .unsupported("The menu has no item “\(place.other)”, so I cannot put “\(page.title)” next to it. Menu: \(Phrase.list(site.nav.map(\.label))).")
                }
                position = place.side.lowercased() == "before" ? index : index + 1
            }
            try workspace.editSiteYAML(step: "menu item “\(page.title)” → \(url)") { try $0.insertNavItem(label: page.title, url: url, at: position) }
            var labels = site.nav.map(\.label)
            labels.insert(page.title, at: min(position ?? labels.count, labels.count))
            summary += " It is now in the menu: \(labels.joined(separator: ", "))."
        }
        return .change(workspace, summary: summary)
    }

    /// Where "contact us" buttons should point: a contact page, the header CTA, else the About page or home.
    private func contactURL(_ site: SiteSnapshot) -> String {
        if case .one(let page) = site.findPage("contact", where: { !$0.isPost }) { return page.url }
        if let about = site.page(url: "/about/") { return about.url }
        return "/"
    }
}
