import Foundation
import SiteCompiler
import Yams

/// Requests with no single meaning ("make it pop"): ask, with concrete options, then do the one picked.
struct VagueIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        if let font = try vagueFont(request) { return font }
        if let area = try vagueArea(request) { return area }
        if let colours = try vagueColours(request) { return colours }
        if let readable = try vagueReadability(request) { return readable }
        let pattern = /(?i)^(?:make\s+(?:it|the\s+site|the\s+website|this|everything)\s+(?:pop|stand\s+out|look\s+(?:better|nicer|good|great|modern|fresh)|better|nicer|prettier|cooler|more\s+(?:modern|exciting|interesting|lively|fun|vibrant|striking))|spice\s+(?:it|things)\s+up|jazz\s+(?:it|things)\s+up|improve\s+(?:the\s+)?(?:design|look|style)|give\s+it\s+more\s+(?:punch|energy|life)|more\s+pop|pop)[.!]*$/
        // "the site looks a bit boring", "I want it to feel more premium", "can you make the homepage better",
        // "fix the colours": no single edit is named either.
        let broad = /(?i)^(?:(?:the\s+)?(?:site|website|page|homepage|home\s+page|design|it|docs|blog|pages|whole\s+site|whole\s+thing)\s+(?:looks?|feels?|is|are|seems?)\s+(?:a\s+bit\s+|a\s+little\s+|kind\s+of\s+|kinda\s+|sorta\s+|pretty\s+|rather\s+|quite\s+|really\s+|super\s+|too\s+|very\s+|so\s+)?(?:boring|dull|plain|bland|dated|old|old-fashioned|flat|ugly|meh|cheap|empty|bare|sparse|basic|unfinished|lifeless|stale|tired|samey|generic)(?:\s*[,;-]?\s*(?:can\s+you\s+(?:do\s+something|help|fix\s+it|improve\s+it)|could\s+you\s+(?:do\s+something|help|fix\s+it|improve\s+it)|do\s+something|any\s+ideas)\??)?(?:\s*[,;-]?\s*(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:spice|jazz|liven|brighten)\s+it\s+up(?:\s+(?:a\s+bit|a\s+little|a\s+lot))?)?|(?:make\s+)?(?:it|the\s+site|the\s+website|the\s+homepage|the\s+home\s+page)\s+(?:look\s+|feel\s+)?(?:more\s+)?(?:premium|professional|elegant|modern|fresh|luxurious|classy|polished|better|nicer|personal)|make\s+(?:the\s+)?(?:homepage|home\s+page|site|website|design)\s+(?:look\s+)?(?:better|nicer|prettier|more\s+[\w-]+)|(?:fix|change|update|improve|refresh)\s+(?:the\s+)?(?:colou?rs?|colou?r\s+scheme|look|style|styling|design)|(?:spice|jazz|liven|brighten)\s+(?:it|things|the\s+site)\s+up(?:\s+a\s+bit)?|make\s+it\s+pop\s+more|(?:more|a\s+bit\s+more|much\s+more)\s+(?:modern|professional|stylish|polished|exciting|colou?rful|lively)(?:\s+please)?|(?:it|the\s+site|the\s+website|the\s+homepage|the\s+home\s+page|the\s+design)\s+needs\s+(?:more|some|a\s+bit\s+more|a\s+lot\s+more)\s+(?:wow(?:\s+factor)?|pop|oomph|pizzazz|punch|life|energy|personality|flair|character|sparkle|excitement)|(?:spice|jazz|liven|brighten|spruce|freshen)\s+up\s+(?:the\s+|my\s+|our\s+)?(?:homepage|home\s+page|front\s+page|site|website|design)(?:\s+(?:a\s+bit|a\s+little))?|(?:fix|improve|redo|rework|refresh|tidy\s+up|clean\s+up|spruce\s+up|freshen\s+up|modernise|modernize)\s+(?:the\s+|my\s+|our\s+)?(?:homepage|home\s+page|front\s+page|landing\s+page|site|website)(?:\s+(?:a\s+bit|a\s+little|up))?|(?:can|could)\s+(?:the\s+|my\s+|our\s+)?(?:homepage|home\s+page|front\s+page|site|website|design)\s+(?:be|look|feel)\s+(?:a\s+bit\s+|a\s+little\s+)?(?:more\s+)?(?:eye-catching|attractive|appealing|exciting|interesting|modern|professional|striking|vibrant|better|nicer|polished|premium|fresh|lively|fun))[.!]*$/
        let wish = request.message.replacing(/(?i)^(?:i\s+want\s+|we\s+want\s+|i'd\s+like\s+|i\s+would\s+like\s+)(?:it\s+)?(?:to\s+)?/, with: "")
        guard request.message.wholeMatch(of: pattern) != nil || request.message.wholeMatch(of: broad) != nil
            || (wish != request.message && ("it " + wish).wholeMatch(of: broad) != nil) else { return nil }
        let site = request.site
        // The site's own primary colour (its theme's default when site.yaml sets none).
        let primary = (site.tokens["primary"] ?? site.themeTokens["primary"]).flatMap(RGBColor.init(hex:)) ?? RGBColor(hex: "#2563eb") ?? .ink
        let brighter = primary.brightened
        let bolder = FontStack.stack(for: "Arial Black")
        // Only a theme the site would build with (every component its pages use).
        let theme = request.context.installedThemes.filter { $0 != site.theme && (site.componentsMissing(in: $0)?.isEmpty ?? true) }
        let otherTheme = theme.contains("portfolio") ? "portfolio" : theme.first
        // A hero for the page the message is about (the home page unless another is named), only when the theme has
        // a Hero component and the page has none.
        let themeHasHero = site.theme.flatMap { site.themeComponents[$0] }.map { $0.contains("hero") } ?? true
        func lacksHero(_ page: PageRecord) -> Bool {
            site.files.text(page.path).map { ComponentBlockEditor($0).blocks(named: "Hero").isEmpty } ?? false
        }
        let named: PageRecord? = {
            if request.message.lowercased().contains(/\b(?:homepage|home\s+page|front\s+page|landing\s+page)\b/), case .one(let home) = site.findPage("home") { return home }
            if let said = request.message.firstMatch(of: /(?i)\b(?:the\s+|my\s+|our\s+)(?<page>[\w ]{2,30}?)\s+page\b/),
               case .one(let page) = site.findPage(String(said.page)) { return page }
            return nil
        }()
        // The page the message names, or (for the whole site) the first page in the menu without one.
        let heroPage: PageRecord? = !themeHasHero ? nil : named.map { lacksHero($0) ? $0 : nil } ?? site.pages.first { page in
            !page.isPost && site.navIndex(url: page.url) != nil && lacksHero(page)
        }
        var options = ["Brighter primary colour (\(primary.hex) → \(brighter.hex))", "Bolder heading font (Arial Black)"]
        if let otherTheme { options.append("Another theme: switch to “\(otherTheme)”") }
        if let heroPage { options.append("Add a hero to the \(heroPage.title) page") }
        let question = AgentQuestion(text: "“\(request.context.message.trimmingWhitespace)” can mean several things. Which should I do?", options: options)
        guard case .option(let index) = request.answer(to: question) else { return .question(question) }
        switch index {
        case 0:
            let match = ColorPhrase.Match(color: brighter, words: brighter.hex, prefix: "")
            return try TokenIntent.apply(match, to: .primary, request)
        case 1:
            return try FontRequest.apply(bolder.family, keys: ["font_heading"], request)
        case 2 where otherTheme != nil:
            return try ThemeIntent.switchTheme(to: otherTheme ?? "", request)
        default:
            guard let heroPage else { return .question(question) }
            return try HeroTemplate.add(to: heroPage, headline: heroPage.title, subheadline: site.tagline, button: nil, request)
        }
    }

    /// "update the header", "fix the footer", "change the menu": an area, but not what about it. Ask with edits
    /// that can be done at once (colours, the footer line with this year, pages missing from the menu) and say
    /// how to ask for the rest.
    private func vagueArea(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.wholeMatch(of: /(?i)(?:change|update|fix|improve|redo|rework|refresh|tweak|edit|modernise|modernize|sort\s+out|tidy\s+up|tidy|clean\s+up|reorgani[sz]e|organi[sz]e|do\s+something\s+with)\s+(?:the\s+|my\s+|our\s+)?(?:site'?s?\s+|website'?s?\s+)?(?<area>header|top\s+bar|navbar|nav\s+bar|footer|bottom\s+bar|menu|navigation|nav)(?:\s+(?:a\s+bit|a\s+little|somehow))?[.!]*/)
            ?? request.message.wholeMatch(of: /(?i)make\s+(?:the\s+|my\s+|our\s+)?(?:site'?s?\s+|website'?s?\s+)?(?<area>header|top\s+bar|navbar|nav\s+bar|footer|bottom\s+bar|menu|navigation|nav)\s+(?:look\s+|feel\s+)?(?:a\s+bit\s+|a\s+little\s+)?(?:nicer|better|prettier|more\s+(?:modern|interesting|attractive|appealing|polished|professional|stylish)|less\s+(?:boring|plain|bland|ugly))[.!]*/)
            ?? request.message.wholeMatch(of: /(?i)(?:the\s+|my\s+|our\s+)?(?<area>header|top\s+bar|navbar|nav\s+bar|footer|bottom\s+bar|menu|navigation|nav)\s+(?:needs?\s+(?:some\s+)?(?:work|love|fixing|a\s+fix|attention|a\s+refresh|an\s+update|updating|changing|improving|tidying)|(?:is|looks|seems|feels)\s+(?:a\s+bit\s+|kinda\s+|rather\s+|quite\s+)?(?:wrong|off|broken|outdated|dated|boring|bad|odd|messy|ugly|plain|stale|tired|old|bland|dull|cluttered))[.!]*/) else { return nil }
        let area = match.area.lowercased()
        let site = request.site
        func token(_ key: String) -> String { site.tokens[key] ?? site.themeTokens[key] ?? "" }
        let surface = EditSurface(site: site, components: nil, tokens: nil)
        let footer = surface.slot(at: .site(key: "footer", child: nil))
        let title = site.title ?? "the site"
        var options: [(label: String, run: () throws -> Resolution?)] = []
        var hint: String
        if area.contains("foot") || area.contains("bottom") {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = request.context.timeZone
            let year = calendar.component(.year, from: request.context.now)
            let line = "© \(year) \(title). All rights reserved."
            if let footer, footer.value != line {
                options.append(("Footer text “\(line)”", { try SlotIntent.set(footer, to: line, request) }))
            }
            for (name, hex) in [("Dark footer", "#111827"), ("Light footer", "#f8fafc")] where token("footer_bg").lowercased() != hex {
                options.append(("\(name) (\(hex))", {
                    try TokenIntent.apply(ColorPhrase.Match(color: RGBColor(hex: hex) ?? .ink, words: hex, prefix: ""), to: ColorTarget.all[4], request)
                }))
            }
            hint = "The footer says “\(footer?.value ?? "")”. Pick one, or say what to change (“the footer should say …”, “make the footer navy”)."
        } else if area.contains("menu") || area.contains("nav") {
            let missing = site.pages.filter { !$0.isPost && !$0.isHome && site.navIndex(url: $0.url) == nil && !$0.path.hasSuffix("_index.md") }.prefix(3)
            for page in missing {
                options.append(("Add “\(page.title)” to the menu", {
                    try NavIntent().resolve(AgentRequest(context: request.context, site: site, message: "add \(page.title) to the menu"))
                }))
            }
            hint = "The menu is \(site.nav.map(\.label).joined(separator: ", ")). Pick one, or say what to change (“add Careers to the menu”, “put Blog before About”, “remove About from the menu”, “rename Blog to Journal in the menu”)."
        } else {
            for (name, hex) in [("Dark header", "#111827"), ("Header in the primary colour", token("primary")), ("Light header", "#ffffff")]
                where !hex.isEmpty && token("header_bg").lowercased() != hex.lowercased() {
                options.append(("\(name) (\(hex))", {
                    try TokenIntent.apply(ColorPhrase.Match(color: RGBColor(hex: hex) ?? .ink, words: hex, prefix: ""), to: .headerBackground, request)
                }))
            }
            var parts = ["the site title “\(title)”", "the menu (\(site.nav.map(\.label).joined(separator: ", ")))"]
            if let cta = surface.slot(at: .site(key: "cta", child: "label")) { parts.append("the button “\(cta.value)”") }
            hint = "The header shows \(parts.joined(separator: ", ")) on a \(token("header_bg")) background. Pick one, or say what to change (“rename the site to …”, “add Careers to the menu”, “make the header navy”)."
        }
        let question = AgentQuestion(text: "What should change in the \(area)? " + hint, options: options.map(\.label))
        guard !options.isEmpty, case .option(let index) = request.answer(to: question), index < options.count else { return .question(question) }
        return try options[index].run() ?? .question(question)
    }

    /// "make the docs easier to read", "the text is hard to read": what the theme lets change — the width of
    /// the text column, the body font, the body text colour.
    private func vagueReadability(_ request: AgentRequest) throws -> Resolution? {
        guard request.message.wholeMatch(of: /(?i)(?:make\s+(?:the\s+|my\s+|our\s+)?(?:docs|documentation|site|website|blog|text|pages?|posts?|it|articles?)\s+(?:easier|nicer|more\s+pleasant|more\s+comfortable)\s+to\s+read|improve\s+(?:the\s+)?readability|(?:the\s+)?(?:text|docs|site|posts?|pages?)\s+(?:is|are)\s+(?:hard|difficult|tiring)\s+to\s+read|more\s+readable)[.!]*/) != nil else { return nil }
        let site = request.site
        func token(_ key: String) -> String { site.tokens[key] ?? site.themeTokens[key] ?? "" }
        var options: [(label: String, run: () throws -> Resolution?)] = []
        if let width = token("content_width").firstMatch(of: /^(\d+(?:\.\d+)?)rem$/).flatMap({ Double(String($0.1)) }), width > 36 {
            let narrower = "\(Int((width * 0.85).rounded()))rem"
            options.append(("Narrower text column (\(token("content_width")) → \(narrower)), so lines are shorter", {
                var workspace = request.workspace
                try workspace.editSiteYAML(step: "tokens.content_width: \(narrower)") { try $0.setToken("content_width", to: narrower) }
                return .change(workspace, summary: "Changed the width of the text column from \(token("content_width")) to \(narrower): shorter lines are easier to read.")
            }))
        }
        options.append(("Serif body font (Georgia)", { try FontRequest.apply("Georgia", keys: ["font_body"], request) }))
        if token("text").lowercased() != "#111827" {
            options.append(("Darker body text (\(token("text")) → #111827)", {
                try TokenIntent.apply(ColorPhrase.Match(color: RGBColor(hex: "#111827") ?? .ink, words: "#111827", prefix: ""), to: ColorTarget.all[7], request)
            }))
        }
        let question = AgentQuestion(
            text: "What would make it easier to read? The theme has no text-size setting; these are what it lets change. Pick one, or say it (“make the text column 40rem”).",
            options: options.map(\.label))
        guard case .option(let index) = request.answer(to: question), index < options.count else { return .question(question) }
        return try options[index].run() ?? .question(question)
    }

    /// "change the colours", "fix the colour scheme", "I don't like the colours": colour edits only, each named
    /// with the colour it would become.
    private func vagueColours(_ request: AgentRequest) throws -> Resolution? {
        guard request.message.wholeMatch(of: /(?i)(?:change|fix|update|improve|refresh|redo|rework|tweak|swap)\s+(?:the\s+|my\s+|our\s+|all\s+the\s+|some\s+)?(?:site'?s?\s+|website'?s?\s+)?(?:colou?rs?|colou?r\s+scheme|colou?r\s+palette|palette)(?:\s+(?:a\s+bit|a\s+little|up))?(?:\s+(?:to|into)\s+(?:something|anything|ones?|a\s+(?:palette|scheme))\s+(?:a\s+bit\s+|a\s+little\s+|more\s+)?[\w -]{2,30})?(?:\s*[,;:-]\s*[^"“]{0,60})?[.!]*|(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:bored|tired|sick)\s+(?:of|with)\s+(?:the|this|that|these|those|our|my)\s+[\w ]{2,20}?(?:\s+colou?r)?(?:\s*[,;-]\s*[^"“]{0,60})?[.!]*|i\s+(?:don'?t|do\s+not)\s+like\s+the\s+(?:[\w-]+\s+)?(?:colou?r|shade|tone)s?(?:\s*[,;-]\s*[^"“]{0,60})?[.!]*|make\s+(?:the\s+|my\s+|our\s+)?(?:site|website|blog|homepage|home\s+page|design|it|pages?)\s+(?:feel|look|seem)\s+(?:a\s+bit\s+|a\s+little\s+|more\s+)?(?:warmer|cooler|colder|calmer|softer|bolder|brighter|darker|lighter|friendlier|cosier|cozier|more\s+colou?rful|less\s+(?:dark|bright|grey|gray))[.!]*|i\s+(?:don'?t|do\s+not)\s+(?:like|love|care\s+for|dig)\s+(?:the|these|those|our|my)\s+(?:colou?rs?|colou?r\s+scheme)[.!]*|(?:can\s+(?:we|you|u)\s+|could\s+(?:we|you)\s+)?make\s+(?:it|the\s+site|the\s+website|the\s+homepage|the\s+home\s+page|things|everything|the\s+design)\s+(?:feel\s+|look\s+|seem\s+)?(?:a\s+bit\s+|a\s+little\s+|more\s+|much\s+|a\s+lot\s+)?(?:warmer|cosier|cozier|friendlier|calmer|calm|softer|cooler|fresher|brighter|lighter|bolder|inviting|welcoming|relaxed|relaxing|peaceful|less\s+corporate|less\s+cold|less\s+dark)\??[.!]*|(?:change|tweak|adjust|fix|sort(?:\s+out)?|update)\s+(?:things|it|the\s+site|the\s+look|the\s+design|stuff)\s+so\s+(?:that\s+)?it\s+(?:feels|looks|seems)\s+(?:a\s+bit\s+|more\s+)?[\w' -]{2,40}\??[.!]*|make\s+(?:it|the\s+site|the\s+website|the\s+homepage)\s+(?:look|feel)\s+(?:more\s+)?like\s+(?:a|an|the)\s+[\w' -]{2,40}\??[.!]*|(?:the\s+|our\s+|my\s+)?(?:site'?s?\s+|website'?s?\s+)?colou?rs?\s+(?:are|look|seem|feel|is)\s+(?:a\s+bit\s+|a\s+little\s+|too\s+|kind\s+of\s+|quite\s+|very\s+|rather\s+|so\s+|pretty\s+)?(?:wrong|off|bad|boring|dull|ugly|dated|drab|muted|flat|bland|washed[\s-]out|lifeless|grey|gray|harsh|loud|garish|too\s+bright|too\s+dark)[.!]*/) != nil else { return nil }
        let site = request.site
        func token(_ key: String) -> String { (site.tokens[key] ?? site.themeTokens[key] ?? "").lowercased() }
        // "make the blog feel warmer", "… cooler", "it feels too dark": options in that direction.
        let lowered = request.message.lowercased()
        let mood: [(label: String, key: String, target: ColorTarget, hex: String)]? =
            lowered.contains(/warm|cosy|cozy|friendl|inviting|welcoming|less\s+corporate|less\s+cold/) ? [
                ("Warm amber buttons and links", "primary", .primary, "#b45309"),
                ("Cream page background", "background", ColorTarget.all[6], "#fffaf0"),
                ("Warm light header", "header_bg", .headerBackground, "#fff7ed"),
                ("Deep brown footer", "footer_bg", ColorTarget.all[4], "#431407"),
            ] : lowered.contains(/cool|calm|fresh|relax|peaceful|soft/) ? [
                ("Cool teal buttons and links", "primary", .primary, "#0f766e"),
                ("Cool grey page background", "background", ColorTarget.all[6], "#f8fafc"),
                ("Slate header", "header_bg", .headerBackground, "#0f172a"),
            ] : lowered.contains(/too\s+dark|darker\s+than|lighter|brighter|less\s+dark/) ? [
                ("White page background", "background", ColorTarget.all[6], "#ffffff"),
                ("Light header", "header_bg", .headerBackground, "#ffffff"),
                ("Light footer", "footer_bg", ColorTarget.all[4], "#f8fafc"),
            ] : nil
        if let mood {
            let options = mood.filter { token($0.key) != $0.hex }
            let question = AgentQuestion(
                text: "Which of these? Pick one, or name a colour (“make the buttons teal”).",
                options: options.map { "\($0.label) (\(token($0.key).isEmpty ? "" : token($0.key) + " → ")\($0.hex))" })
            guard !options.isEmpty else { return nil }
            guard case .option(let index) = request.answer(to: question), index < options.count else { return .question(question) }
            let pick = options[index]
            return try TokenIntent.apply(ColorPhrase.Match(color: RGBColor(hex: pick.hex) ?? .ink, words: pick.hex, prefix: ""), to: pick.target, request)
        }
        let primary = RGBColor(hex: token("primary")) ?? RGBColor(hex: "#2563eb") ?? .ink
        let brighter = primary.brightened
        let (hue, saturation, lightness) = primary.hsl
        let deeper = RGBColor(hue: hue, saturation: saturation, lightness: max(0.15, lightness - 0.15))
        var options: [(label: String, run: () throws -> Resolution)] = []
        if brighter.hex != primary.hex {
            options.append(("Brighter primary colour (\(primary.hex) → \(brighter.hex))", { try TokenIntent.apply(ColorPhrase.Match(color: brighter, words: brighter.hex, prefix: ""), to: .primary, request) }))
        }
        if deeper.hex != primary.hex {
            options.append(("Deeper primary colour (\(primary.hex) → \(deeper.hex))", { try TokenIntent.apply(ColorPhrase.Match(color: deeper, words: deeper.hex, prefix: ""), to: .primary, request) }))
        }
        for (name, hex) in [("Dark header", "#111827"), ("Light header", "#ffffff")] where token("header_bg") != hex {
            options.append(("\(name) (\(hex))", { try TokenIntent.apply(ColorPhrase.Match(color: RGBColor(hex: hex) ?? .ink, words: hex, prefix: ""), to: .headerBackground, request) }))
        }
        let question = AgentQuestion(
            text: "Which colours? The primary colour (buttons and links) is \(primary.hex) and the header is \(token("header_bg")). Pick one, or name a colour (“make the buttons teal”, “make the footer navy”).",
            options: options.map(\.label))
        guard case .option(let index) = request.answer(to: question), index < options.count else { return .question(question) }
        return try options[index].run()
    }

    /// "change the font", "I don't like the font": which font is not said, so offer concrete ones, naming the
    /// site's current fonts.
    private func vagueFont(_ request: AgentRequest) throws -> Resolution? {
        let pattern = /(?i)^(?:please\s+)?(?:(?:a\s+)?(?:different|another|new|nicer|better)\s+(?:font|fonts|typeface)(?:\s+please)?|(?:the\s+)?(?:font|fonts|typeface|typography)\s+(?:is|are|looks?|seems?|feels?)\s+(?:a\s+bit\s+|kinda\s+|so\s+|really\s+)?(?:meh|boring|ugly|bad|off|dated|old|wrong|bland|plain|weird|hard\s+to\s+read)|something'?s\s+(?:off|wrong|weird|not\s+right)\s+(?:with|about)\s+the\s+(?:font|fonts|typeface|typography)|(?:change|update|switch|swap|fix|improve|modernise|modernize|pick|choose|replace|try)\s+(?:the\s+|my\s+|our\s+)?(?:font|fonts|typeface|typefaces|typography|lettering)|(?:use|try)\s+(?:a\s+)?(?:different|another|new|better|nicer)\s+(?:font|typeface)|i\s+(?:don'?t|do not)\s+like\s+the\s+(?:font|fonts|typeface|typography)|(?:the\s+)?(?:font|fonts|typeface)\s+(?:is|are|looks?)\s+(?:ugly|boring|bad|dull|old|dated|wrong))(?:\s+please)?[.!]*$/
        guard request.message.wholeMatch(of: pattern) != nil else { return nil }
        let heading = request.site.tokens["font_heading"].map { FontStack.stack(for: $0).family } ?? "the theme's default"
        let body = request.site.tokens["font_body"].map { FontStack.stack(for: $0).family } ?? "the theme's default"
        let options = [
            "Classic serif headings (Georgia)",
            "Modern sans-serif everywhere (system UI)",
            "Bolder headings (Arial Black)",
            "Monospace headings (Courier New)",
        ]
        let question = AgentQuestion(
            text: "Which font? Headings use \(heading) and text uses \(body). Pick one, or name any font (\"make the heading font Lora\").",
            options: options)
        switch request.answer(to: question) {
        case .option(0): return try FontRequest.apply("Georgia", keys: ["font_heading"], request)
        case .option(1): return try FontRequest.apply("system-ui", keys: ["font_heading", "font_body"], request)
        case .option(2): return try FontRequest.apply("Arial Black", keys: ["font_heading"], request)
        case .option(3): return try FontRequest.apply("Courier New", keys: ["font_heading"], request)
        default: return .question(question)
        }
    }
}
