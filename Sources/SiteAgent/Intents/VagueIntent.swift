import SiteCompiler
import Yams

/// Requests with no single meaning ("make it pop"): ask, with concrete options, then do the one picked.
struct VagueIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        if let font = try vagueFont(request) { return font }
        let pattern = /(?i)^(?:make\s+(?:it|the\s+site|the\s+website|this|everything)\s+(?:pop|stand\s+out|look\s+(?:better|nicer|good|great|modern|fresh)|better|nicer|prettier|cooler|more\s+(?:modern|exciting|interesting|lively|fun|vibrant|striking))|spice\s+(?:it|things)\s+up|jazz\s+(?:it|things)\s+up|improve\s+(?:the\s+)?(?:design|look|style)|give\s+it\s+more\s+(?:punch|energy|life)|more\s+pop|pop)[.!]*$/
        // "the site looks a bit boring", "I want it to feel more premium", "can you make the homepage better",
        // "fix the colours": no single edit is named either.
        let broad = /(?i)^(?:(?:the\s+)?(?:site|website|page|homepage|home\s+page|design|it)\s+(?:looks?|feels?|is)\s+(?:a\s+bit\s+|a\s+little\s+|kind\s+of\s+|too\s+|very\s+|so\s+)?(?:boring|dull|plain|bland|dated|old|old-fashioned|flat|ugly|meh|cheap)(?:\s*[,;-]?\s*(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:spice|jazz|liven|brighten)\s+it\s+up)?|(?:make\s+)?(?:it|the\s+site|the\s+website|the\s+homepage|the\s+home\s+page)\s+(?:look\s+|feel\s+)?(?:more\s+)?(?:premium|professional|elegant|modern|fresh|luxurious|classy|polished|better|nicer)|make\s+(?:the\s+)?(?:homepage|home\s+page|site|website|design)\s+(?:look\s+)?(?:better|nicer|prettier|more\s+\w+)|(?:fix|change|update|improve|refresh)\s+(?:the\s+)?(?:colou?rs?|colou?r\s+scheme|look|style|styling|design)|(?:spice|jazz|liven|brighten)\s+(?:it|things|the\s+site)\s+up(?:\s+a\s+bit)?|make\s+it\s+pop\s+more)[.!]*$/
        let wish = request.message.replacing(/(?i)^(?:i\s+want\s+|we\s+want\s+|i'd\s+like\s+|i\s+would\s+like\s+)(?:it\s+)?(?:to\s+)?/, with: "")
        guard request.message.wholeMatch(of: pattern) != nil || request.message.wholeMatch(of: broad) != nil
            || (wish != request.message && ("it " + wish).wholeMatch(of: broad) != nil) else { return nil }
        let site = request.site
        let primary = site.tokens["primary"].flatMap(RGBColor.init(hex:)) ?? RGBColor(hex: "#2563eb") ?? .ink
        let brighter = primary.brightened
        let bolder = FontStack.stack(for: "Arial Black")
        let theme = request.context.installedThemes.filter { $0 != site.theme }
        let otherTheme = theme.contains("portfolio") ? "portfolio" : theme.first
        let heroPage = site.pages.first { page in
            !page.isPost && site.navIndex(url: page.url) != nil
                && (site.files.text(page.path).map { ComponentBlockEditor($0).blocks(named: "Hero").isEmpty } ?? false)
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

    /// "change the font", "I don't like the font": which font is not said, so offer concrete ones, naming the
    /// site's current fonts.
    private func vagueFont(_ request: AgentRequest) throws -> Resolution? {
        let pattern = /(?i)^(?:please\s+)?(?:(?:change|update|switch|swap|fix|improve|modernise|modernize|pick|choose|replace|try)\s+(?:the\s+|my\s+|our\s+)?(?:font|fonts|typeface|typefaces|typography|lettering)|(?:use|try)\s+(?:a\s+)?(?:different|another|new|better|nicer)\s+(?:font|typeface)|i\s+(?:don'?t|do not)\s+like\s+the\s+(?:font|fonts|typeface|typography)|(?:the\s+)?(?:font|fonts|typeface)\s+(?:is|are|looks?)\s+(?:ugly|boring|bad|dull|old|dated|wrong))(?:\s+please)?[.!]*$/
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
