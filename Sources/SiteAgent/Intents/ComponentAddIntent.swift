import SiteCompiler
import Yams

/// Adding a section to a page: a hero ("… with the headline \"Design that works\" and a button \"See our
/// services\" linking to /services"), a gallery of the images in a static folder, a contact form.
struct ComponentAddIntent: RequestIntent {
    /// Installed themes, to know which components a site's theme has (nil: assume the built-in set).
    var schemas: ThemeSchemas?

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        if let video = try video(request) { return video }
        guard let match = request.message.firstMatch(of: /(?i)^(?:add|put|insert|place|include|create|make|build|set\s+up)\s+(?:a\s+|an\s+|the\s+|some\s+)?(?:new\s+)?(?:(?:simple|small|basic|nice|little|big|clean)\s+)?(?<component>hero(?:\s+section|\s+banner)?|banner|(?:photo\s+|image\s+)?gallery|contact\s*form|form|features?\s+section|pricing(?:\s+(?:table|section|block|grid|plans))?|price\s+(?:list|table)|(?:testimonials?|reviews?|quotes?|faq|q&a|questions?|features?|benefits?)(?:\s+(?:section|block|area|list|grid|part)))(?<of>\s+of\s+(?:our\s+|my\s+|the\s+|all\s+the\s+)?[\w ]+?(?:\s+(?:in|from)\s+(?:the\s+)?(?:static\/|\/)[\w\/.-]*?(?:\s+folder)?)?)?\s+(?<position>to|on|onto|at\s+the\s+top\s+of|at\s+the\s+bottom\s+of|at\s+the\s+end\s+of|in|into)\s+(?:the\s+)?(?<page>.+?)(?<rest>\s*,?\s+(?:with|that|which|using|showing|containing|for|sending|linking)\b.*|\s*:\s*.+)?[.!]?$/) else { return nil }
        let word = String(match.component).lowercased()
        let pageName = Phrase.value(String(match.page))
        let page: PageRecord
        switch request.site.findPage(pageName) {
        case .one(let found): page = found
        case .ambiguous(let pages): return .noChange("“\(pageName)” could mean \(Phrase.list(pages.map(\.title), conjunction: "or")); name the page exactly.")
        case .none: return .noChange("There is no page called “\(pageName)”.")
        }
        let rest = match.rest.map(String.init) ?? ""
        let position = String(match.position).lowercased()
        if word.hasPrefix("hero") || word == "banner" {
            return try hero(on: page, rest, request)
        }
        if word.hasSuffix("gallery") {
            // "a gallery of the images in /img/work to the home page": the folder is named before the page.
            let folder = match.of.map { String($0) }?.firstMatch(of: /(?:static\/|\/)[\w\/.-]*/).map { " " + String($0.0) } ?? ""
            return try GalleryTemplate.add(to: page, rest: rest + folder, top: position.contains("top"), request)
        }
        if word.hasPrefix("contact") || word == "form" {
            return try ContactFormTemplate.add(to: page, rest: rest, top: position.contains("top"), request)
        }
        if let kind = ListSectionTemplate.kind(word) {
            return try ListSectionTemplate.add(kind, to: page, entry: rest, top: position.contains("top"), schemas: schemas, request)
        }
        if word.hasPrefix("pricing") || word.hasPrefix("price") || word.hasPrefix("plans") {
            return try pricing(on: page, rest: rest, top: position.contains("top"), request)
        }
        return .unsupported("Adding a \(word) offline is not supported yet; say “add a pricing page” for pricing, or use a model backend.")
    }

    /// "add the video /media/workshop.mp4 to the first post titled Our spring workshop": the theme's Video
    /// component (a self-hosted file from static/; no third-party players). Its title is the player's accessible
    /// name, so it is asked for when not given.
    private func video(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.wholeMatch(of: /(?i)(?:add|put|embed|insert|show|place)\s+(?:the\s+|a\s+|my\s+|our\s+)?video\s+(?:file\s+)?(?<src>[\w.\/-]+\.(?:mp4|webm|ogv|ogg|mov|m4v))(?:\s+(?:to|on|in|into|onto)\s+(?:the\s+)?(?<page>.+?))?(?:\s*,?\s+(?:titled|called|named|with\s+the\s+title|with\s+title)\s+(?<title>.+?))?[.!]?/)
            ?? request.message.wholeMatch(of: /(?i)(?:add|put|embed|insert|show|place)\s+(?:the\s+|a\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,2}video\s+(?:file\s+)?(?<src>[\w.\/-]+\.(?:mp4|webm|ogv|ogg|mov|m4v))(?:\s+(?:to|on|in|into|onto)\s+(?:the\s+)?(?<page>.+?))?(?:\s*,?\s+(?:titled|called|named|with\s+the\s+title|with\s+title)\s+(?<title>.+?))?[.!]?/) else { return nil }
        guard let theme = request.site.theme else { return nil }
        if let manifest = schemas?.manifest(of: theme), !manifest.components.contains(where: { $0.name == "Video" }) {
            return .unsupported("The \(theme) theme has no Video component, so a video cannot be added; a button linking to the video works: “add a button \"Watch the video\" linking to https://…”.")
        }
        let src = "/" + String(match.src).replacing(/^\/?(?:static\/)?/, with: "")
        guard request.site.files.paths.contains("static" + src) else {
            let videos = request.site.files.paths.filter { $0.hasPrefix("static/") && $0.lowercased().contains(/\.(?:mp4|webm|ogv|ogg|mov|m4v)$/) }.map { "/" + $0.dropFirst("static/".count) }
            return .unsupported("There is no video \(src) in the site's static/ folder" + (videos.isEmpty ? " (it has no videos yet). Add the file to static/ in a new version first; the offline agent cannot fetch one." : "; it has \(Phrase.list(videos.map { String($0) })).") )
        }
        guard let said = match.page else {
            return .question(AgentQuestion(text: "Which page should the video \(src) go on? For example “add the video \(src) to the home page titled …”."))
        }
        let pageName = Phrase.value(String(said))
        guard case .one(let page) = request.site.findPage(pageName.lowercased().contains(/^(?:home|homepage|front)(?:\s+page)?$/) ? "home" : pageName) else {
            return .noChange("There is no page called “\(pageName)”.")
        }
        var title = match.title.map { Phrase.value(String($0)) }
        let question = AgentQuestion(text: "What is the video called? Its title is what screen readers announce for the player (for example “Our spring workshop”).")
        if title == nil, case .other(let answer) = request.answer(to: question) { title = Phrase.value(answer) }
        guard let title, !title.isEmpty else { return .question(question) }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        editor.insert("Video", props: .map([("src", .string(src)), ("title", .string(title))]), at: .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "Video \(src)")
        return .change(workspace, summary: "Added the video \(src) (“\(title)”) to the end of “\(page.title)”. It plays from the site itself, with no third-party player.")
    }

    /// A Pricing section with example tiers marked `placeholder: true` (shown as examples until real prices are
    /// given), like a new pricing page.
    private func pricing(on page: PageRecord, rest: String, top: Bool, _ request: AgentRequest) throws -> Resolution {
        if let theme = request.site.theme, let manifest = schemas?.manifest(of: theme),
           !manifest.components.contains(where: { $0.name == "Pricing" }) {
            return .unsupported("The \(theme) theme has no Pricing component, so a pricing section cannot be added to “\(page.title)”. The starter theme has one (“switch to the starter theme”), or list your prices as text: “add a heading \"Prices\" to the \(page.title) page saying …”.")
        }
        let editor0 = ComponentBlockEditor(try request.workspace.text(page.path))
        guard editor0.blocks(named: "Pricing").isEmpty else { return .noChange("“\(page.title)” already has a pricing section.") }
        let contactURL = request.site.pages.first { $0.title.lowercased().contains("contact") }?.url ?? "/"
        // "with Basic at $9/month and Pro at $29/month": exactly the plans given, nothing invented.
        let given = rest.matches(of: /(?<name>[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*){0,2})(?:\s+(?:[Aa]t|[Ff]or|costing|is)\s+|\s*:\s*|\s+)(?<price>[$€£]\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|dollars|euros|pounds)|[Ff]ree)(?:\s*(?:\/|a|per|each)\s*(?<period>month|year|week|mo|yr))?/)
        if !given.isEmpty {
            guard given.count <= 4 else {
                return .question(AgentQuestion(text: "A pricing section holds at most four plans; you gave \(given.count). Which four?"))
            }
            let tiers: [YAMLValue] = given.map { match in
                var fields: [(String, YAMLValue)] = [("name", .string(String(match.name))), ("price", .string(String(match.price).replacing(/\s+/, with: "")))]
                if let period = match.period { fields.append(("period", .string(["mo": "month", "yr": "year"][period.lowercased()] ?? period.lowercased()))) }
                fields += [("cta_label", .string("Get started")), ("cta_url", .string(contactURL))]
                return .map(fields)
            }
            var editor = editor0
            editor.insert("Pricing", props: .map([("title", .string("Pricing")), ("tiers", .list(tiers))]), at: top ? .top : .bottom)
            var workspace = request.workspace
            workspace.write(page.path, editor.text, step: "Pricing section with \(given.count) plans")
            let shown = given.map { "\($0.name) (\($0.price)\($0.period.map { "/" + $0 } ?? ""))" }
            return .change(workspace, summary: "Added a pricing section to \(top ? "the top" : "the bottom") of “\(page.title)” with the plans you gave: \(Phrase.list(shown)). Their features are empty: say “add Unlimited pages to the Pro plan's features” to list some.")
        }
        let count = rest.firstMatch(of: /(?i)\b(?<count>\d+|one|two|three|four|five|a couple of|a few)\s+(?:tiers?|plans?|levels?|options?|packages?|prices?)\b/).flatMap { Phrase.number(String($0.count)) } ?? 3
        guard (1...4).contains(count) else {
            return .question(AgentQuestion(text: "A pricing section here holds one to four plans. How many should it have?", options: ["2", "3", "4"]))
        }
        let contact = request.site.pages.first { $0.title.lowercased().contains("contact") }?.url ?? "/"
        let tiers = PricingTemplate.tiers(count: count, ctaURL: contact)
        let props = YAMLValue.map([("title", .string("Pricing")), ("placeholder", .bool(true)), ("tiers", .list(tiers.map(\.value)))])
        var editor = editor0
        editor.insert("Pricing", props: props, at: top ? .top : .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "Pricing section with \(count) example tiers")
        return .change(workspace, summary: "Added a pricing section to \(top ? "the top" : "the bottom") of “\(page.title)” with \(count) example plans (\(Phrase.list(tiers.map(\.name)))). The prices are placeholders, shown as examples until you give real ones: say “set the price of the Pro plan to $29”.")
    }

    private func hero(on page: PageRecord, _ rest: String, _ request: AgentRequest) throws -> Resolution {
        var headline = page.title
        if let match = rest.firstMatch(of: /(?i)\b(?:headline|heading|title)\s+(?:of\s+)?(?<q>"[^"]+"|“[^”]+”|'[^']+')/) {
            headline = Phrase.value(String(match.q))
        }
        var subheadline: String?
        if let match = rest.firstMatch(of: /(?i)\b(?:subheadline|subheading|subtitle|sub-headline|tagline|text)\s+(?<q>"[^"]+"|“[^”]+”|'[^']+')/) {
            subheadline = Phrase.value(String(match.q))
        }
        var button: (label: String, url: String)?
        if let match = rest.firstMatch(of: /(?i)\bbutton\s+(?:labell?ed\s+|saying\s+)?(?<label>"[^"]+"|“[^”]+”|'[^']+')\s*(?:that\s+)?(?:linking|links|pointing|going|leading|goes|points)?\s*(?:to\s+)?(?<url>\S+)?/) {
            let label = Phrase.value(String(match.label))
            var target = match.url.map(String.init) ?? "/"
            while let last = target.last, ".,;!".contains(last) { target.removeLast() }
            if !URLPath.looksLikePath(target), !target.contains("://") {
                if case .one(let linked) = request.site.findPage(target) { target = linked.url } else { target = "/" }
            }
            button = (label, URLPath.normalized(target))
        }
        return try HeroTemplate.add(to: page, headline: headline, subheadline: subheadline, button: button, request)
    }
}
