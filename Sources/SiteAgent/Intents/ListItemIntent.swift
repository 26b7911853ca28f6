import Foundation
import SiteCompiler
import Yams

/// Items of a component's list — feature cards, pricing tiers, FAQ entries, testimonials, gallery images:
/// "add a feature called Offline mode saying Works without a connection", "add a plan called Team at $49 a
/// month", "add a question "Do you ship abroad?" with the answer "Yes."", "remove the Pro plan", "delete the
/// second feature", "move the Enterprise plan to the top", "put the Team plan before Pro".
struct ListItemIntent: RequestIntent {
    let schemas: ThemeSchemas

    /// One list of one component block, with what its items are called.
    struct ItemList {
        var page: PageRecord
        var component: String
        var block: Int
        var list: String
        var nouns: [String]
        var schema: PropSchema?
        /// Each item's identifying text (a card's title, a tier's name), or nil.
        var names: [String?]
        /// Each item's short texts (a caption, a person's name), which also name it.
        var texts: [[String]] = []
        var count: Int { names.count }
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let theme = request.site.theme else { return nil }
        let components = schemas.components(of: theme) ?? []
        let lists = Self.lists(in: request.site, components: components)
        guard !lists.isEmpty else { return nil }
        let message = request.message
        if let match = message.firstMatch(of: /(?i)^(?:remove|delete|drop|take\s+out|get\s+rid\s+of|cut)\s+(?<ref>.+?)[.!]?$/) {
            return try remove(String(match.ref), lists, request)
        }
        if let match = message.firstMatch(of: /(?i)^(?:move|put|place|reorder)\s+(?<ref>.+?)\s+(?<where>(?:to\s+(?:the\s+)?(?:top|start|beginning|front|end|bottom|back)|first|last|(?:at\s+)?(?:the\s+)?(?:top|bottom|end|start))(?:\s+(?:of|in)\s+(?:the\s+)?(?:list|section|\w+))?|(?:before|after|above|below|ahead of)\s+.+?)[.!]?$/) {
            return try move(String(match.ref), to: String(match.where), lists, request)
        }
        if let match = message.firstMatch(of: /(?i)^(?:add|create|insert|include|put\s+in|append)\s+(?:a\s+|an\s+|the\s+|another\s+|one\s+more\s+|new\s+|a\s+new\s+|an\s+extra\s+|extra\s+)*(?<rest>.+)$/) {
            return try add(String(match.rest), lists, request)
        }
        return nil
    }

    // MARK: - Finding lists and items

    static func lists(in site: SiteSnapshot, components: [ComponentSchema]) -> [ItemList] {
        var result: [ItemList] = []
        for page in site.pages {
            guard let text = site.files.text(page.path) else { continue }
            let editor = ComponentBlockEditor(text)
            for (index, block) in editor.blocks.enumerated() {
                guard let props = editor.props(of: block)?.mapping else { continue }
                let schema = components.first { $0.name.lowercased() == block.name.lowercased() }
                for (key, value) in props {
                    guard let key = key.string, let items = value.sequence, items.allSatisfy({ $0.mapping != nil }) else { continue }
                    let field = schema?.props.first { $0.name == key }?.schema
                    let texts: [[String]] = items.map { item in
                        (item.mapping ?? [:]).compactMap { _, value in value.string }.filter { $0.count <= 60 && !URLPath.looksLikePath($0) }
                    }
                    let names: [String?] = items.map { item in
                        for name in SlotNames.itemNameKeys { if let value = item[name]?.string { return value } }
                        return nil
                    }
                    result.append(ItemList(page: page, component: block.name, block: index, list: key,
                                           nouns: EditSurface.itemNouns(component: block.name, list: key, schema: field),
                                           schema: field, names: names, texts: texts))
                }
            }
        }
        return result
    }

    private static let questionWords: Set<String> = [
        "whether", "if", "how", "what", "when", "where", "why", "who", "do", "does", "did", "can", "could", "i", "we",
        "you", "it", "there", "any", "to", "be", "are", "will", "should", "would", "much", "many", "get", "need",
        "its", "it's", "is", "really", "still", "actually", "ever",
    ]

    /// A question word, or one misspelt ("wether").
    static func isQuestionWord(_ word: String) -> Bool {
        questionWords.contains(word) || word.count >= 5 && questionWords.contains { $0.count >= 5 && KeywordSpelling.distance(word, $0) == 1 }
    }

    /// The items a reference names ("the Pro plan", "the second feature", "“Fast everywhere”").
    static func items(named reference: String, in lists: [ItemList], site: SiteSnapshot) -> [(list: ItemList, item: Int)] {
        var text = reference
        var onPage: PageRecord?
        if let (page, rest) = SlotMatcher.page(in: text, site: site) { (onPage, text) = (page, rest) }
        text = text.replacing(/(?i)\s+(?:from|in|on|off)\s+(?:the\s+)?(?:list|section|grid|table|block)$/, with: "")
        // "… from the selected work gallery": the section, by its title and kind.
        if let match = text.firstMatch(of: /(?i)\s+(?:from|in|on|off|out\s+of)\s+(?:the\s+|our\s+|my\s+)?(?<title>[\w ]+?)\s+(?:gallery|features?|testimonials?|faq|pricing|section|list|grid)$/) {
            let title = String(match.title)
            if lists.contains(where: { site.files.text($0.page.path)?.range(of: "title: " + title, options: .caseInsensitive) != nil }) {
                text = String(text[..<match.range.lowerBound])
            }
        }
        let tokens = SlotNames.tokens(text.replacing(/["“”]/, with: " "))
        let quoted = text.firstMatch(of: /"([^"]+)"|“([^”]+)”/).flatMap { ($0.output.1 ?? $0.output.2).map(String.init) }
        var scored: [(list: ItemList, item: Int, score: Int)] = []
        var byWords: [(list: ItemList, item: Int, score: Int)] = []
        for list in lists where onPage == nil || list.page.path == onPage?.path {
            for index in 0..<list.count {
                if let quoted, let name = list.names[index], name.caseInsensitiveCompare(quoted) == .orderedSame {
                    scored.append((list, index, 100))
                    continue
                }
                let texts = index < list.texts.count ? list.texts[index].map { "~" + $0 } : []
                let proper = ((list.names[index].map { [$0] } ?? []) + (index < list.texts.count ? list.texts[index] : [])).flatMap(EditSurface.properNames).map { "=" + $0 }
                let names = SlotNames.ordinalNames(index, count: list.count) + (list.names[index].map { [$0, "~" + $0] } ?? []) + texts + proper
                let nouns = list.nouns + EditSurface.componentNames(list.component)
                // "the question about platforms", "the card on hosting": a topic word of the item's name.
                if let topic = text.firstMatch(of: /(?i)^(?:the\s+)?(?<noun>[\w ]+?)\s+(?:about|on|regarding|for|from|asking|that\s+asks|which\s+asks|asking\s+about)\s+(?<topic>[^"“”]+)$/),
                   SlotMatcher.match(SlotNames.tokens(String(topic.noun)), groups: [nouns], page: nil) != nil {
                    // "about whether My Project is free": the question words are no part of the topic.
                    let wanted = SlotNames.tokens(String(topic.topic)).filter { !Self.isQuestionWord($0) }
                    let have = (list.names[index].map { [$0] } ?? []).flatMap(SlotNames.tokens) + (list.texts[safe: index] ?? []).flatMap(SlotNames.tokens)
                    if !wanted.isEmpty, wanted.allSatisfy({ word in have.contains { NameMatcher.sameWord(word, $0) } }) {
                        scored.append((list, index, 70))
                        continue
                    }
                }
                if let (used, leftover) = SlotMatcher.match(tokens, groups: [names, nouns + [""]], page: list.page) {
                    // A bare name with no noun ("remove Pro") is weaker than "remove the Pro plan".
                    scored.append((list, index, 50 + 4 * used - 12 * leftover))
                } else if quoted == nil {
                    // "the coffee packaging picture": the item's noun, and words that all appear in its texts (in
                    // any order: the alt text "Packaging for a coffee brand") — only when nothing names an item
                    // more directly (an ordinal, a name).
                    let nounWords = Set(nouns.flatMap { SlotNames.tokens($0) })
                    let ordinals: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "last", "next", "previous", "top", "bottom", "other"]
                    let words = tokens.filter { !nounWords.contains($0) && !nounWords.contains(SlotNames.singular($0)) }
                    let have = ((list.names[index].map { [$0] } ?? []) + (list.texts[safe: index] ?? []) + Self.longTexts(list, index, request: site)).flatMap(SlotNames.tokens)
                    if words.count < tokens.count, !words.isEmpty, words.allSatisfy({ $0.count >= 4 && !ordinals.contains($0) }),
                       words.allSatisfy({ word in have.contains { NameMatcher.sameWord(word, $0) } }) {
                        byWords.append((list, index, 40 + 4 * words.count))
                    }
                }
            }
        }
        if scored.isEmpty { scored = byWords }
        guard let top = scored.map(\.score).max() else { return [] }
        return scored.filter { $0.score == top }.map { ($0.list, $0.item) }
    }

    /// An item's texts of any length (an image's alt text), which ``ItemList/texts`` leaves out past 60 characters.
    static func longTexts(_ list: ItemList, _ index: Int, request site: SiteSnapshot) -> [String] {
        guard let text = site.files.text(list.page.path) else { return [] }
        let editor = ComponentBlockEditor(text)
        let blocks = editor.blocks
        guard blocks.indices.contains(list.block), let items = editor.props(of: blocks[list.block])?[list.list]?.sequence,
              items.indices.contains(index), let mapping = items[index].mapping else { return [] }
        return mapping.compactMap { key, value in key.string == "src" ? nil : value.string }.filter { !URLPath.looksLikePath($0) }
    }

    // MARK: - Remove

    private func remove(_ reference: String, _ lists: [ItemList], _ request: AgentRequest) throws -> Resolution? {
        let found = Self.items(named: reference, in: lists, site: request.site)
        guard let first = found.first else { return nil }
        if found.count > 1 { return .question(Self.which(found, verb: "remove")) }
        let (list, item) = first
        let noun = list.nouns.first ?? "item"
        let name = list.names[item].map { "the \(noun) “\($0)”" } ?? "\(SlotNames.ordinals[min(item, 11)]) \(noun)"
        if list.count == 1 {
            return try Resolution.question(AgentQuestion(
                text: "\(name.prefix(1).uppercased() + name.dropFirst()) is the only one in the \(list.component) section on “\(list.page.title)”, which needs at least one. Remove the whole \(list.component) section instead?",
                options: ["Yes, remove the \(list.component) section"]))
                .answered(by: request) { _ in
                    var workspace = request.workspace
                    try workspace.editComponents(list.page.path, step: "removed the \(list.component) section") { editor in
                        let blocks = editor.blocks
                        if blocks.indices.contains(list.block) { editor.remove(blocks[list.block]) }
                    }
                    return .change(workspace, summary: "Removed the \(list.component) section from “\(list.page.title)”.")
                }
        }
        var workspace = request.workspace
        try workspace.editComponents(list.page.path, step: "removed \(name)") { editor in
            SlotEditor.itemList(editor, block: list.block, list: list.list)?.remove(item, in: &editor.lines)
        }
        let left = list.names.enumerated().filter { $0.offset != item }.compactMap(\.element)
        let rest = left.isEmpty ? "" : " Still there: \(Phrase.list(left.map { "“\($0)”" }))."
        return .change(workspace, summary: "Removed \(name) from “\(list.page.title)”.\(rest)")
    }

    private static func which(_ found: [(list: ItemList, item: Int)], verb: String) -> AgentQuestion {
        AgentQuestion(text: "Which one should I \(verb)?", options: found.prefix(6).map { list, item in
            let noun = list.nouns.first ?? "item"
            return (list.names[item].map { "The \(noun) “\($0)”" } ?? "The \(SlotNames.ordinals[min(item, 11)]) \(noun)") + " on “\(list.page.title)”"
        })
    }

    // MARK: - Move

    private func move(_ reference: String, to place: String, _ lists: [ItemList], _ request: AgentRequest) throws -> Resolution? {
        let found = Self.items(named: reference, in: lists, site: request.site)
        guard let first = found.first else { return nil }
        if found.count > 1 { return .question(Self.which(found, verb: "move")) }
        let (list, item) = first
        let lowered = place.lowercased()
        var target: Int
        if lowered.contains(/\b(?:top|start|beginning|front|first)\b/) {
            target = 0
        } else if lowered.contains(/\b(?:end|bottom|back|last)\b/) {
            target = list.count - 1
        } else if let match = place.firstMatch(of: /(?i)^(?<side>before|after|above|below|ahead of)\s+(?<other>.+)$/) {
            let others = Self.items(named: String(match.other), in: [list], site: request.site)
            guard others.count == 1, let other = others.first?.item else {
                return .question(AgentQuestion(text: "Which \(list.nouns.first ?? "item") should it go next to? The \(list.component) section has \(Phrase.list(list.names.compactMap { $0.map { "“\($0)”" } })).",
                                               options: list.names.compactMap { $0 }))
            }
            let after = ["after", "below"].contains(String(match.side).lowercased())
            target = after ? other + (other < item ? 1 : 0) : other - (other > item ? 1 : 0)
        } else {
            return nil
        }
        target = max(0, min(list.count - 1, target))
        let noun = list.nouns.first ?? "item"
        let name = list.names[item].map { "the \(noun) “\($0)”" } ?? "the \(SlotNames.ordinals[min(item, 11)]) \(noun)"
        guard target != item else { return .noChange("\(name.prefix(1).uppercased() + name.dropFirst()) is already there.") }
        var workspace = request.workspace
        try workspace.editComponents(list.page.path, step: "moved \(name)") { editor in
            SlotEditor.itemList(editor, block: list.block, list: list.list)?.move(item, to: target, in: &editor.lines)
        }
        var order = list.names
        let moved = order.remove(at: item)
        order.insert(moved, at: target)
        return .change(workspace, summary: "Moved \(name) on “\(list.page.title)”. The order is now \(Phrase.list(order.compactMap { $0.map { "“\($0)”" } })).")
    }

    // MARK: - Add

    private func add(_ rest: String, _ lists: [ItemList], _ request: AgentRequest) throws -> Resolution? {
        // The noun that opens the rest names the list: "feature called …", "pricing tier: …", "testimonial from …".
        var candidates: [(list: ItemList, remainder: String, length: Int)] = []
        for list in lists {
            for noun in list.nouns {
                let pattern = "(?i)^" + NSRegularExpression.escapedPattern(for: noun) + "(?:s)?(?:\\s+(?:card|item|entry|tile|box))?(?=$|[\\s:,\"“—–-])"
                guard let range = rest.range(of: pattern, options: .regularExpression) else { continue }
                candidates.append((list, String(rest[range.upperBound...]), noun.count))
            }
        }
        guard let longest = candidates.map(\.length).max() else { return nil }
        var chosen = candidates.filter { $0.length == longest }
        var remainder = chosen[0].remainder
        // "a question to the FAQ: …", "a testimonial to the reviews section: …": the list named by its section's
        // kind right after the noun says where, and is no part of the item.
        let sectionNames = Set(chosen.flatMap { EditSurface.componentNames($0.list.component) + $0.list.nouns.map { $0 + "s" } })
            .sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }
        if let range = remainder.range(of: "(?i)^\\s*(?:to|in|on|into|for|under)\\s+(?:the\\s+|our\\s+|my\\s+|your\\s+)?(?:" + sectionNames.joined(separator: "|") + ")(?:\\s+(?:section|list|block|page))?(?=$|[\\s:,.;\"“—–-])", options: .regularExpression) {
            remainder = String(remainder[range.upperBound...]).replacing(/^\s*[:—–-]\s*/, with: " ")
        }
        // "a card called Signage to the What we delivered section saying …": the section, named by its title,
        // anywhere in the sentence; it narrows the lists and is no part of the card.
        if let match = remainder.firstMatch(of: /(?i)\s+(?:to|in|on|into|under)\s+(?:the\s+)?(?<section>[^"“”,:]+?)\s+(?:section|list|grid|block)(?=\s|[,.:!]|$)/) {
            let name = String(match.section).trimmingWhitespace.replacingOccurrences(of: "-", with: " ")
            let narrowed = chosen.filter { request.site.files.text($0.list.page.path)?.range(of: "title: " + name, options: .caseInsensitive) != nil }
            if !narrowed.isEmpty { chosen = narrowed }
            remainder = String(remainder[..<match.range.lowerBound]) + String(remainder[match.range.upperBound...])
        }
        // "a feature to the Harbour Festival page called Signage saying …": a page named mid-sentence.
        if let match = remainder.firstMatch(of: /(?i)\s+(?:to|on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^"“”,:]+?)\s+(?:page|post)(?=\s+(?:called|named|titled|saying|with|that|which|from|by|at)\b|\s*[,:])/),
           case .one(let page) = request.site.findPage(String(match.page)) {
            // A page without such a list: not a list item (an image for that page, say).
            chosen = chosen.filter { $0.list.page.path == page.path }
            guard !chosen.isEmpty else { return nil }
            remainder = String(remainder[..<match.range.lowerBound]) + String(remainder[match.range.upperBound...])
        }
        // "… to the home page", "… on the About page": a page narrows the lists.
        if let match = remainder.firstMatch(of: /(?i)\s+(?:to|on|in)\s+(?:the\s+)?(?<page>[^"“”]+?)(?:\s+page)?(?:'s\s+\w+)?(?:\s+(?:section|list|grid))?[.!]?$/),
           case .one(let page) = request.site.findPage(String(match.page)) {
            chosen = chosen.filter { $0.list.page.path == page.path }
            remainder = String(remainder[..<match.range.lowerBound])
        } else if let match = remainder.firstMatch(of: /(?i)\s+(?:to|in)\s+(?:the\s+)?(?:list|section|grid|table|\w+\s+section)[.!]?$/) {
            remainder = String(remainder[..<match.range.lowerBound])
        }
        // One list per page and component: the same block kind on several pages needs the page.
        var seen = Set<String>()
        chosen = chosen.filter { seen.insert("\($0.list.page.path)#\($0.list.block)#\($0.list.list)").inserted }
        guard let first = chosen.first else { return nil }
        if chosen.count > 1 {
            let question = AgentQuestion(text: "Several pages have that list. Which one gets the new \(first.list.nouns.first ?? "item")?",
                                         options: chosen.map { "\($0.list.component) on “\($0.list.page.title)”" })
            guard case .option(let index) = request.answer(to: question), index < chosen.count else { return .question(question) }
            return try add(to: chosen[index].list, remainder, request)
        }
        return try add(to: first.list, remainder, request)
    }

    private func add(to list: ItemList, _ given: String, _ request: AgentRequest) throws -> Resolution {
        var text = " " + given.trimmingWhitespace
        let noun = list.nouns.first ?? "item"
        // Position: "at the top", "first", "after Pro", "before the second feature".
        var position = list.count
        if let match = text.firstMatch(of: /(?i),?\s+(?:at\s+the\s+(?:top|start|beginning)|to\s+the\s+(?:top|start)|first|at\s+the\s+front)(?=\s|[.!,]|$)/) {
            position = 0
            text.removeSubrange(match.range)
        } else if let match = text.firstMatch(of: /(?i),?\s+(?<side>before|after|above|below)\s+(?:the\s+)?(?<other>"[^"]+"|“[^”]+”|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+\w+)?)(?=\s*$|[.!,])/) {
            let others = Self.items(named: String(match.other), in: [list], site: request.site)
            if others.count == 1, let other = others.first?.item {
                position = ["after", "below"].contains(String(match.side).lowercased()) ? other + 1 : other
                text.removeSubrange(match.range)
            }
        } else if let match = text.firstMatch(of: /(?i),?\s+(?:at\s+the\s+(?:end|bottom)|last)(?=\s*$|[.!,])/) {
            text.removeSubrange(match.range)
        }
        let fields = (list.schema?.items?.fields ?? []).map(\.name)
        let keys = fields.isEmpty ? Self.keys(of: list, request.site) : fields
        let nameKey = ["title", "name", "question", "label"].first { keys.contains($0) }
        let bodyKey = ["text", "quote", "answer", "description", "caption"].first { keys.contains($0) }
        var item: [(String, YAMLValue)] = []
        var values: [String: String] = [:]
        // "question: Can I use it offline? Answer: Yes, everything runs locally.", "Q: … A: …".
        if keys.contains("question"), keys.contains("answer"),
           let match = text.firstMatch(of: /(?i)^\s*:?\s*(?:question)?\s*:?\s*["“']?(?<question>[^:"“”]+?\?)["”']?\s*(?:[—–-]\s*|,\s*|\s+and\s+)?(?:with\s+(?:the\s+|an\s+)?)?(?:(?:answering|answered|answer)\s*[:=]?|a\s*[:=])\s*(?<answer>.+)$/) {
            values["question"] = String(match.question).trimmingWhitespace
            values["answer"] = Phrase.unquoted(String(match.answer)) ?? String(match.answer).trimmingWhitespace
            text = ""
        }
        // Pricing: "at $49 a month", "for €10 per year", "free".
        if keys.contains("price"), let match = text.firstMatch(of: /(?i)\s+(?:at|for|costing|priced\s+at|of)\s+(?<price>[$€£]\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|dollars|euros|pounds|usd|eur|gbp)|free)(?:\s*(?:a|per|\/|each)\s*(?<period>month|year|week|mo|yr))?/) {
            values["price"] = String(match.price).replacing(/\s+/, with: "")
            if let period = match.period { values["period"] = ["mo": "month", "yr": "year"][period.lowercased()] ?? period.lowercased() }
            text.removeSubrange(match.range)
        }
        // Testimonials: "from Ana Ruiz, head of design at Kite".
        if keys.contains("name"), nameKey != "name" || list.component.lowercased() == "testimonials",
           let match = text.firstMatch(of: /\s+(?:from|by)\s+(?<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,\s*(?<role>[^,:;"“]+?)|\s*\((?<paren>[^)]+)\))?(?=\s*$|\s*[:;"“—–-]|\s+(?:saying|who\s+says|that\s+says|with)\b)/) {
            values["name"] = String(match.name)
            if let role = match.role ?? match.paren, keys.contains("role") { values["role"] = String(role).trimmingWhitespace }
            text.removeSubrange(match.range)
        }
        // "… to the gallery with alt text …": where it goes, said in the middle.
        text = text.replacing(/(?i)\s+(?:to|in|into)\s+(?:the\s+)?(?:gallery|list|section|grid)\b/, with: "")
        if keys.contains("caption"), let match = text.firstMatch(of: /(?i),?\s+(?:and\s+)?(?:with\s+)?(?:the\s+|a\s+)?caption\s*:?\s+(?<caption>"[^"]*"|“[^”]*”|[^"“]+?)(?=\s*$|\s+(?:and\s+)?(?:with\s+)?(?:the\s+)?alt\b)/) {
            values["caption"] = Phrase.value(String(match.caption))
            text.removeSubrange(match.range)
        }
        // Gallery: an image path from static/, "with alt text …".
        if keys.contains("src"), let match = text.firstMatch(of: /(?i)\s*(?<src>\/[\w.\/-]+\.(?:jpe?g|png|webp|gif|svg|avif))/) {
            let src = String(match.src)
            // The image must be in static/ already: a missing file would fail the build.
            guard request.site.files["static" + src] != nil else {
                let images = request.site.files.paths.filter { $0.hasPrefix("static/") && $0.lowercased().contains(/\.(?:jpe?g|png|webp|gif|svg|avif)$/) }
                    .map { String($0.dropFirst("static".count)) }.sorted()
                let have = images.isEmpty ? "The site has no images in static/ yet." : "Images in static/: \(Phrase.list(Array(images.prefix(8))))."
                return .question(AgentQuestion(text: "There is no \(src) in the site's static/ folder, and the offline agent cannot fetch images. \(have) Which image should the new \(noun) show?",
                                               options: Array(images.prefix(6))))
            }
            values["src"] = src
            text.removeSubrange(match.range)
        }
        if keys.contains("alt"), let match = text.firstMatch(of: /(?i)\s+(?:with\s+)?(?:the\s+)?(?:alt\s+text|alt|description)\s*:?\s+(?<alt>.+)$/) {
            values["alt"] = Phrase.value(String(match.alt))
            text.removeSubrange(match.range)
        }
        // The body: "saying …", "with the text …", "with the answer …", ": …".
        if let bodyKey, let match = text.firstMatch(of: /(?i)(?:,?\s+(?:text|description|answer|quote|body)\s*:|\s+(?:saying|that\s+says|which\s+says|who\s+says|reading|described\s+as|with\s+(?:the\s+)?(?:text|description|answer|quote|words|body|caption)|answered\s+(?:with|by)|answer(?:ing)?)\s*:?|\s*[:—–]|\s+-)\s+(?<body>.+)$/) {
            values[bodyKey] = Phrase.value(String(match.body))
            text.removeSubrange(match.range)
        }
        // The name: "called X", "named X", "titled X", or a quoted text.
        if let nameKey, values[nameKey] == nil {
            let rest = text.trimmingWhitespace
            if let match = rest.firstMatch(of: /(?i)^(?:called|named|titled|with\s+the\s+(?:title|name|question))\s+(?<name>.+)$/) {
                values[nameKey] = Phrase.value(String(match.name))
            } else if let quoted = Phrase.unquoted(rest) {
                values[nameKey] = quoted
            } else if nameKey == "question", rest.hasSuffix("?") || rest.contains(/^(?i)(?:how|what|why|when|where|who|can|do|does|is|are|will)\b/) {
                values[nameKey] = rest
            } else if !rest.isEmpty {
                return .question(AgentQuestion(text: "What should the new \(noun) be called? I read “\(rest)” but could not tell which part is its \(nameKey)."))
            }
        }
        // "called Signage, with the text …": the comma before the next part is no part of the name.
        values = values.mapValues { $0.replacing(/\s*[,;:]+$/, with: "") }
        // Required fields must be given; nothing is invented.
        let required = (list.schema?.items?.fields ?? []).filter { $0.schema.required && $0.schema.defaultValue == nil }.map(\.name)
        let missing = required.filter { values[$0] == nil }
        if !missing.isEmpty {
            let example = Self.example(for: list, noun: noun)
            return .question(AgentQuestion(text: "The new \(noun) needs its \(Phrase.list(missing.map { $0.replacing("_", with: " ") })). What should it say? For example: \(example)"))
        }
        guard !values.isEmpty else {
            return .question(AgentQuestion(text: "What should the new \(noun) say? For example: \(Self.example(for: list, noun: noun))"))
        }
        for key in keys where values[key] != nil {
            // "called Signage, with the text …": the comma before the next part is no part of the name.
            let value = (values[key] ?? "").replacing(/\s*[,;:]+$/, with: "")
            if let max = list.schema?.items?.fields.first(where: { $0.name == key })?.schema.maxLength, value.count > max {
                return .question(AgentQuestion(text: "A \(noun)'s \(key.replacing("_", with: " ")) holds at most \(max) characters; “\(value.prefix(50))…” has \(value.count). What should it say?"))
            }
            item.append((key, .string(value)))
        }
        if let max = list.schema?.maxLength, list.count >= max {
            return .unsupported("The \(list.component) section on “\(list.page.title)” already has \(list.count) \(noun)s, the most it can hold (\(max)). Remove one first, or add a second \(list.component) section.")
        }
        if let nameKey, let name = values[nameKey], list.names.contains(where: { $0?.caseInsensitiveCompare(name) == .orderedSame }) {
            return .noChange("The \(list.component) section on “\(list.page.title)” already has a \(noun) “\(name)”.")
        }
        var workspace = request.workspace
        let shown = nameKey.flatMap { values[$0] }.map { "“\($0)”" } ?? "a new one"
        try workspace.editComponents(list.page.path, step: "added the \(noun) \(shown)") { editor in
            SlotEditor.itemList(editor, block: list.block, list: list.list)?.insert(.map(item), at: position, in: &editor.lines)
        }
        let where_ = position == 0 ? "first" : position >= list.count ? "last" : "at position \(position + 1)"
        return .change(workspace, summary: "Added the \(noun) \(shown) to the \(list.component) section on “\(list.page.title)” (\(where_)).")
    }

    /// The keys existing items use, for a theme without a schema.
    private static func keys(of list: ItemList, _ site: SiteSnapshot) -> [String] {
        guard let text = site.files.text(list.page.path) else { return [] }
        let editor = ComponentBlockEditor(text)
        let blocks = editor.blocks
        guard blocks.indices.contains(list.block), let items = editor.props(of: blocks[list.block])?[list.list]?.sequence else { return [] }
        var keys: [String] = []
        for item in items { for key in item.mapping?.keys.compactMap(\.string) ?? [] where !keys.contains(key) { keys.append(key) } }
        return keys
    }

    private static func example(for list: ItemList, noun: String) -> String {
        switch list.component.lowercased() {
        case "pricing": "“add a plan called Team at $49 a month”."
        case "faq": "“add a question \"Do you ship abroad?\" with the answer \"Yes, to 30 countries.\"”."
        case "testimonials": "“add a testimonial from Ana Ruiz: \"They made it easy.\"”."
        case "gallery": "“add an image /img/new.jpg with alt text A sunny harbour”."
        default: "“add a \(noun) called Offline mode saying Works without a connection”."
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
