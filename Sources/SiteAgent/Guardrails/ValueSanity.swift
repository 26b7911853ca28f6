import Foundation
import SiteCompiler
import Yams

/// Checks the names a change gives the site before it is stored: a site title, tagline, menu label, page title
/// or page address that swallowed the rest of a sentence ("Northwind Tea and make the buttons green") or runs
/// long is a misunderstanding, and a misunderstanding must become a question, never a version.
enum ValueSanity {
    /// Longest title, menu label or address segment accepted without asking.
    static let maxNameLength = 60
    /// Longest tagline accepted without asking (a sentence is fine; a paragraph is a misreading).
    static let maxTaglineLength = 160
    /// Verbs that start an instruction; after "and", "then", "also", "," or ";" inside a value they show that the
    /// value swallowed another instruction.
    static let instructionVerbs = [
        "add", "make", "set", "change", "call", "rename", "remove", "delete", "create", "write", "publish", "put", "use",
        "move", "replace", "turn", "update", "switch", "give", "show", "hide", "insert", "drop", "paint", "colour", "color",
        "date", "point", "tag", "round", "square",
    ]

    /// The problem with `before` → `after`, as a question to ask instead of storing; nil when the names are sane.
    static func question(from before: SiteFiles, to after: SiteFiles, message: String = "") -> AgentQuestion? {
        suspect(from: before, to: after, message: message)?.question
    }

    /// The question, and the stored value it is about (to be replaced by the answer).
    static func suspect(from before: SiteFiles, to after: SiteFiles, message: String = "") -> (question: AgentQuestion, value: String)? {
        // A value the person put in quotes is exactly what they want, whatever words it holds.
        var quoted = Set(message.matches(of: /"([^"]+)"|“([^”]+)”/).compactMap { ($0.output.1 ?? $0.output.2).map(String.init) })
        // "… the Support card to read: We host, monitor and update your site after launch.": words after "to read:"
        // are the text itself, up to the end of the message.
        if let declared = message.firstMatch(of: /(?i)\b(?:to\s+(?:read|say)|should\s+(?:now\s+)?(?:read|say)|so\s+it\s+(?:reads|says))\s*:\s*(?<value>[^\n]+)/) {
            let value = String(declared.value).trimmingWhitespace
            quoted.insert(value)
            quoted.insert(value.replacing(/[.!]$/, with: ""))
        }
        // "1) the big headline: Breathe, move, rest": the words after a thing's name and a colon (or an arrow) on a
        // line of a list are the text itself.
        for line in message.replacing("\\n", with: "\n").split(separator: "\n") {
            if let setting = line.wholeMatch(of: /\s*(?:\d{1,2}[.)]\s*|[-*•>]\s*)?(?:the\s+)?[\w' -]{2,40}?\s*(?::|→|->)\s*(?<value>\S.*?)\s*/) {
                quoted.insert(String(setting.value))
                quoted.insert(String(setting.value).replacing(/[.!]$/, with: ""))
            }
        }
        // Only what changed is read (a title edit on a 3,000-page site must not parse 3,000 front matters).
        let changed = Set(before.paths + after.paths).filter { before[$0] != after[$0] }
        guard !changed.isEmpty else { return nil }
        var named: [(what: String, value: String)] = []
        var texts: [(what: String, value: String)] = []
        if changed.contains("site.yaml"), let new = siteNames(after) {
            let old = siteNames(before)
            if let title = new.title, title != old?.title { named.append(("the site title", title)) }
            if let tagline = new.tagline, tagline != old?.tagline { named.append(("the tagline", tagline)) }
            let oldLabels = Set(old?.labels ?? [])
            for label in new.labels where !oldLabels.contains(label) { named.append(("the menu label", label)) }
            // Other texts (footer, header button, description) may be long, but never hold an instruction.
            let oldTexts = Set(siteTexts(before))
            for text in siteTexts(after) where !oldTexts.contains(text) { texts.append(("a text in site.yaml", text)) }
        }
        for path in changed.sorted() where path.hasPrefix("content/") && path.hasSuffix(".md") {
            guard let text = after.text(path) else { continue }
            let title = FrontMatterEditor(text).string("title") ?? ""
            let oldTitle = before.text(path).flatMap { FrontMatterEditor($0).string("title") }
            let oldProps = Set(before.text(path).map(componentTexts) ?? [])
            for value in componentTexts(text) where !oldProps.contains(value) { texts.append(("a text on \(path)", value)) }
            if !title.isEmpty, title != oldTitle {
                named.append((path.hasPrefix("content/blog/") || path.hasPrefix("content/posts/") ? "the post title" : "the page title", title))
            }
            if before[path] == nil {
                let name = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
                let segment = name == "index" || name == "_index" ? String(path.split(separator: "/").dropLast().last ?? "") : name
                if segment.count > maxNameLength {
                    return (AgentQuestion(text: "Before I change anything: the new page's address would end in “\(segment)” (\(segment.count) characters), "
                        + "which usually means I took part of the request as its name. What should the page be called?"), title)
                }
            }
        }
        // "It should now say: Yes. It is open source under Apache 2.0. The other answer is still correct, so leave it.
        // Thanks, Tomás": a note to me after the text — even after "say:", only words in real quotes are exempt.
        let reallyQuoted = Set(message.matches(of: /"([^"]+)"|“([^”]+)”|(?:^|\s)'([^'\n]{2,})'(?=[\s.,;:!?)]|$)/).compactMap { ($0.output.1 ?? $0.output.2 ?? $0.output.3).map(String.init) })
        for (what, value) in texts + named where !reallyQuoted.contains(value) {
            if let note = noteToMe(in: value) {
                let kept = String(value[..<note.lowerBound]).trimmingWhitespace
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(160))”, which ends with what looks like a note to me (“\(value[note].trimmingWhitespace.prefix(80))”), not the text itself. Should it say “\(kept.prefix(160))”? Answer with the exact words (or “yes”)."), value)
            }
        }
        // "The grey strip at the very bottom should be dark, like the header": a colour said for a place, never its words.
        for (what, value) in texts + named where !reallyQuoted.contains(value)
            && value.lowercased().contains(/^(?:(?:very|quite|a\s+bit|more|much|really|a)\s+)?(?:dark|darker|light|lighter|bright|brighter|pale|paler|black|white|grey|gray|navy|blue|red|green|brown|beige|cream|dark\s+\w+|light\s+\w+)(?:[\s,]+(?:like|as|to\s+match|same\s+as)\s+the\s+\w+(?:\s+\w+)?)?[.!]?$/) {
            return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value)”, which reads like a colour rather than the words to show. If you meant a colour, say which part (“make the footer background #1f2937”); if you meant these words, put them in quotes."), value)
        }
        texts = texts.filter { !quoted.contains($0.value) }
        named = named.filter { !quoted.contains($0.value) }
        for (what, value) in texts + named {
            // "change the footer to include the current year": the value is itself an instruction.
            if value.contains(/^(?i)(?:include|add|remove|make|change|put|set|show|use|update|delete|mention|insert)\s+(?:the|our|my|this|current|today's)\b/) {
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(120))”, which reads like an instruction rather than the text itself. What should it say, word for word?"), value)
            }
        }
        for (what, value) in texts {
            if let clause = swallowedInstruction(in: value) {
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(120))”, which looks like it also holds "
                    + "another instruction (“\(clause.prefix(80))”). What should it say? You can send the other change separately."), value)
            }
        }
        for (what, value) in named {
            // "Contact with a contact form that sends to hello@acme.test": an address is never part of a name.
            if value.contains(/@[\w-]+\.|https?:\/\/|\bwith\s+(?:a|an)\s+[\w ]+\s+(?:that|which)\s/) {
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(100))”, which holds more than a name. What should \(what) be? You can ask for the rest separately."), value)
            }
            if let clause = swallowedInstruction(in: value) {
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value)”, which looks like it also holds "
                    + "another instruction (“\(clause)”). What should \(what) be? You can send the other change separately."), value)
            }
            if value.count > (what == "the tagline" ? maxTaglineLength : maxNameLength) {
                return (AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(80))…” (\(value.count) characters). "
                    + "Names that long usually mean I misread the request. What should \(what) be?"), value)
            }
        }
        return nil
    }

    /// Where a note to the agent starts inside a new text: "… The other answer is still correct, so leave it.",
    /// "… Leave the caption as it is.", "… Yours faithfully, Margaret", "… Thanks, Tomás".
    static func noteToMe(in value: String) -> Range<String.Index>? {
        var starts: [String.Index] = []
        for boundary in value.ranges(of: /[.!?]+\s+|\n+/) where boundary.upperBound < value.endIndex { starts.append(boundary.upperBound) }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : value.endIndex
            let text = value[start..<end].trimmingWhitespace.lowercased()
            if text.contains(/\b(?:leave\s+(?:it|that|them|this|the\s+[\w ]{1,30}?)(?:\s+(?:alone|as\s+(?:it\s+)?is|be|unchanged))|so\s+leave\s+(?:it|that|them)|(?:don'?t|do\s+not)\s+(?:touch|change)\b|no\s+other\s+(?:changes?|part)|(?:is|are)\s+still\s+(?:correct|right|fine)|yours\s+(?:faithfully|sincerely|truly)|kind\s+regards|best\s+wishes|many\s+thanks|thank\s+you\s+(?:so|very)\s+much)\b/)
                || text.contains(/^(?:thanks|thank\s+you|cheers|ta|thx)\b[\s,!.]*(?:[a-z][\w.]*\s*){0,2}[!.]*$/) {
                return start..<value.endIndex
            }
        }
        return nil
    }

    /// The instruction inside `value` ("make the buttons green" in "Northwind Tea and make the buttons green").
    static func swallowedInstruction(in value: String) -> String? {
        // "Recent projects and the testimonials title to Kind words": a second instruction without its verb.
        // "Lumen Docs; also the footer should say …": another thing's new words.
        if let should = value.firstMatch(of: /(?i)[;,.]\s*(?:and\s+)?(?:also\s+)?(?:the|its|our|my)\s+(?:[\w'’-]+\s+){0,4}?(?:should|must|needs?\s+to)\s+(?:say|read|be|become|show|go|link)\b.*$/) {
            return String(should.0).replacing(/^[;,.]\s*/, with: "")
        }
        if let elliptical = value.firstMatch(of: /(?i)(?:\b(?:and|,)\s+(?:the|its|our|my|his|her|their|your)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+|['"”’]?\s+and\s+['"“‘][^'"”’]{1,60}['"”’])\s+(?:to|into)\s+\S.*$/) {
            return String(elliptical.0).replacing(/^(?:and|,)\s+/, with: "")
        }
        let words = value.split(whereSeparator: { $0 == " " }).map(String.init)
        for index in words.indices.dropFirst() {
            let raw = words[index - 1].lowercased()
            let previous = raw.trimmingCharacters(in: CharacterSet(charactersIn: "(["))
            let sentenceEnd = raw.hasSuffix(".") || raw.hasSuffix("!")
            let joins = ["and", "then", "also", "&"].contains(previous) || previous.hasSuffix(",") || previous.hasSuffix(";")
            let word = words[index].lowercased().trimmingCharacters(in: .punctuationCharacters)
            let next = index + 1 < words.count ? words[index + 1].lowercased() : ""
            // "… and go to /contact/", "… and link it to …": a destination is an instruction, not text.
            let isDirection = ["go", "link", "point"].contains(word) && (next == "to" || next.hasSuffix("to"))
                || word == "link" && ["it", "her", "his", "their", "them", "this", "that"].contains(next)
            // "Install & set up", "Make & take": a verb with "up"/"out" (or nothing after) is a phrase, not an order.
            let phrasal = ["up", "out", "down", "off", "away"].contains(next.trimmingCharacters(in: .punctuationCharacters)) && index + 2 >= words.count
            if joins, instructionVerbs.contains(word) || isDirection, index + 1 < words.count, !phrasal {
                return words[index...].joined(separator: " ")
            }
            // "… Also please link her name …", "(and put it above …)": a request inside the text.
            if (joins || sentenceEnd || raw.hasPrefix("(")), word == "please", index + 1 < words.count {
                return words[index...].joined(separator: " ")
            }
        }
        return nil
    }
}

extension ValueSanity {
    /// Every string a page's component blocks hold (props and list items, nested), for "what is new".
    static func componentTexts(_ page: String) -> [String] {
        let editor = ComponentBlockEditor(page)
        var result: [String] = []
        func collect(_ value: Any) {
            if let string = value as? String { result.append(string) }
            if let list = value as? [Any] { list.forEach(collect) }
            if let map = value as? [String: Any] { map.values.forEach(collect) }
        }
        for block in editor.blocks { collect(editor.propValues(of: block)) }
        return result
    }

    /// The top-level and one-level-nested strings of site.yaml other than the title, tagline and menu.
    static func siteTexts(_ files: SiteFiles) -> [String] {
        guard let yaml = files.text("site.yaml"), let root = try? YAMLBudget.compose(yaml), let mapping = root.mapping else { return [] }
        var result: [String] = []
        // Fonts are names too: "header navy with white text, and use Verdana" is not one.
        for (key, value) in root["tokens"]?.mapping ?? [:] where key.string?.hasPrefix("font") == true {
            if let string = value.string { result.append(string) }
        }
        for (key, value) in mapping where !["title", "tagline", "nav", "tokens"].contains(key.string ?? "") {
            if let string = value.string { result.append(string) }
            for (_, nested) in value.mapping ?? [:] { if let string = nested.string { result.append(string) } }
        }
        return result
    }

    /// The site title, tagline and menu labels of `files`' site.yaml; nil when it does not parse.
    static func siteNames(_ files: SiteFiles) -> (title: String?, tagline: String?, labels: [String])? {
        guard let yaml = files.text("site.yaml"), let root = try? YAMLBudget.compose(yaml) else { return nil }
        let labels = (try? SiteYAMLEditor(yaml).navLines().map(\.label)) ?? []
        return (root["title"]?.string, root["tagline"]?.string, labels)
    }
}
