import SiteCompiler
import Yams

/// Font changes: "use Playfair Display for headings", "set the body font to Lora".
enum FontRequest {
    static func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        var font: String?
        var target: String?
        if let match = text.firstMatch(of: /(?i)^(?:use|set|make|apply)\s+(?<font>.+?)\s+(?:for|on|as the font for|as font for|in)\s+(?:the\s+|all\s+)?(?<target>headings?|headers|titles|headlines|heading text|body(?:\s+text)?|text|body copy|paragraphs|everything|all text|the whole site|site|code|code blocks|monospace text)[.!]?$/) {
            (font, target) = (String(match.font), String(match.target))
        } else if let match = text.firstMatch(of: /(?i)^(?:set|change|make|switch|update)\s+(?:the\s+)?(?<target>heading|headings|headline|title|body|text|main|site|base)\s+font(?:\s+family)?\s+(?:to|into|=)\s+(?<font>.+)$/) {
            (font, target) = (String(match.font), String(match.target))
        } else if let match = text.firstMatch(of: /(?i)^(?:make|set)\s+(?:the\s+)?(?<target>heading|headings|headline|title|body|text|main|site|base)\s+font\s+(?<font>.+)$/) {
            (font, target) = (String(match.font), String(match.target))
        } else if let match = text.firstMatch(of: /(?i)^use\s+(?<font>.+?)\s+as\s+(?:the\s+)?(?<target>heading|headings|body|text|main|site)\s+font[.!]?$/) {
            (font, target) = (String(match.font), String(match.target))
        }
        guard var font, let target else { return nil }
        // "a monospace font like Courier New": the family named after "like" / "such as".
        if let named = font.firstMatch(of: /(?i)\b(?:like|such as|e\.g\.?|say)\s+(?<family>.+)$/) { font = String(named.family) }
        let name = Phrase.value(font).replacing(/(?i)\s+(?:font|typeface)$/, with: "").replacing(/(?i)^(?:a|an|the)\s+/, with: "")
        // "Make the header navy with white text, and use Verdana for headings": not a font's name.
        guard plausibleName(name) else { return nil }
        let lowered = target.lowercased()
        let keys: [String]
        if lowered.hasPrefix("code") || lowered.hasPrefix("mono") {
            keys = ["font_mono"]
        } else if lowered.hasPrefix("head") || lowered.hasPrefix("title") {
            keys = ["font_heading"]
        } else if ["everything", "all text", "the whole site", "site", "main"].contains(lowered) {
            keys = ["font_body", "font_heading"]
        } else {
            keys = ["font_body"]
        }
        return try apply(name, keys: keys, request)
    }

    /// A font family's name: a few words, none of them an instruction or an article ("Playfair Display",
    /// "IBM Plex Sans", "Georgia, serif").
    static func plausibleName(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty, words.count <= 6, name.count <= 60 else { return false }
        let banned = Set(ValueSanity.instructionVerbs + ["the", "and", "with", "to", "then", "also", "header", "footer", "buttons", "colour", "color"])
        return !words.contains { banned.contains($0) }
    }

    /// Whether `name` reads as a font family: capitalised words (digits allowed), or a family the agent knows.
    static func isFamilyName(_ name: String) -> Bool {
        let trimmed = name.trimmingWhitespace
        guard trimmed.count <= 60, !trimmed.contains(/[{};]/) else { return false }
        // "Georgia, serif": a stack of known families.
        if trimmed.contains(",") {
            return trimmed.split(separator: ",").allSatisfy { FontStack.knows(String($0).trimming(characters: "\"' ")) }
        }
        if FontStack.knows(trimmed) { return true }
        return trimmed.wholeMatch(of: /[A-Z0-9][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,4}/) != nil
    }

    static func apply(_ name: String, keys: [String], _ request: AgentRequest) throws -> Resolution {
        guard isFamilyName(name) else {
            return .question(AgentQuestion(text: "“\(name.prefix(60))” does not read as a font's name. Which font should it be? For example Georgia, Verdana or Playfair Display."))
        }
        let stack = FontStack.stack(for: name)
        var workspace = request.workspace
        for key in keys {
            try workspace.editSiteYAML(step: "tokens.\(key): \(stack.css)") { try $0.setToken(key, to: stack.css) }
        }
        guard workspace.files != request.context.source else { return .noChange("The font is already \(stack.css).") }
        let what = keys == ["font_heading"] ? "headings" : keys == ["font_body"] ? "body text" : keys == ["font_mono"] ? "code" : "all text"
        var summary = "Set the font for \(what) to \(stack.css)."
        if !stack.isAvailable {
            let warning = "\(stack.family) is not bundled with the site: visitors who do not have it installed see \(stack.fallback) instead. Add the font files under static/ with an @font-face rule to make sure everyone sees it."
            workspace.warnings.append(warning)
            summary += " " + warning
        }
        return .change(workspace, summary: summary)
    }
}
