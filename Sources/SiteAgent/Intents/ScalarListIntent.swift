import Foundation
import SiteCompiler
import Yams

/// Lists of plain texts inside a component: a pricing tier's features, a contact form's extra fields.
/// "add Free delivery on Sundays to the Pro plan's features", "add a field Phone number to the contact form",
/// "remove Analytics from the Pro plan".
struct ScalarListIntent: RequestIntent {
    let schemas: ThemeSchemas

    /// One list of texts: a top-level prop of a block, or a prop of one item of a block's list.
    struct TextList {
        var page: PageRecord
        var component: String
        var block: Int
        /// The item that owns the list (list prop and index), or nil for a top-level prop.
        var owner: (list: String, item: Int)?
        var key: String
        var values: [String]
        /// Words that name the owner ("pro plan", "contact form") and the list ("features", "fields").
        var ownerNames: [String]
        var listNames: [String]
        var maxItems: Int?
        var maxLength: Int?
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        let adding: Bool
        let rest: String
        if let verb = message.prefixMatch(of: /(?i)^(?:add|include|put|append)\s+/) {
            (adding, rest) = (true, String(message[verb.range.upperBound...]))
        } else if let verb = message.prefixMatch(of: /(?i)^(?:remove|delete|drop|take\s+out)\s+/) {
            (adding, rest) = (false, String(message[verb.range.upperBound...]))
        } else {
            return nil
        }
        guard let theme = request.site.theme else { return nil }
        let lists = Self.lists(in: request.site, components: schemas.components(of: theme) ?? [])
        guard !lists.isEmpty else { return nil }
        // "add Free delivery on Sundays to the Pro plan's features": every "to"/"from" may start the owner; the
        // split whose owner names a list best wins.
        let joiner = adding ? /(?i)\s+(?:to|in|into|on)\s+(?:the\s+)?/ : /(?i)\s+(?:from|off|out\s+of)\s+(?:the\s+)?/
        var scored: [(list: TextList, score: Int, value: String)] = []
        for split in rest.ranges(of: joiner) where !SlotIntent.insideQuotes(split.lowerBound, of: rest) {
            let ownerText = String(rest[split.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ".! "))
            let tokens = SlotNames.tokens(ownerText)
            for list in lists {
                if let (used, leftover) = SlotMatcher.match(tokens, groups: [list.ownerNames, list.listNames + [""]], page: list.page) {
                    scored.append((list, 50 + 4 * used - 12 * leftover, String(rest[..<split.lowerBound])))
                }
            }
        }
        guard let top = scored.map(\.score).max() else { return nil }
        let rawValue = scored.first { $0.score == top }?.value ?? ""
        let best = scored.filter { $0.score == top && $0.value == rawValue }.map(\.list)
        guard best.count == 1, let list = best.first else {
            return .question(AgentQuestion(text: "Which list do you mean?", options: best.prefix(6).map { Self.name(of: $0) }))
        }
        let nouns = list.listNames.map(SlotNames.singular)
        var value = Phrase.value(rawValue)
        // "a field Phone number", "a new feature called Priority support": the list's own noun is not the value.
        for noun in nouns.sorted(by: { $0.count > $1.count }) {
            let pattern = "(?i)^(?:a|an|the|another|new|a new|one more)?\\s*" + NSRegularExpression.escapedPattern(for: noun) + "s?\\s+(?:called|named|saying|:)?\\s*"
            if let range = value.range(of: pattern, options: .regularExpression), range.upperBound < value.endIndex {
                value = Phrase.value(String(value[range.upperBound...]))
                break
            }
        }
        value = value.replacing(/(?i)^(?:a|an)\s+(?=\S+\s)/, with: "")
        // `a "Free delivery" feature`: the noun after the text.
        for noun in nouns.sorted(by: { $0.count > $1.count }) {
            if let range = value.range(of: "(?i)\\s+(?:new\\s+)?" + NSRegularExpression.escapedPattern(for: noun) + "s?$", options: .regularExpression), range.lowerBound > value.startIndex {
                value = Phrase.value(String(value[..<range.lowerBound]).replacing(/(?i)^(?:a|an|the)\s+/, with: ""))
                break
            }
        }
        guard !value.isEmpty else { return .question(AgentQuestion(text: "What should I add to \(Self.name(of: list))?")) }
        var values = list.values
        if adding {
            if values.contains(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) {
                return .noChange("\(Self.name(of: list).prefix(1).uppercased() + Self.name(of: list).dropFirst()) already has “\(value)”.")
            }
            if let max = list.maxLength, value.count > max {
                return .question(AgentQuestion(text: "An entry of \(Self.name(of: list)) holds at most \(max) characters; “\(value.prefix(50))…” has \(value.count). What should it say?"))
            }
            if let max = list.maxItems, values.count >= max {
                return .unsupported("\(Self.name(of: list).prefix(1).uppercased() + Self.name(of: list).dropFirst()) already has \(values.count) entries, the most it can hold (\(max)). Remove one first.")
            }
            values.append(value)
        } else {
            guard let index = values.firstIndex(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
                return .noChange("\(Self.name(of: list).prefix(1).uppercased() + Self.name(of: list).dropFirst()) has no “\(value)”. It has: \(Phrase.list(values.map { "“\($0)”" })).")
            }
            values.remove(at: index)
        }
        var workspace = request.workspace
        try workspace.editComponents(list.page.path, step: "\(list.key): \(adding ? "+" : "-") \(value)") { editor in
            let blocks = editor.blocks
            guard blocks.indices.contains(list.block) else { return }
            let newValue = YAMLValue.list(values.map { .string($0) })
            if let owner = list.owner {
                guard let items = SlotEditor.itemList(editor, block: list.block, list: owner.list), items.items.indices.contains(owner.item) else { return }
                items.set(list.key, value: newValue, item: owner.item, in: &editor.lines)
            } else {
                editor.setProp(list.key, value: newValue, in: blocks[list.block])
            }
        }
        return .change(workspace, summary: adding
            ? "Added “\(value)” to \(Self.name(of: list)) on “\(list.page.title)”."
            : "Removed “\(value)” from \(Self.name(of: list)) on “\(list.page.title)”.")
    }

    static func name(of list: TextList) -> String {
        "the \(list.ownerNames.first ?? list.component) \(list.key.replacing("_", with: " "))"
    }

    static func lists(in site: SiteSnapshot, components: [ComponentSchema]) -> [TextList] {
        var result: [TextList] = []
        for page in site.pages {
            guard let text = site.files.text(page.path) else { continue }
            let editor = ComponentBlockEditor(text)
            for (index, block) in editor.blocks.enumerated() {
                guard let props = editor.props(of: block)?.mapping else { continue }
                let schema = components.first { $0.name.lowercased() == block.name.lowercased() }
                for (keyNode, value) in props {
                    guard let key = keyNode.string, let sequence = value.sequence else { continue }
                    let field = schema?.props.first { $0.name == key }?.schema
                    if sequence.allSatisfy({ $0.scalar != nil }) {
                        result.append(TextList(
                            page: page, component: block.name, block: index, owner: nil, key: key, values: sequence.compactMap(\.string),
                            ownerNames: EditSurface.componentNames(block.name), listNames: listNames(key),
                            maxItems: field?.maxLength, maxLength: field?.items?.maxLength))
                        continue
                    }
                    // Lists of texts inside the items of a list: a tier's features.
                    let nouns = EditSurface.itemNouns(component: block.name, list: key, schema: field)
                    for (itemIndex, item) in sequence.enumerated() {
                        guard let mapping = item.mapping else { continue }
                        let name = ["title", "name", "question", "label"].lazy.compactMap { item[$0]?.string }.first
                        for (innerKey, innerValue) in mapping {
                            guard let inner = innerKey.string, let texts = innerValue.sequence, texts.allSatisfy({ $0.scalar != nil }) else { continue }
                            let innerField = field?.items?.fields.first { $0.name == inner }?.schema
                            let owners = (name.map { n in [n] + nouns.map { "\(n) \($0)" } } ?? []) + SlotNames.ordinalNames(itemIndex, count: sequence.count).flatMap { o in nouns.map { "\(o) \($0)" } }
                            result.append(TextList(
                                page: page, component: block.name, block: index, owner: (key, itemIndex), key: inner,
                                values: texts.compactMap(\.string), ownerNames: owners, listNames: listNames(inner),
                                maxItems: innerField?.maxLength, maxLength: innerField?.items?.maxLength))
                        }
                    }
                }
            }
        }
        return result
    }

    static func listNames(_ key: String) -> [String] {
        let own = key.replacing("_", with: " ")
        var names = [own, SlotNames.singular(own)]
        switch key {
        case "features": names += ["bullets", "bullet points", "perks", "includes", "what's included", "list"]
        case "fields": names += ["form fields", "inputs", "field list"]
        default: names.append("list")
        }
        return names
    }
}
