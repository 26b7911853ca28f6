import Foundation
import SiteCompiler
import Yams

/// Design tokens: colours ("make the header dark blue", "make the primary color #FF6600") and fonts
/// ("use Playfair Display for headings"). Text colours follow background changes so contrast stays readable.
struct TokenIntent: DefersRefusals {
    /// The starter theme's default colours, used only when the site's theme cannot be read.
    private static let defaults: [String: String] = [
        "primary": "#2563eb", "primary_text": "#ffffff", "header_bg": "#ffffff", "header_text": "#111827",
        "background": "#ffffff", "text": "#1f2937", "footer_bg": "#0f172a", "footer_text": "#cbd5e1",
    ]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        if let font = try FontRequest.resolve(request) { return font }
        if let radius = try RadiusRequest.resolve(request) { return radius }
        if let both = try withTextColour(request) { return both }
        guard let (target, color) = Self.colorRequest(request.message) else { return nil }
        switch target {
        case .target(let target):
            return try Self.apply(color, to: target, request)
        case .unspecified:
            let question = AgentQuestion(
                text: "Which colour should become \(color.words): the primary colour (buttons and links) or the header background?",
                options: ["Primary colour (buttons and links)", "Header background"])
            switch request.answer(to: question) {
            case .option(0): return try Self.apply(color, to: .primary, request)
            case .option: return try Self.apply(color, to: .headerBackground, request)
            default: return .question(question)
            }
        case .unknown(let name):
            let colours = request.site.themeTokens.filter { $0.value.hasPrefix("#") }.keys.sorted().map { $0.replacingOccurrences(of: "_bg", with: " background").replacingOccurrences(of: "_", with: " ") }
            let list = colours.isEmpty ? "primary (buttons and links), button text, header, header text, footer, footer text, page background and body text" : Phrase.list(colours)
            return .unsupported("The theme has no colour setting for “\(name)”. Colours you can change: \(list).")
        }
    }

    /// "Make the header navy with white text": the background, then the text on it, as said (with a warning
    /// when the pair reads badly).
    private func withTextColour(_ request: AgentRequest) throws -> Resolution? {
        // "white with dark text (#1f2328)": the exact colour in brackets is the one meant; "with text #1f2328": the
        // colour after the word.
        let message = request.message
            .replacing(/(?i)(?:[a-z]+\s+)?(?<noun>text|writing|letters|lettering|font|links)\s*\(\s*(?<hex>#[0-9a-f]{3,8})\s*\)/, with: { $0.hex + " " + $0.noun })
            .replacing(/(?i)\s(?<joiner>with|and)\s+(?:the\s+)?(?<noun>text|writing|letters|lettering|font|links)\s+(?:in\s+|colou?r\s+|being\s+)?(?<fg>#[0-9a-f]{3,8}|[a-z]+(?:\s+[a-z]+)?)[.!]?$/, with: { " " + $0.joiner + " " + $0.fg + " " + $0.noun })
        guard let match = message.wholeMatch(of: /(?i)(?<main>.+?)\s+(?:with|and)\s+(?<fg>[^,]+?)\s+(?:text|writing|letters|lettering|font|links)[.!]?/),
              let fg = ColorPhrase.trailing(in: String(match.fg)), fg.prefix.trimmingWhitespace.isEmpty,
              let (parsed, colour) = Self.colorRequest(String(match.main)), case .target(let target) = parsed,
              target.isBackground, let partner = target.partner
        else { return nil }
        let main = try Self.apply(colour, to: target, request)
        guard case .change(var workspace, var summary) = main else { return main }
        let hex = fg.color.hex
        try workspace.editSiteYAML(step: "tokens.\(partner): \(hex)") { try $0.setToken(partner, to: hex) }
        summary = summary.replacing(/\s+(?:Its text is now|The text on it|Note:).*$/, with: "")
        summary += " Its text is \(fg.words.hasPrefix("#") ? hex : "\(fg.words) (\(hex))")"
        let ratio = fg.color.contrast(with: colour.color)
        if ratio < 4.5 {
            let warning = "Text \(hex) on \(colour.color.hex) has a contrast of \(RGBColor.format(ratio: ratio)), below the 4.5:1 WCAG AA minimum."
            workspace.warnings.append(warning)
            summary += "; note: " + warning
        } else {
            summary += " (contrast \(RGBColor.format(ratio: ratio)))."
        }
        return .change(workspace, summary: summary)
    }

    /// Recognises "make/set/change/turn X (to) COLOUR" and "use COLOUR as/for X".
    static func colorRequest(_ text: String) -> (ColorTarget.Parsed, ColorPhrase.Match)? {
        if let color = ColorPhrase.trailing(in: text),
           let verb = color.prefix.prefixMatch(of: /(?i)^(?:make|set|change|turn|paint|colou?r|update|switch|recolou?r)\b\s*/),
           !color.prefix.contains(/(?i)\s(?:and|then|with)\s|[;,:"“]/),
           // "make the alt text for the Pennywise picture more descriptive: … on green" is not about a colour:
           // a colour target is a few words.
           color.prefix.split(separator: " ").count <= 7 {
            return (ColorTarget.parse(String(color.prefix[verb.range.upperBound...])), color)
        }
        if let match = text.firstMatch(of: /(?i)^use\s+(?<color>.+?)\s+(?:as|for)\s+(?<target>.+?)[.!]?$/),
           let color = ColorPhrase.trailing(in: String(match.color)), color.prefix.isEmpty {
            return (ColorTarget.parse(String(match.target)), color)
        }
        return nil
    }

    /// Sets the token for `target`; switches the text on a changed background when it would become hard to read,
    /// and warns when a colour the user picked reads badly.
    static func apply(_ color: ColorPhrase.Match, to target: ColorTarget, _ request: AgentRequest) throws -> Resolution {
        // "The grey strip at the very bottom of every page should be dark, like the header": both ends of the page
        // are named and one colour is given — which one changes is not clear, so nothing is changed.
        let said = request.message.lowercased()
        if said.contains(/\b(?:header|top\s+bar|top\s+of\s+(?:the|every|each)\s+page)\b/), said.contains(/\b(?:footer|bottom)\b/),
           !said.contains(/\band\b|,\s*(?:the\s+)?(?:header|footer)\b/), [ColorTarget.headerBackground.key, "footer_bg", "header_text", "footer_text"].contains(target.key) {
            return .unsupported("This names both the header and the footer (“\(request.message.prefix(100))”). Say which one to change, with its colour: “make the footer #1f2937” or “make the footer the same colour as the header”.")
        }
        let tokens = request.site.tokens
        let hex = color.color.hex
        let named = color.words.hasPrefix("#") ? hex : "\(color.words) (\(hex))"
        guard (tokens[target.key] ?? request.site.themeTokens[target.key])?.lowercased() != hex else {
            return .noChange("The \(target.name) is already \(hex).")
        }
        // "make that writing a darker grey": a colour lighter than the one there now is the opposite of "darker".
        if let current = (tokens[target.key] ?? request.site.themeTokens[target.key]).flatMap(RGBColor.init(hex:)) {
            let lighter = color.color.contrast(with: .white) < current.contrast(with: .white)
            let words = request.message.lowercased()
            if words.contains(/\bdarker\b/) && lighter || words.contains(/\blighter\b/) && !lighter && color.color != current {
                return .unsupported("\(named) is \(lighter ? "lighter" : "darker") than the \(target.name) now (\(current.hex)), the opposite of what you asked. Name the shade (“make the \(target.name) #374151”).")
            }
        }
        // "header black, writing white": white body text on a white page cannot be read — never stored.
        // (Only the body text: a colour asked for the page's text lands there when the writing of another part was meant.)
        if !target.isBackground, target.key == "text", let partnerKey = target.partner,
           let partner = (tokens[partnerKey] ?? request.site.themeTokens[partnerKey] ?? defaults[partnerKey]).flatMap(RGBColor.init(hex:)),
           partner.contrast(with: color.color) < 2 {
            return .unsupported("The \(target.name) \(named) on its background \(partner.hex) would have a contrast of \(RGBColor.format(ratio: partner.contrast(with: color.color))): it could not be read, so nothing was changed. For the text in the header or footer, say so (“make the header text white”).")
        }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "tokens.\(target.key): \(hex)") { try $0.setToken(target.key, to: hex) }
        var summary = "Made the \(target.name) \(named)."
        guard let partnerKey = target.partner,
              let partner = (tokens[partnerKey] ?? request.site.themeTokens[partnerKey] ?? defaults[partnerKey]).flatMap(RGBColor.init(hex:))
        else { return .change(workspace, summary: summary) }
        let ratio = partner.contrast(with: color.color)
        if target.isBackground, target.adjustsPartner, ratio < 4.5 {
            let text = color.color.readableText
            try workspace.editSiteYAML(step: "tokens.\(partnerKey): \(text.hex)") { try $0.setToken(partnerKey, to: text.hex) }
            let formatted = RGBColor.format(ratio: text.contrast(with: color.color))
            summary += " Its text is now \(text == .white ? "white" : "near-black") (\(text.hex)) so it stays readable (contrast \(formatted))."
        } else if ratio < 4.5 {
            let textName = target.isBackground ? (partner == .white ? "White text" : "Text (\(partner.hex))") : "The \(target.name)"
            let onWhat = target.isBackground ? "on the \(target.name) \(hex)" : "on \(partner.hex)"
            let fix = target.isBackground ? "; a darker shade such as \(darkened(color.color).hex) would pass" : ""
            workspace.warnings.append("\(textName) \(onWhat) has a contrast of \(RGBColor.format(ratio: ratio)), below the 4.5:1 WCAG AA minimum\(fix).")
            summary += " Note: \(textName.lowercased()) on it has a contrast of only \(RGBColor.format(ratio: ratio)) (below 4.5:1)."
        } else if target.isBackground, target.adjustsPartner {
            summary += " The text on it (\(partner.hex)) stays readable (contrast \(RGBColor.format(ratio: ratio)))."
        }
        return .change(workspace, summary: summary)
    }

    /// The same hue, darkened until white text on it reaches 4.5:1.
    static func darkened(_ color: RGBColor) -> RGBColor {
        let (hue, saturation, start) = color.hsl
        var lightness = start
        var result = color
        while RGBColor.white.contrast(with: result) < 4.5, lightness > 0 {
            lightness -= 0.01
            result = RGBColor(hue: hue, saturation: saturation, lightness: lightness)
        }
        return result
    }
}
