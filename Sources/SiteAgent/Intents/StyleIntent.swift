import Foundation
import SiteCompiler

/// Looks asked for in any word order: "Header background in darkorange please", "can the links be sky blue?",
/// "dates and captions slate gray", "sidebar should be 20rem wide", "make the text column wider, like 48rem",
/// "make the text column wider" (asks how wide). Tried after every other intent: the message holds a colour or
/// a length, and the rest — without filler words — names one or more style slots of the site's theme and nothing
/// else, so a colour word inside ordinary text never becomes a change.
struct StyleIntent: RequestIntent {
    let schemas: ThemeSchemas

    /// Words that carry no meaning around a style request.
    private static let filler: Set<String> = [
        "can", "could", "would", "will", "should", "shall", "may", "might", "please", "make", "set", "change", "turn",
        "paint", "use", "using", "be", "is", "are", "to", "in", "into", "as", "like", "a", "an", "the", "our", "my", "it",
        "so", "they", "them", "bit", "little", "something", "around", "about", "maybe", "we", "i", "you", "want",
        "need", "needs", "wide", "wider", "narrower", "broader", "slimmer", "thinner", "of", "with", "too", "just",
        "now", "instead", "all", "for", "on", "across", "everywhere", "site", "website", "whole", "entire", "e.g",
        "eg", "say", "approx", "approximately", "roughly", "try", "how", "if", "lets", "let's", "go", "done", "in",
        "please", "kindly", "both", "widen", "narrow", "shrink", "enlarge", "increase", "decrease", "reduce",
        "bump", "up", "down", "bit", "slightly", "go", "with",
    ]

    /// Verbs that start another kind of request: never a style change, whatever colour word it holds.
    private static let otherVerbs: Set<String> = [
        "add", "remove", "delete", "rename", "write", "create", "publish", "insert", "move", "put", "drop", "undo",
        "revert", "swap", "replace", "link", "call",
    ]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        guard !message.contains(where: { "\"“”".contains($0) }) else { return nil }
        var words = message.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",.!?;:()")) }.filter { !$0.isEmpty }
        guard let first = words.first?.lowercased(), !Self.otherVerbs.contains(first), words.count <= 16 else { return nil }
        guard let theme = request.site.theme, let manifest = schemas.manifest(of: theme) else { return nil }
        let surface = EditSurface(site: request.site, components: nil, tokens: manifest.tokens)

        // "a burgundy colour", "a darker shade": the noun after a colour word adds nothing.
        if words.count > 2, ["colour", "color", "shade", "tone", "hue"].contains(words[words.count - 1].lowercased()),
           Self.colour(in: Array(words.dropLast())).map({ $0.0.upperBound == words.count - 1 }) == true {
            words.removeLast()
        }
        if let (range, value) = Self.length(in: words) {
            // "Increase the text size to 18px": a size of the text is no width; the theme says what it has.
            let lowered = words.map { $0.lowercased() }
            if lowered.contains(where: { ["size", "sizes", "fontsize"].contains($0) }), !lowered.contains("width"),
               !surface.slots.contains(where: { $0.kind == .length && $0.label.lowercased().contains("size") }) {
                return try withoutValue(["make", "the", "text", "bigger"], surface: surface, manifest: manifest, request)
            }
            words.removeSubrange(range)
            return try apply(value, kind: .length, reference: words, surface: surface, request)
        }
        if let (range, value) = Self.colour(in: words) {
            var reference = words
            reference.removeSubrange(range)
            // "the page background a very light grey, #f5f5f5", "the body text a bit darker, like #111111": the
            // words describing the colour given exactly after them are no part of what is coloured.
            if range.lowerBound == reference.count {
                let describing: Set<String> = ["very", "light", "dark", "darker", "lighter", "bit", "little", "like", "such", "as", "e.g", "say",
                                               "maybe", "perhaps", "slightly", "shade", "of", "a", "an", "pale", "soft", "deep", "tad", "touch", "more", "less",
                                               "brighter", "warmer", "cooler", "something", "ish", "colour", "color", "exactly", "specifically"]
                while let last = reference.last?.lowercased(), describing.contains(last) || ColorPhrase.named(last) != nil || last.hasSuffix("ish") {
                    reference.removeLast()
                }
            }
            if let done = try apply(value, kind: .color, reference: reference, surface: surface, request) { return done }
            // "the page background is too bright, could we use a soft cream like ivory": the clause that names a
            // colour setting, when only one does.
            let chunks = message.split(separator: /\s*[,;]\s*/).map { $0.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".!?")) } }
            let naming = chunks.filter { chunk in
                let meaningful = chunk.map { $0.lowercased() }.filter { !Self.filler.contains($0) && !["too", "bright", "dark", "light", "pale", "dull", "loud", "harsh", "soft"].contains($0) }
                return !meaningful.isEmpty && meaningful.count <= 3 && Self.slots(named: meaningful, kind: .color, surface: surface, site: request.site).count == 1
            }
            if chunks.count > 1, naming.count == 1 {
                let meaningful = naming[0].map { $0.lowercased() }.filter { !Self.filler.contains($0) && !["too", "bright", "dark", "light", "pale", "dull", "loud", "harsh", "soft"].contains($0) }
                return try apply(value, kind: .color, reference: meaningful, surface: surface, request)
            }
            return nil
        }
        return try withoutValue(words, surface: surface, manifest: manifest, request)
    }

    /// "make the text column wider": asks how wide, with options around the current width. "make the font
    /// bigger": says no theme setting does that, and what can be done instead.
    private func withoutValue(_ words: [String], surface: EditSurface, manifest: ThemeManifest, _ request: AgentRequest) throws -> Resolution? {
        let lowered = words.map { $0.lowercased() }
        // "make the buttons a darker shade", "the header a bit lighter": a colour relative to the current one.
        let darker = lowered.contains { ["darker", "deeper", "richer"].contains($0) }
        let lighter = lowered.contains { ["lighter", "paler", "softer", "brighter"].contains($0) }
        if darker != lighter {
            let relative: Set<String> = ["darker", "deeper", "richer", "lighter", "paler", "softer", "brighter", "shade", "tone", "much", "lot", "bit", "slightly", "more", "colour", "color", "tad", "touch", "little"]
            let reference = lowered.filter { !relative.contains($0) && !Self.filler.contains($0) }
            let named = reference.isEmpty ? [] : Self.slots(named: reference, kind: .color, surface: surface, site: request.site)
            if let slot = named.first, named.count == 1, let current = RGBColor(hex: slot.value) {
                let (hue, saturation, lightness) = current.hsl
                let steps = darker ? [-0.08, -0.18] : [0.08, 0.18]
                let shades = steps.map { RGBColor(hue: hue, saturation: saturation, lightness: min(0.97, max(0.05, lightness + $0))) }
                    .filter { $0.hex != current.hex }
                let word = darker ? "darker" : "lighter"
                let options = zip(["A bit \(word)", "Much \(word)"], shades).map { "\($0.0) (\(current.hex) → \($0.1.hex))" }
                let question = AgentQuestion(text: "\(slot.label.prefix(1).uppercased() + slot.label.dropFirst()) is now \(current.hex). How much \(word)?", options: options)
                if case .option(let index) = request.answer(to: question), index < shades.count {
                    return try SlotIntent.set(slot, to: shades[index].hex, request)
                }
                return .question(question)
            }
        }
        let wider = lowered.contains { ["wider", "broader", "bigger", "larger"].contains($0) }
        let narrower = lowered.contains { ["narrower", "slimmer", "thinner", "smaller"].contains($0) }
        guard wider != narrower else { return nil }
        let reference = lowered.filter { !["wider", "broader", "bigger", "larger", "narrower", "slimmer", "thinner", "smaller", "much", "lot", "bit", "more", "less", "slightly"].contains($0) && !Self.filler.contains($0) }
        // "make the text bigger" is about the size of the letters, never the width of the column.
        let sized = lowered.contains { ["bigger", "larger", "smaller"].contains($0) }
        let typeWords: Set<String> = ["font", "fonts", "text", "type", "letters", "writing", "headings", "heading", "titles", "title", "headline", "headlines", "words", "print"]
        var named = Self.slots(named: reference, kind: .length, surface: surface, site: request.site)
        if named.isEmpty, !reference.isEmpty, !reference.contains("width"), !(sized && reference.contains(where: typeWords.contains)) {
            named = Self.slots(named: reference + ["width"], kind: .length, surface: surface, site: request.site)
        }
        if let slot = named.first, named.count == 1, let (number, unit) = Self.split(slot.value) {
            let factors = wider ? [1.1, 1.2, 1.35] : [0.9, 0.8, 0.7]
            let options = factors.map { Self.format(number * $0) + unit }
            let question = AgentQuestion(
                text: "\(slot.label.prefix(1).uppercased() + slot.label.dropFirst()) is now \(slot.value). How \(wider ? "wide" : "narrow") should it be?",
                options: options)
            switch request.answer(to: question) {
            case .option(let index) where index < options.count: return try SlotIntent.set(slot, to: options[index], request)
            default:
                if let answer = request.context.answer, let (_, value) = Self.length(in: answer.split(separator: " ").map(String.init)) {
                    return try SlotIntent.set(slot, to: value, request)
                }
                return .question(question)
            }
        }
        // "make it bigger", "make everything smaller": nothing named. Say what has a size, with options.
        if reference.allSatisfy({ ["everything", "things", "stuff", "all", "this", "that", "site", "website", "page"].contains($0) }) {
            let lengths = surface.slots.filter { $0.kind == .length }.compactMap { slot -> (EditSlot, String)? in
                guard let (number, unit) = Self.split(slot.value) else { return nil }
                return (slot, Self.format(number * (wider ? 1.2 : 0.85)) + unit)
            }
            let sizeless = manifest.tokens.contains(where: { $0.name.contains("size") }) ? "" : "The \(manifest.name) theme has no text-size setting. "
            let options = lengths.map { "\($0.0.label.prefix(1).uppercased() + $0.0.label.dropFirst()): \($0.0.value) → \($0.1)" }
            let question = AgentQuestion(
                text: "What should be \(wider ? "bigger" : "smaller")? " + sizeless
                    + (lengths.isEmpty ? "It has no lengths the agent can change; a model backend can edit the theme's CSS." : "These sizes can change:"),
                options: options)
            if case .option(let index) = request.answer(to: question), index < lengths.count {
                return try SlotIntent.set(lengths[index].0, to: lengths[index].1, request)
            }
            return lengths.isEmpty ? .unsupported(question.text) : .question(question)
        }
        // "make the font bigger", "the headings should be larger": no theme declares a size token.
        let aboutType = reference.contains { ["font", "fonts", "text", "type", "letters", "writing", "headings", "heading", "titles", "title", "headline", "headlines", "words"].contains($0) }
        guard aboutType, reference.count <= 4, !manifest.tokens.contains(where: { $0.name.contains("size") }) else { return nil }
        return .unsupported(
            "The \(manifest.name) theme has no text-size setting, so the offline agent cannot make text \(wider ? "bigger" : "smaller"). "
                + "It can change the fonts themselves (“make the heading font Georgia”) or the width of the text column (“make the text column 40rem”); "
                + "a model backend can edit the theme's CSS.")
    }

    /// Sets every slot the reference names (split on "and" / ","), in order.
    private func apply(_ value: String, kind: EditSlot.Kind, reference: [String], surface: EditSurface, _ request: AgentRequest) throws -> Resolution? {
        var parts: [[String]] = [[]]
        for word in reference {
            if ["and", "&", "plus"].contains(word.lowercased()) { parts.append([]) } else { parts[parts.count - 1].append(word) }
        }
        var targets: [EditSlot] = []
        for part in parts {
            let meaningful = part.map { $0.lowercased() }.filter { !Self.filler.contains($0) }
            if meaningful.isEmpty { continue }
            var named = Self.slots(named: meaningful, kind: kind, surface: surface, site: request.site)
            if named.isEmpty, kind == .length, !meaningful.contains("width") {
                named = Self.slots(named: meaningful + ["width"], kind: kind, surface: surface, site: request.site)
            }
            guard let slot = named.first else { return nil }
            if named.count > 1 {
                let question = AgentQuestion(
                    text: "Which do you mean by “\(meaningful.joined(separator: " "))”?",
                    options: named.prefix(5).map { "\($0.label) (now \($0.value))" })
                guard case .option(let index) = request.answer(to: question), index < named.count else { return .question(question) }
                targets.append(named[index])
                continue
            }
            if !targets.contains(where: { $0.location == slot.location }) { targets.append(slot) }
        }
        guard !targets.isEmpty else { return nil }
        var current = request
        var workspace = request.workspace
        var summaries: [String] = []
        for slot in targets {
            switch try SlotIntent.set(slot, to: value, current) {
            case .change(let done, let summary):
                workspace.steps += done.steps
                workspace.warnings += done.warnings
                workspace.files = done.files
                summaries.append(summary)
                var context = current.context
                context.source = done.files
                var site = try SiteSnapshot(files: done.files)
                site.themeTokens = request.site.themeTokens
                current = AgentRequest(context: context, site: site, message: request.message)
            case .noChange(let reason):
                summaries.append(reason)
            case let other:
                return other
            }
        }
        guard workspace.files != request.context.source else { return .noChange(summaries.joined(separator: " ")) }
        return .change(workspace, summary: summaries.joined(separator: " "))
    }

    /// The slots of `kind` the words name best: one, or the close rivals when the words fit several equally.
    private static func slots(named words: [String], kind: EditSlot.Kind, surface: EditSurface, site: SiteSnapshot) -> [EditSlot] {
        let matches = SlotMatcher.matches(words.joined(separator: " "), in: surface, site: site)
            .filter { $0.slot.kind == kind && $0.score >= 50 }
        guard let best = matches.first else { return [] }
        let close = matches.filter { $0.score >= best.score - 6 }
        var seen = Set<EditSlot.Location>()
        return close.map(\.slot).filter { seen.insert($0.location).inserted }
    }

    /// The last length in the words ("48rem", "20 rem", "300px").
    static func length(in words: [String]) -> (Range<Int>, String)? {
        for index in words.indices.reversed() {
            let word = words[index].lowercased()
            if word.contains(/^\d+(?:\.\d+)?(?:px|rem|em|%|ch|vw|vh)$/) { return (index..<index + 1, word) }
            if index + 1 < words.count, word.contains(/^\d+(?:\.\d+)?$/), ["px", "rem", "em", "%", "ch", "pixels"].contains(words[index + 1].lowercased()) {
                let unit = words[index + 1].lowercased() == "pixels" ? "px" : words[index + 1].lowercased()
                return (index..<index + 2, word + unit)
            }
        }
        return nil
    }

    /// The last colour in the words: a CSS name, a colour phrase ("sky blue", "deep red"), a hex code.
    static func colour(in words: [String]) -> (Range<Int>, String)? {
        for end in stride(from: words.count, through: 1, by: -1) {
            for length in stride(from: min(3, end), through: 1, by: -1) {
                let phrase = words[(end - length)..<end].joined(separator: " ")
                if phrase.contains(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/) || ColorPhrase.named(phrase) != nil
                    || ColorPhrase.trailing(in: phrase).map({ $0.prefix.trimmingWhitespace.isEmpty }) == true {
                    return ((end - length)..<end, phrase)
                }
            }
        }
        return nil
    }

    private static func split(_ value: String) -> (Double, String)? {
        guard let match = value.firstMatch(of: /^(\d+(?:\.\d+)?)(px|rem|em|%|ch|vw|vh)$/), let number = Double(String(match.1)) else { return nil }
        return (number, String(match.2))
    }

    private static func format(_ number: Double) -> String {
        let rounded = (number * 2).rounded() / 2
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
