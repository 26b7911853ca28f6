import Foundation
import SiteCompiler
import Yams

/// `Rename "Fast everywhere" to "Quick on any phone"`, `change the heading "Our story" to "Who we are"`,
/// `"Learn more" should read "See how"`: the quoted current text locates the slot — a component prop, a front
/// matter value, a menu label, a site.yaml value, a heading or a phrase in a page's text — wherever it is.
///
/// One place: replaced there. Several: a question listing them (or all). None: the nearest text the site does
/// have is offered. A page's own title is left to ``PageRenameIntent`` (it also fixes the menu and links).
struct QuotedTextIntent: DefersRefusals {
    /// Slots the site's edit surface knows: a whole value there beats a phrase inside a longer text here.
    var slots: SlotIntent?

    struct Place: Equatable {
        var path: String
        var line: Int
        /// "menu label", "heading", "text", "title" …
        var what: String
        /// The whole value or heading is the text (strongest); otherwise the text is a phrase inside it.
        var whole: Bool
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let quote = #"(?:"([^"]+)"|“([^”]+)”|'([^']+)')"#
        let patterns = [
            #"(?i)^(?:please\s+)?(?:rename|change|replace|update|edit|reword|swap|retitle|relabel|make)\b[^"“']{0,40}?"# + quote
                + #"\s+(?:to|with|into|by|for|so (?:that )?it (?:reads|says)|to (?:read|say))\s+"# + quote + #"\s*[.!]?$"#,
            #"(?i)^(?:the\s+[^"“']{0,30}?)?"# + quote + #"\s+(?:[A-Za-z]+\s+){0,3}?should\s+(?:read|say|be|become)\s+"# + quote + #"\s*[.!]?$"#,
        ]
        // "change “2014” on the About page to “2012”": the page keeps the search to that page.
        var message = request.message
        var onPage: String?
        if let scoped = message.firstMatch(of: /(?i)(?<quote>"[^"]+"|“[^”]+”|'[^']+')\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^"“']{1,40}?)(?:\s+(?:page|post))?(?=\s+(?:to|with|into|by|for)\s+["“'])/),
           case .one(let page) = request.site.findPage(String(scoped.page)) {
            onPage = page.path
            message = String(message[..<scoped.range.lowerBound]) + scoped.quote + String(message[scoped.range.upperBound...])
        }
        var found: (old: String, new: String)?
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message))
            else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: message).map { String(message[$0]) } }
            if groups.count == 2 { found = (groups[0], groups[1]) }
            break
        }
        guard let (old, new) = found, !old.isEmpty else { return nil }
        // "change the answer to "Is it free?" to "Yes"": the first quote names another slot's owner.
        if let before = request.message.firstIndex(where: { "\"“'".contains($0) }),
           request.message[..<before].lowercased().contains(/\s(?:to|of|for|under)\s*$/) { return nil }
        if request.site.pages.contains(where: { $0.title.caseInsensitiveCompare(old) == .orderedSame }) { return nil }
        guard !new.trimmingWhitespace.isEmpty else {
            return .question(AgentQuestion(text: "What should “\(old)” say instead?"))
        }
        if old == new { return .noChange("“\(old)” already reads that way.") }
        // "change the text of the card "Design" to …": words outside the quotes may name another field of the
        // thing quoted; the edit surface knows fields, so it decides first.
        let between = request.message.prefix { !"\"“'".contains($0) }.lowercased()
            .replacing(/^(?:please\s+)?(?:rename|change|replace|update|edit|reword|swap|retitle|relabel|make)\b/, with: "")
        if let slots, !SlotNames.tokens(between).isEmpty, let resolved = try slots.resolve(request) {
            switch resolved {
            case .change, .question: return resolved
            default: break
            }
        }
        var places = Self.places(of: old, in: request.site.files, caseSensitive: true)
        if places.isEmpty { places = Self.places(of: old, in: request.site.files, caseSensitive: false) }
        if let onPage {
            places = places.filter { $0.path == onPage }
            if places.isEmpty { places = Self.places(of: old, in: request.site.files, caseSensitive: false).filter { $0.path == onPage } }
        }
        guard !places.isEmpty else {
            if let nearest = Self.nearest(to: old, in: request.site.files) {
                return try Resolution.question(AgentQuestion(
                    text: "The site has no text “\(old)”. The closest is “\(nearest)”. Change that to “\(new)”?",
                    options: ["Yes, change “\(nearest)” to “\(new)”"]))
                    .answered(by: request) { _ in try Self.replace(nearest, with: new, in: Self.places(of: nearest, in: request.site.files, caseSensitive: true), request) }
            }
            return .unsupported("The site has no text “\(old)” to change (searched site.yaml and every page). Check the spelling, or quote the text exactly as it appears.")
        }
        if !places.contains(where: \.whole), let slots, let whole = try slots.resolve(request) {
            switch whole {
            case .change, .question: return whole
            default: break
            }
        }
        if places.count > 1 {
            // "the headline", "the button", "in the menu": words outside the quotes narrow the places.
            let unquoted = request.message.replacing(/"[^"]*"|“[^”]*”|'[^']*'/, with: " ").lowercased()
            let hinted = places.filter { place in
                place.what.split(separator: " ").contains { unquoted.contains($0) }
                    || (place.what == "menu label" && unquoted.contains(/\b(?:menu|nav|navigation)\b/))
                    || (place.what == "heading" && unquoted.contains(/\b(?:heading|title)\b/))
            }
            if !hinted.isEmpty { places = hinted }
        }
        if places.count == 1 { return try Self.replace(old, with: new, in: places, request) }
        let options = places.map { "\($0.what) in \($0.path) (line \($0.line + 1))" } + ["All \(places.count) places"]
        let question = AgentQuestion(text: "“\(old)” appears in \(places.count) places. Which should read “\(new)”?", options: options)
        switch request.answer(to: question) {
        case .option(let index) where index < places.count: return try Self.replace(old, with: new, in: [places[index]], request)
        case .option: return try Self.replace(old, with: new, in: places, request)
        default: return .question(question)
        }
    }

    /// Every line that holds `text`: as a whole YAML value or heading when there is one (a quoted current value
    /// names its slot), else as a phrase (whole words) inside a value or a page's body.
    static func places(of text: String, in files: SiteFiles, caseSensitive: Bool) -> [Place] {
        var whole: [Place] = []
        var partial: [Place] = []
        let paths = ["site.yaml"] + files.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.sorted()
        for path in paths {
            guard let source = files.text(path) else { continue }
            for (index, line) in source.components(separatedBy: "\n").enumerated() {
                if let (key, value) = yamlPair(line) {
                    let what = path == "site.yaml" && key == "label" ? "menu label" : key.replacingOccurrences(of: "_", with: " ")
                    if equal(value, text, caseSensitive) {
                        whole.append(Place(path: path, line: index, what: what, whole: true))
                    } else if phraseRange(of: text, in: value, caseSensitive) != nil {
                        partial.append(Place(path: path, line: index, what: what, whole: false))
                    }
                } else if let heading = line.firstMatch(of: /^#{1,6}\s+(?<text>.+?)\s*#*$/), equal(String(heading.text), text, caseSensitive) {
                    whole.append(Place(path: path, line: index, what: "heading", whole: true))
                } else if path != "site.yaml", line != "---", phraseRange(of: text, in: line, caseSensitive) != nil {
                    partial.append(Place(path: path, line: index, what: "text", whole: false))
                }
            }
        }
        return whole.isEmpty ? partial : whole
    }

    /// Where `phrase` occurs in `text` as whole words ("Design" is not in "Designer").
    static func phraseRange(of phrase: String, in text: String, _ caseSensitive: Bool) -> Range<String.Index>? {
        var start = text.startIndex
        while let range = text.range(of: phrase, options: caseSensitive ? [] : .caseInsensitive, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWord(before), !isWord(after) { return range }
            start = text.index(after: range.lowerBound)
        }
        return nil
    }

    static func equal(_ a: String, _ b: String, _ caseSensitive: Bool) -> Bool {
        caseSensitive ? a == b : a.caseInsensitiveCompare(b) == .orderedSame
    }

    /// `key: value` or `- key: value` with the value read as YAML (quotes removed).
    static func yamlPair(_ line: String) -> (String, String)? {
        guard let match = line.firstMatch(of: /^\s*(?:-\s+)?(?<key>[A-Za-z_][\w-]*):\s+(?<value>\S.*)$/) else { return nil }
        // A flow mapping or list (`cta: { label: …, url: … }`) is not one value: the edit surface handles it.
        if let first = match.value.first, first == "{" || first == "[" { return nil }
        let raw = String(match.value)
        let value = (try? Yams.load(yaml: raw) as? String) ?? raw
        return (String(match.key), value)
    }

    static func replace(_ old: String, with new: String, in places: [Place], _ request: AgentRequest) throws -> Resolution {
        var workspace = request.workspace
        for (path, group) in Dictionary(grouping: places, by: \.path).sorted(by: { $0.key < $1.key }) {
            var lines = try workspace.text(path).components(separatedBy: "\n")
            for place in group {
                let line = lines[place.line]
                if let match = line.firstMatch(of: /^(?<head>\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)\S.*$/), let (_, value) = yamlPair(line) {
                    var replaced = new
                    if !place.whole, let range = phraseRange(of: old, in: value, true) ?? phraseRange(of: old, in: value, false) {
                        replaced = value.replacingCharacters(in: range, with: new)
                    }
                    lines[place.line] = String(match.head) + YAMLScalar.render(replaced)
                } else if let heading = line.firstMatch(of: /^(?<marks>#{1,6}\s+)/), place.whole {
                    lines[place.line] = String(heading.marks) + new
                } else if let range = phraseRange(of: old, in: line, true) ?? phraseRange(of: old, in: line, false) {
                    lines[place.line] = line.replacingCharacters(in: range, with: new)
                }
            }
            workspace.write(path, lines.joined(separator: "\n"), step: "“\(old)” → “\(new)”")
        }
        let where_ = places.count == 1 ? "the \(places[0].what) in \(places[0].path)" : "\(places.count) places"
        return .change(workspace, summary: "Changed “\(old)” to “\(new)” (\(where_)).")
    }

    /// The slot value closest to `text` (edit distance at most a third of its length), for "did you mean".
    static func nearest(to text: String, in files: SiteFiles) -> String? {
        var best: (String, Int)?
        let paths = ["site.yaml"] + files.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        for path in paths {
            for line in (files.text(path) ?? "").components(separatedBy: "\n") {
                let candidate = yamlPair(line)?.1 ?? line.firstMatch(of: /^#{1,6}\s+(?<text>.+?)\s*$/).map { String($0.text) }
                guard let candidate, abs(candidate.count - text.count) <= max(2, text.count / 3) else { continue }
                let distance = NameMatcher.editDistance(candidate.lowercased(), text.lowercased())
                if distance <= max(2, text.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
            }
        }
        return best?.0
    }
}

extension Resolution {
    /// A yes/no question whose "yes" (its only option, picked) runs `then`.
    func answered(by request: AgentRequest, then: (AgentQuestion) throws -> Resolution) rethrows -> Resolution {
        guard case .question(let question) = self else { return self }
        if case .option = request.answer(to: question) { return try then(question) }
        return self
    }
}
