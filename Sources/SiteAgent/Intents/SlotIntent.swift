import Foundation
import SiteCompiler

/// "set the price of the Pro plan to $29", "change the second feature's text to …", "the footer should say …",
/// "rename the Basic tier to Starter", "change the description of the About page to …": any slot of the site's
/// ``EditSurface``, named by its current value, its label or aliases, or its place (page, component, item,
/// ordinal), set to a value parsed for the slot's type. Close calls become a question listing the candidates.
struct SlotIntent: RequestIntent {
    let schemas: ThemeSchemas

    /// A score this far below the best still counts as a rival worth asking about.
    private static let margin = 6

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        var candidates: [(reference: String, value: String, renaming: Bool)] = []
        // Splits made at "so it says", "to say": the words an item shows, not its name.
        var saying: Set<Int> = []
        if let verb = message.prefixMatch(of: /(?i)^(?:change|set|update|make|edit|replace|rename|reword|retitle|relabel|swap|switch|alter|modify)\s+/) {
            let rest = String(message[verb.range.upperBound...])
            let renaming = verb.output.lowercased().hasPrefix("rename") || verb.output.lowercased().hasPrefix("retitle")
            let joiner = verb.output.lowercased().hasPrefix("replace") || verb.output.lowercased().hasPrefix("swap")
                ? /(?i)\s+(?:with|by|for)\s+/ : /(?i)\s+(?:so (?:that )?it (?:says|reads)|to (?:say|read)|into|to|read|say)\s+|\s*:\s+/
            // "Rename the Get started button to Read the introduction": a capitalised "Read" starts the new text.
            for split in rest.ranges(of: joiner) where !Self.insideQuotes(split.lowerBound, of: rest) {
                var valueStart = split.upperBound
                // "Rename the Get started button to Read the introduction": a capitalised "Read" starts the new text.
                if let word = rest[split].firstMatch(of: /\s(?:Read|Say)\s/), rest[split].lowercased().hasPrefix(" to ") {
                    valueStart = word.range.lowerBound
                    valueStart = rest.index(after: valueStart)
                }
                if rest[split].lowercased().contains(/so\s+(?:that\s+)?it\s+(?:says|reads)|to\s+(?:say|read)/) { saying.insert(candidates.count) }
                candidates.append((String(rest[..<split.lowerBound]), String(rest[valueStart...]), renaming))
                // "change the Pennywise testimonial to 'Fast, thoughtful and fun.'": a whole sentence for an item
                // named without a field is its words (a testimonial's quote, a card's text), never its name.
                let sentence = Phrase.value(String(rest[valueStart...]))
                if !renaming, sentence.split(separator: " ").count >= 4, sentence.last.map({ ".!?".contains($0) }) == true {
                    for field in [" quote", " text", " answer"] {
                        saying.insert(candidates.count)
                        candidates.append((String(rest[..<split.lowerBound]) + field, String(rest[valueStart...]), false))
                    }
                }
            }
        }
        // "The Harbour Festival project page should show project-3.svg instead of project-1.svg".
        if let match = message.firstMatch(of: /(?i)^(?<scope>.+?)\s+should\s+(?:show|use|have|display)\s+(?<value>\S+)\s+instead\s+of\s+(?<old>\S+)$/) {
            candidates.append((String(match.old) + " on " + match.scope.replacing(/(?i)\s+project\s+page$|\s+page$/, with: "") + " page", String(match.value), false))
        }
        // "use /img/project-2.svg instead of project-1 (on the Harbour Festival page)": the current value, or a
        // file's name without its folder.
        if let match = message.firstMatch(of: /(?i)^use\s+(?<value>\S+)\s+for\s+(?<what>.+?)\s+instead\s+of\s+(?<old>\S+)$/) {
            candidates.append((String(match.old), String(match.value), false))
        }
        if let match = message.firstMatch(of: /(?i)^(?:use|put|show)\s+(?<value>\S+)\s+instead\s+of\s+(?<reference>.+)$/) {
            candidates.append((String(match.reference), String(match.value), false))
        }
        if let match = message.firstMatch(of: /(?i)^use\s+(?<value>.+?)\s+(?:for|as)\s+(?<reference>.+)$/) {
            // "use X for the picture instead (on the … page)": "instead" says nothing about which.
            candidates.append((String(match.reference).replacing(/(?i)\s+instead\b/, with: ""), String(match.value), false))
        }
        var styleOnly: Set<Int> = []
        var textOnly: Set<Int> = []
        if let verb = message.prefixMatch(of: /(?i)^(?:make|turn|paint|colou?r|set)\s+/) {
            // "make the muted colour olive", "make the code font Georgia": no joiner, so every split between
            // words is a candidate — but only for colours, fonts and lengths, whose values parse strictly.
            let words = message[verb.range.upperBound...].split(separator: " ").map(String.init)
            for cut in stride(from: words.count - 1, through: 1, by: -1) {
                let reference = words[..<cut].joined(separator: " ")
                let value = words[cut...].joined(separator: " ")
                let isColour = ColorPhrase.trailing(in: value).map { $0.prefix.trimmingWhitespace.isEmpty } ?? false
                let isLength = value.contains(/^(?:0|\d+(?:\.\d+)?(?:px|rem|em|%|ch|vw|vh))$/)
                // "make the main headline Design people notice": a capitalised text right after a text's name.
                if !isColour, !isLength, verb.output.lowercased().hasPrefix("make"), value.first?.isUppercase == true,
                   reference.lowercased().contains(/\b(?:headline|heading|title|tagline|subtitle|subheadline|subheading|button|label|footer|slogan|strapline|wording|caption)$/) {
                    textOnly.insert(candidates.count)
                    candidates.append((reference, value, false))
                    continue
                }
                guard isColour || isLength || reference.lowercased().contains(/\b(?:font|typeface)$/) else { continue }
                styleOnly.insert(candidates.count)
                candidates.append((reference, value, false))
            }
        }
        var linkOnly: Set<Int> = []
        var notBareText: Set<Int> = []
        if let match = message.firstMatch(of: /(?i)^(?<reference>.+?)\s+should\s+(?:now\s+)?(?<verb>be called|be named|be titled|be renamed(?: to)?|be dated|be published on|have the date|read|say|be|become|go to|link to|point to|lead to|open)\s*:?\s+(?<value>.+)$/),
           !Self.insideQuotes(match.verb.startIndex, of: message) {
            let verb = match.verb.lowercased()
            // "the Support card should be Care and maintenance": being a new name is renaming the item.
            let named = verb.hasPrefix("be called") || verb.hasPrefix("be named") || verb.hasPrefix("be titled") || verb.hasPrefix("be renamed")
                || ["be", "become"].contains(verb) && !Self.looksLikeStyle(String(match.value))
            let dated = verb.hasPrefix("be dated") || verb.hasPrefix("be published") || verb.hasPrefix("have the date")
            if ["go to", "link to", "point to", "lead to", "open"].contains(verb) { linkOnly.insert(candidates.count) }
            // "the footer should be navy", "the headline should be bigger": "be" with a bare value is about looks,
            // never new text (text needs "read", "say", "be called" or quotes).
            if ["be", "become"].contains(verb), Phrase.unquoted(String(match.value)) == nil {
                if let colour = ColorPhrase.trailing(in: String(match.value)), colour.prefix.trimmingWhitespace.isEmpty,
                   case .target(let target) = ColorTarget.parse(String(match.reference)) {
                    return try TokenIntent.apply(colour, to: target, request)
                }
                if Self.looksLikeStyle(String(match.value)) { notBareText.insert(candidates.count) }
            }
            // "Omar's role should be Co-founder, Pennywise now": "now" is when, not part of the role.
            var value = String(match.value)
            if Phrase.unquoted(value) == nil,
               let trimmed = value.firstMatch(of: /(?i)^(?<value>.+?)\s+(?:now|instead|from\s+now\s+on|going\s+forward|these\s+days|please|thanks)[.!]?$/) {
                value = String(trimmed.value)
            }
            if ["read", "say"].contains(verb) {
                // "the Kind words testimonial should say …": an item named without its field means its words.
                for field in [" text", " quote"] {
                    saying.insert(candidates.count)
                    candidates.append((String(match.reference) + field, value, false))
                }
                saying.insert(candidates.count)
            }
            candidates.append((String(match.reference) + (dated ? " date" : ""), value, named))
        }
        if let dated = Self.datedReference(message) { candidates.append((dated.reference + " date", dated.date, false)) }
        guard let theme = request.site.theme else { return nil }
        let manifest = schemas.manifest(of: theme)
        let surface = EditSurface(site: request.site, components: manifest?.components, tokens: manifest?.tokens)
        if candidates.isEmpty { return try Self.vague(message, surface: surface, site: request.site, request: request) }
        // Every split of the message is scored; the one whose reference names a slot best wins (the first on a tie):
        // "change the answer to "Is it free?" to "Yes"" is the answer of that question, not "the answer".
        var scored: [(reference: String, value: String, matches: [SlotMatcher.Match])] = []
        for (index, var candidate) in candidates.enumerated() {
            // "change the headline to Hello there on the home page": the page belongs to the reference.
            if Phrase.unquoted(candidate.value) == nil,
               let scope = candidate.value.firstMatch(of: /(?i)\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^"“”,]+?)\s+(?:page|post)[.!]?$/),
               case .one = request.site.findPage(String(scope.page)) {
                candidate.reference += String(scope.0).replacing(/[.!]$/, with: "")
                candidate.value = String(candidate.value[..<scope.range.lowerBound])
            }
            let value = Phrase.value(candidate.value)
            guard !value.isEmpty else { continue }
            let reference = Self.trimmed(candidate.reference)
            var matches = SlotMatcher.matches(reference, in: surface, site: request.site, renaming: candidate.renaming)
            if linkOnly.contains(index) {
                // "the hero button should go to …": the link that belongs with the text named.
                matches = matches.compactMap { match in
                    match.slot.kind == .url ? match : Self.linkSlot(of: match.slot, in: surface).map { SlotMatcher.Match(slot: $0, score: match.score) }
                }
            }
            // A whole sentence ("The "Support" card should say: We look after your site.") is an item's words even
            // when the item is named by its quoted name.
            let said = candidate.value.trimmingWhitespace
            let sentence = value.split(separator: " ").count >= 4 && said.last.map { ".!?".contains($0) } == true
            if saying.contains(index), sentence || !candidate.reference.contains(where: { "\"“”".contains($0) }) {
                // "Change the testimonial from A reader so it says: …": the quote, not the name.
                let said = Set(SlotNames.tokens(reference))
                matches = matches.map { match in
                    // Unless the name's field is said ("the title of the first feature should say …").
                    let fieldWords = Set(match.slot.patterns.first?.last?.flatMap { SlotNames.tokens($0) } ?? [])
                    guard match.slot.isItemName, said.isDisjoint(with: fieldWords),
                          case .itemProp(let path, let block, let list, let item, _) = match.slot.location,
                          let main = ["quote", "text", "answer", "body", "description"].lazy.compactMap({
                              surface.slot(at: .itemProp(path: path, block: block, list: list, item: item, key: $0)) }).first
                    else { return match }
                    return SlotMatcher.Match(slot: main, score: match.score)
                }
            }
            matches = matches
                .filter { Self.parse(value, for: $0.slot, site: request.site) != nil }
                .filter { !styleOnly.contains(index) || [.color, .font, .length].contains($0.slot.kind) }
                .filter { !textOnly.contains(index) || $0.slot.kind == .text }
                .filter { !notBareText.contains(index) || $0.slot.kind != .text }
            guard let best = matches.first, best.score >= 50 else { continue }
            scored.append((reference, value, matches))
        }
        if let top = scored.map({ $0.matches[0].score }).max(), let pick = scored.first(where: { $0.matches[0].score == top }) {
            let (reference, value, matches) = pick
            let best = matches[0]
            let rivals = matches.filter { $0.score >= best.score - Self.margin && $0.slot.location != best.slot.location && (!$0.loose || best.loose) }
            // "the "Start a project" button in the header": the words around the quoted value name one of them.
            let around = SlotNames.tokens(reference.replacing(/"[^"]*"|“[^”]*”|'[^']*'/, with: " "))
            if !rivals.isEmpty, !around.isEmpty {
                let named = ([best] + rivals).filter { match in
                    let label = SlotNames.tokens(match.slot.label)
                    return around.allSatisfy { word in label.contains { NameMatcher.sameWord(word, $0) } }
                }
                if named.count == 1 { return try Self.set(named[0].slot, to: value, request) }
            }
            if !rivals.isEmpty {
                let options = [best] + rivals.prefix(5)
                let question = AgentQuestion(
                    text: "Which do you mean by “\(reference)”?", options: options.map { "\($0.slot.label) (now “\($0.slot.value.prefix(40))”)" })
                guard case .option(let index) = request.answer(to: question), index < options.count else { return .question(question) }
                return try Self.set(options[index].slot, to: value, request)
            }
            return try Self.set(best.slot, to: value, request)
        }
        return nil
    }


    /// "fix the text", "change the card", "update the button": a change without a new value. Ask which slot and
    /// what it should say, with the slots the words name (or the home page's texts) as options.
    static func vague(_ message: String, surface: EditSurface, site: SiteSnapshot, request: AgentRequest) throws -> Resolution? {
        var trimmed = message.replacing(/(?i)\s+(?:a\s+bit|a\s+little|slightly|somehow|please)[.!]*$/, with: "")
        // "the features bit needs work", "the pricing part": the thing without the filler noun.
        trimmed = trimmed.replacing(/(?i)^(?<head>(?:the\s+|my\s+|our\s+|this\s+|that\s+)?[\w ]{2,30}?)\s+(?:bit|part|area|stuff|thing|bits|parts)(?=\s+(?:needs?|is|looks|seems|reads|could|isn))/, with: { String($0.head) })
        // "make the about page better": a page (or a part) said to need improving.
        trimmed = trimmed.replacing(/(?i)^make\s+(?<what>(?:the\s+|my\s+|our\s+)[\w ]{2,40}?)\s+(?:look\s+|read\s+)?(?:better|nicer|more\s+interesting|more\s+appealing|stronger|less\s+boring)[.!]*$/, with: { String($0.what) + " could be better" })
        let reference: String
        if let match = trimmed.firstMatch(of: /(?i)^(?:change|fix|update|edit|improve|tweak|redo|rework|correct|swap|replace|tidy\s+up|clean\s+up|sort\s+out|reorgani[sz]e|refresh)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+)?(?<reference>[\w ]{2,40}?)(?:\s+(?:up|a\s+bit))?[.!]?$/) {
            reference = String(match.reference)
        } else if let match = trimmed.firstMatch(of: /(?i)^(?:the\s+|my\s+|our\s+|this\s+|that\s+)?(?<reference>[\w ]{2,40}?)\s+(?:needs?\s+(?:some\s+)?(?:work|fixing|a\s+fix|attention|a\s+refresh|an\s+update|updating|changing|improving|love|tidying)|(?:is|looks|seems|reads|feels)\s+(?:a\s+bit\s+|kinda\s+|rather\s+)?(?:wrong|off|broken|outdated|out\s+of\s+date|weird|bad|odd|messy|old|stale|clunky|boring|bland|meh|weak)|could\s+(?:be\s+(?:better|nicer|improved|clearer|tidier)|use\s+(?:some\s+)?(?:work|love|improvement|a\s+refresh))|(?:is\s+not|isn't|isn’t)\s+(?:great|good|right|ideal))[.!]?$/) {
            reference = String(match.reference)
        } else {
            return nil
        }
        // "update the picture" on a site whose pages show none: name the images it has.
        if ["picture", "pictures", "image", "images", "photo", "photos", "photograph", "pic"].contains(reference.lowercased()),
           !surface.slots.contains(where: { $0.kind == .url && ImageIntent.isImage($0.value) }) {
            let images = site.files.paths.filter { $0.hasPrefix("static/") && ImageIntent.isImage($0) }.map { String($0.dropFirst("static".count)) }
            guard let first = images.first else {
                return .unsupported("The site shows no pictures and has none in static/. Add an image file under static/ (static/img/photo.jpg is served at /img/photo.jpg) in a new version, then say “add the image /img/photo.jpg to the home page with alt text …”.")
            }
            return .question(AgentQuestion(text: "No page shows a picture yet. The site has \(images.count) in static/: \(Phrase.list(images.prefix(8).map { $0 })). Which should go where? Say for example “add the image \(first) to the home page with alt text …”."))
        }
        // The follow-up "What should … say?" answered: that is the new text.
        if let asked = request.context.question, asked.options.isEmpty, let answer = request.context.answer?.trimmingWhitespace, !answer.isEmpty,
           let slot = surface.slots.first(where: { asked.text.hasPrefix("What should \($0.label) say?") }) {
            return try set(slot, to: Phrase.value(answer), request)
        }
        let wantedNoun = SlotNames.normalized(reference)
        // "change the heading": the page headings and big headlines, not the cards' titles.
        if ["heading", "headings", "headline", "headlines", "title", "titles", "header text"].contains(wantedNoun) {
            let headings = surface.slots.filter { slot in
                if case .heading = slot.location { return true }
                if case .prop(_, _, let key) = slot.location { return ["headline", "title"].contains(key) }
                if case .site("title", nil) = slot.location { return true }
                return false
            }
            if !headings.isEmpty { return try Self.ask(headings, reference: reference, request) }
        }
        // "change the button": every button, the header's included.
        if ["button", "buttons"].contains(wantedNoun) {
            let buttons = surface.slots.filter { $0.kind == .text && ($0.label.lowercased().contains("button") || { if case .site("cta", "label"?) = $0.location { return true } else { return false } }($0)) }
            if !buttons.isEmpty { return try Self.ask(buttons, reference: reference, request) }
        }
        // "update the docs": a section of the site — its pages.
        if case .one(let page) = site.findPage(reference), page.isSection || site.navIndex(url: page.url) != nil,
           SlotNames.normalized(page.title) == wantedNoun || site.nav.contains(where: { SlotNames.normalized($0.label) == wantedNoun }) {
            let below = site.pages.filter { $0.url.hasPrefix(page.url) && $0.url != page.url }.prefix(8)
            let texts = surface.slots.filter { $0.page?.path == page.path && $0.kind == .text }.prefix(4)
            return .question(AgentQuestion(
                text: "What should change in “\(page.title)”? " + (below.isEmpty ? "" : "Its pages: \(Phrase.list(below.map { "“\($0.title)”" })). ")
                    + (texts.isEmpty ? "" : "Its own texts: \(Phrase.list(texts.map { "\($0.label) (now “\($0.value.prefix(40))”)" })). ")
                    + "Say what to change (“change the description of the \(below.first?.title ?? page.title) page to …”, “add a heading \"…\" to the \(below.first?.title ?? page.title) page saying …”).",
                options: []))
        }
        // "the card", "the FAQ", "the plan": a word naming a kind of list item or a list comes first.
        var slots = surface.slots.filter { slot in
            guard case .itemProp = slot.location, slot.kind == .text else { return false }
            return slot.patterns.contains { $0.count >= 2 && $0[1].contains { SlotNames.normalized($0) == wantedNoun || SlotNames.normalized(SlotNames.singular($0)) == SlotNames.normalized(SlotNames.singular(wantedNoun)) } }
                || (slot.component.map { EditSurface.componentNames($0).map(SlotNames.normalized).contains(wantedNoun) } ?? false)
        }
        if slots.isEmpty { slots = SlotMatcher.matches(reference, in: surface, site: site).filter { $0.score >= 50 }.map(\.slot) }
        // "fix the big banner on the home page": a section named by its kind — its texts.
        if slots.isEmpty {
            var words = reference
            var onPage: PageRecord?
            if let (page, rest) = SlotMatcher.page(in: reference, site: site) { (onPage, words) = (page, rest) }
            let kind = SlotNames.tokens(words).filter { !["big", "main", "top", "little", "small", "whole", "entire"].contains($0) }.joined(separator: " ")
            if !kind.isEmpty {
                slots = surface.slots.filter { slot in
                    guard slot.kind == .text, case .prop(let path, let block, _) = slot.location else { return false }
                    if let onPage, path != onPage.path { return false }
                    let blocks = ComponentBlockEditor(site.files.text(path) ?? "").blocks
                    guard blocks.indices.contains(block) else { return false }
                    return EditSurface.componentNames(blocks[block].name).map { SlotNames.tokens($0).joined(separator: " ") }.contains(kind)
                }
            }
        }
        if slots.isEmpty {
            // "the card", "the plan": a word naming a kind of item or section.
            let wanted = SlotNames.normalized(reference)
            slots = surface.slots.filter { slot in slot.patterns.contains { $0.contains { $0.contains { SlotNames.normalized($0) == wanted } } } && slot.kind == .text }
                .filter { if case .itemProp = $0.location { return true } else { return false } }
        }
        // "the about page needs some love": the texts of that page.
        if slots.isEmpty, reference.lowercased().contains(/\b(?:page|post)$/) || reference.lowercased().contains(/^(?:home\s*page|homepage)$/),
           case .one(let page) = site.findPage(reference.replacing(/(?i)\s+(?:page|post)$/, with: "")) {
            let texts = surface.slots.filter { $0.page?.path == page.path && $0.kind == .text }
            let shown = texts.prefix(6).map { "\($0.label) (now “\($0.value.prefix(40))”)" }
            return .question(AgentQuestion(
                text: "What should change on “\(page.title)”? "
                    + (texts.isEmpty ? "It has no texts the agent can name yet." : "It has \(Phrase.list(Array(shown))).")
                    + " Say what it should say (“change … to …”), add a section (“add a heading \"…\" to the \(page.title) page saying …”), or add a picture from static/.",
                options: []))
        }
        if slots.isEmpty, ["text", "texts", "copy", "words", "wording", "content", "writing"].contains(reference.lowercased()) {
            slots = surface.slots.filter { $0.kind == .text && ($0.page?.isHome ?? false) }
        }
        // "the homepage text isn't great", "the about page copy": a page's texts.
        if slots.isEmpty, let said = reference.wholeMatch(of: /(?i)(?<page>[\w ]{2,30}?)(?:\s+page)?(?:'s)?\s+(?:text|texts|copy|words|wording|content|writing)/),
           case .one(let page) = site.findPage(String(said.page).lowercased().contains(/^(?:home|homepage|front)$/) ? "home" : String(said.page)) {
            let texts = surface.slots.filter { $0.page?.path == page.path && $0.kind == .text }
            if !texts.isEmpty { return try Self.ask(Array(texts), reference: reference, request) }
        }
        guard !slots.isEmpty else { return nil }
        // "tidy up the FAQ", "the testimonials need work": a list — say what can be done with its items.
        if slots.allSatisfy({ if case .itemProp = $0.location { return true } else { return false } }),
           case .itemProp(let path, let block, let list, _, _) = slots[0].location,
           slots.allSatisfy({ if case .itemProp(path, block, list, _, _) = $0.location { return true } else { return false } }) {
            let names = surface.slots.filter { if case .itemProp(path, block, list, _, _) = $0.location { return $0.isItemName } else { return false } }.map(\.value)
            let first = names.first ?? "…"
            return .question(AgentQuestion(
                text: "What should change in the \(slots[0].component ?? "list") section on “\(slots[0].page?.title ?? "")”? It has \(Phrase.list(names.map { "“\($0)”" })). "
                    + "You can say, for example, “remove “\(first)””, “move “\(first)” to the bottom”, “rename “\(first)” to …” or “add a new one called …”.",
                options: []))
        }
        return try ask(slots, reference: reference, request)
    }

    /// "Which … should change?" with the slots as options; an option picked without the new text asks for it.
    static func ask(_ slots: [EditSlot], reference: String, _ request: AgentRequest) throws -> Resolution {
        let shown = slots.prefix(6).map { "\($0.label) (now “\($0.value.prefix(40))”)" }
        let question = AgentQuestion(
            text: "Which \(reference) should change, and what should it say? For example: “change \(slots[0].label) to …”.",
            options: Array(shown))
        if case .option(let index) = request.answer(to: question), index < shown.count {
            let slot = Array(slots.prefix(6))[index]
            return .question(AgentQuestion(text: "What should \(slot.label) say? It says “\(slot.value)” now."))
        }
        return .question(question)
    }

    /// "date the workbench post 20 April 2025", "the hello world post was actually published on 14 Feb 2024, fix
    /// the date", "the Pennywise project went live on 5 June 2024": the thing dated, and the date.
    static func datedReference(_ message: String) -> (reference: String, date: String)? {
        guard let (date, rest) = WrittenDate.extract(from: message) else { return nil }
        var reference = rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,!"))
        let before = reference
        reference = reference.replacing(/(?i)[,;.]?\s*(?:so\s+)?(?:please\s+)?(?:fix|correct|update|change|adjust)\s+(?:the|its|that)\s+date$/, with: "")
        reference = reference.replacing(/(?i)\s+(?:was|is|went\s+live|came\s+out|should\s+say\s+it\s+was)\s*(?:actually\s+|really\s+|originally\s+|in\s+fact\s+|first\s+)?(?:published|posted|written|released|dated|out|live)?$/, with: "")
        reference = reference.replacing(/(?i)^(?:re-?)?date\s+/, with: "").replacing(/(?i)\s+(?:instead|please|then)$/, with: "").replacing(/(?i)\s+(?:to|as)$/, with: "")
        guard reference != before, !reference.isEmpty, reference.split(separator: " ").count <= 8 else { return nil }
        return (reference, date)
    }

    /// "bigger", "bold", "in Georgia", "navy": a value about looks, which never becomes a text ("the price
    /// should be $25" is a text).
    static func looksLikeStyle(_ value: String) -> Bool {
        let lowered = Phrase.value(value).lowercased()
        if let colour = ColorPhrase.trailing(in: lowered), colour.prefix.trimmingWhitespace.isEmpty
            || colour.prefix.lowercased().contains(/^(?:in|a|an|more|darker|lighter|dark|light)\b/) { return true }
        if lowered.contains(/^(?:much\s+|a\s+bit\s+|a\s+little\s+)?(?:bigger|smaller|larger|bold|bolder|italic|italics|underlined|centered|centred|darker|lighter|brighter|wider|narrower|thinner|thicker|louder|uppercase|lowercase|capitalised|capitalized)\b|^(?:more|less)\s+\w+$|^in\s+\S+/) { return true }
        return false
    }

    /// Whether `index` falls inside a quoted part of `text` (an odd number of quote marks before it).
    static func insideQuotes(_ index: String.Index, of text: String) -> Bool {
        let before = text[..<index]
        let straight = before.filter { $0 == "\"" }.count
        let opened = before.filter { $0 == "“" }.count - before.filter { $0 == "”" }.count
        // 'Easy to change': a single quote opens after a space (or at the start) and closes before one; an
        // apostrophe inside a word ("Maya's") does neither.
        var single = 0
        var previous: Character = " "
        for (offset, character) in before.enumerated() {
            if character == "'" || character == "‘" || character == "’" {
                let next = before.dropFirst(offset + 1).first ?? " "
                if previous.isWhitespace, !next.isWhitespace, character != "’" { single += 1 } else if single > 0, !previous.isWhitespace, !next.isLetter { single -= 1 }
            }
            previous = character
        }
        return straight % 2 == 1 || opened > 0 || single > 0
    }

    /// The link slot that goes with a text slot: a button's label → its URL, a menu label → its link.
    static func linkSlot(of slot: EditSlot, in surface: EditSurface) -> EditSlot? {
        func linkKey(_ key: String) -> [String] {
            if key.hasSuffix("_label") { return [String(key.dropLast(6)) + "_url", String(key.dropLast(6)) + "_href"] }
            return key == "label" ? ["href", "url", "link"] : []
        }
        switch slot.location {
        case .site(let key, "label"?): return surface.slot(at: .site(key: key, child: "url"))
        case .nav(let index, "label"): return surface.slot(at: .nav(index: index, field: "url"))
        case .prop(let path, let block, let key):
            return linkKey(key).lazy.compactMap { surface.slot(at: .prop(path: path, block: block, key: $0)) }.first
        case .itemProp(let path, let block, let list, let item, let key):
            return linkKey(key).lazy.compactMap { surface.slot(at: .itemProp(path: path, block: block, list: list, item: item, key: $0)) }.first
        default: return nil
        }
    }

    /// The reference without a leading article or a trailing "text"/"value" word the slot names do not need.
    private static func trimmed(_ reference: String) -> String {
        reference.trimmingWhitespace.replacing(/(?i)^(?:the|our|my)\s+/, with: "")
            // "the meta description for the whole site", "the site-wide description": the site's own.
            .replacing(/(?i)\s+(?:for|of|across|on)\s+(?:the\s+)?(?:whole|entire)\s+(?:site|website)$|\s+site-?wide$/, with: " of the site")
            .replacing(/(?i)^site-?wide\s+/, with: "site ")
            // "the site description for search engines", "… for Google": who reads it, not which.
            .replacing(/(?i)\s+(?:for|in)\s+(?:search\s+engines?|google|seo|search\s+results?)$/, with: "")
    }

    /// The value as the slot stores it, or nil when it does not fit the slot's type.
    static func parse(_ value: String, for slot: EditSlot, site: SiteSnapshot) -> String? {
        switch slot.kind {
        case .text:
            return value.contains("\n") ? nil : value
        case .url:
            // "project-3.svg": a file of static/ named without its folder.
            if value.contains(/^[\w.-]+\.(?i:jpe?g|png|gif|webp|avif|svg|pdf)$/),
               let file = site.files.paths.first(where: { $0.hasPrefix("static/") && $0.hasSuffix("/" + value) }) {
                return String(file.dropFirst("static".count))
            }
            // "use project-3 instead of project-1": an image of static/ named by its file name without extension,
            // when the slot holds an image.
            if ImageIntent.isImage(slot.value), value.contains(/^[\w-]+$/) {
                let matching = site.files.paths.filter { path in
                    path.hasPrefix("static/") && ImageIntent.isImage(path) && (path.split(separator: "/").last.map { $0.split(separator: ".").first.map(String.init) == value } ?? false)
                }
                if matching.count == 1 { return String(matching[0].dropFirst("static".count)) }
            }
            // A file name is not a domain ("project-3.svg").
            if value.contains(/^[\w.-]+\.(?i:jpe?g|png|gif|webp|avif|svg|pdf|css|js|html?)$/) { return nil }
            if URLPath.looksLikePath(value) { return URLPath.normalized(value) }
            if value.contains(/^(?i)(?:https?:\/\/|mailto:|tel:)\S+$/) || value.hasPrefix("#") && !value.contains(" ") { return value }
            if value.contains(/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/\S*)?$/), value.contains(/\.[a-z]{2,}(?:\/|$)/) { return "https://" + value }
            if case .one(let page) = site.findPage(value.replacing(/(?i)^(?:the\s+)/, with: "")) { return page.url }
            return nil
        case .color:
            guard let match = ColorPhrase.trailing(in: value), match.prefix.trimmingWhitespace.isEmpty else { return nil }
            return match.color.hex
        case .font:
            // A family's name ("Georgia", "Playfair Display", "IBM Plex Sans"), never the rest of a sentence
            // ("Helvetica, the headings too", "font bigger").
            return FontRequest.isFamilyName(value) ? value : nil
        case .length:
            return value.contains(/^(?:0|\d+(?:\.\d+)?(?:px|rem|em|%|ch|vw|vh))$/) ? value : nil
        case .date:
            // Only a date: "2 March 2026 and its description to …" holds another instruction.
            guard let (date, rest) = WrittenDate.extract(from: value) else { return nil }
            let left = rest.trimmingCharacters(in: CharacterSet(charactersIn: " .,!")).replacing(/(?i)^(?:the|to|on|as)$/, with: "")
            return left.isEmpty ? date : nil
        }
    }

    static func set(_ slot: EditSlot, to given: String, _ request: AgentRequest) throws -> Resolution {
        // The answer to "… What should it say?" (asked about this slot) is the new value.
        var raw = given
        if let question = request.context.question, question.options.isEmpty, question.text.contains(slot.label.prefix(1).uppercased() + slot.label.dropFirst())
            || question.text.contains(slot.label),
           let answer = request.context.answer?.trimmingWhitespace, !answer.isEmpty {
            raw = Phrase.value(answer.replacing(/(?i)^(?:set it to|make it|change it to|use|it should (?:say|read|be))\s+/, with: ""))
        }
        guard let value = parse(raw, for: slot, site: request.site) else {
            return .question(AgentQuestion(text: "“\(raw)” is not a valid value for \(slot.label). What should it be?"))
        }
        let name = slot.label.prefix(1).uppercased() + slot.label.dropFirst()
        if let max = slot.maxLength, value.count > max {
            return .question(AgentQuestion(text: "\(name) holds at most \(max) characters; “\(value.prefix(60))…” has \(value.count). What should it say?"))
        }
        if let pattern = slot.pattern, value.range(of: "^(?:" + pattern + ")$", options: .regularExpression) == nil {
            return .question(AgentQuestion(text: "\(name) must look like `\(pattern)`; “\(value.prefix(60))” does not. What should it be?"))
        }
        if value == slot.value { return .noChange("\(name) is already “\(value)”.") }
        // "content width 18px": a text column narrower than a phone's is never meant (a text size, most likely).
        if case .token(let key) = slot.location, ["content_width", "wide_width"].contains(key),
           let match = value.wholeMatch(of: /(?<number>\d+(?:\.\d+)?)(?<unit>px|rem|em|ch)/), let number = Double(String(match.number)),
           match.unit == "px" && number < 240 || ["rem", "em"].contains(String(match.unit)) && number < 15 || match.unit == "ch" && number < 30 {
            return .question(AgentQuestion(text: "\(name) \(value) would squeeze the text into a strip narrower than a phone screen (it is now \(slot.value)). Did you mean the text size? This setting is the width of the text column: say a width such as 40rem or 700px."))
        }
        switch slot.location {
        case .token(let token) where slot.kind == .color:
            guard let color = ColorPhrase.trailing(in: raw) else { break }
            let target = ColorTarget.all.first { $0.key == token }
                ?? ColorTarget(key: token, name: String(slot.label.dropFirst(4)), partner: nil, isBackground: false, adjustsPartner: false)
            return try TokenIntent.apply(color, to: target, request)
        case .token(let token) where slot.kind == .font:
            return try FontRequest.apply(value, keys: [token], request)
        default:
            break
        }
        var workspace = request.workspace
        try SlotEditor.write(value, to: slot, in: &workspace)
        guard workspace.files != request.context.source else { return .noChange("\(name) is already “\(value)”.") }
        var summary = "Changed \(slot.label) from “\(slot.value)” to “\(value)”."
        // A new picture with the old description: say so.
        let surface = EditSurface(site: request.site, components: nil, tokens: nil)
        switch slot.location {
        case .prop(let path, let block, "src"), .prop(let path, let block, "image"):
            for key in ["alt", "image_alt"] {
                if let alt = surface.slot(at: .prop(path: path, block: block, key: key)), !alt.value.isEmpty {
                    summary += " Its description (alt text) still says “\(alt.value)”: say “change the alt text to …” if the new picture shows something else."
                    break
                }
            }
        case .itemProp(let path, let block, let list, let item, "src"):
            if let alt = surface.slot(at: .itemProp(path: path, block: block, list: list, item: item, key: "alt")), !alt.value.isEmpty {
                summary += " Its description (alt text) still says “\(alt.value)”: say “change its alt text to …” if the new picture shows something else."
            }
        default:
            break
        }
        return .change(workspace, summary: summary)
    }
}
