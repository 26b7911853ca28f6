import Foundation
import SiteCompiler

/// Bulleted and numbered lists in a page's Markdown body, named by the heading above them: "add 'At least 2 GB
/// of RAM' to the requirements list on the installation page", "remove “100 MB of free disk space” from the
/// requirements". The item's words are kept as typed.
struct BodyListIntent: RequestIntent {
    /// A Markdown list in a page body: its lines and the heading above it.
    struct BodyList {
        var page: PageRecord
        var heading: String?
        /// Line indexes of the list's items, in order.
        var lines: [Int]
        var items: [String]
        /// "- ", "* ", or nil for a numbered list.
        var bullet: String?
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        let listName = #"(?:(?:the\s+|our\s+|my\s+)?list\s+of\s+(?<of>[^"“”]+?)|(?:the\s+|our\s+|my\s+)?(?:(?<named>[^"“”]+?)\s+)?(?:list|bullets|bullet\s+points|bullet\s+list|points|checklist)|(?:the\s+|our\s+|my\s+)(?<bare>[^"“”]+?))(?:\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^"“”]+?)(?:\s+(?:page|guide|post|doc))?)?[.!]?$"#
        let adding: Bool
        let match: Regex<AnyRegexOutput>.Match
        if let found = try Regex("(?i)^(?:remove|delete|drop|take\\s+out|cut)\\s+(?<item>(?:the\\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d+(?:st|nd|rd|th))\\s+[\\w-]+(?:\\s*\\([^)]*\\))?)\\s+(?:from|on|in|off)\\s+(?:the\\s+|our\\s+|my\\s+)(?!(?:list|bullets?|checklist|bullet\\s+list)\\b)(?![^\"“”]*\\b(?:list|bullets|checklist)\\b)(?<page>[^\"“”]+?)(?:\\s+(?:page|post|guide|doc))?[.!]?$").wholeMatch(in: message) {
            // "drop the third habit on the tidy desk post": an item by its place, on a page with one list.
            (adding, match) = (false, found)
        } else if let found = try Regex("(?i)^(?:add|insert|put)\\s+(?:a\\s+|an\\s+|another\\s+|one\\s+more\\s+|a\\s+new\\s+)?(?:bullet(?:\\s+point)?|item|point|line|entry)\\s+(?<item>\"[^\"]+\"|“[^”]+”|'[^']+'|[^\"“”]+?)\\s+(?<side>after|before|below|above|under)\\s+(?:the\\s+)?(?<other>\"[^\"]+\"|“[^”]+”|'[^']+'|[^\"“”]+?)(?:\\s+(?:one|item|bullet|point|line))?\\s+(?:on|in)\\s+(?:the\\s+|our\\s+|my\\s+)?(?<page>[^\"“”]+?)(?:\\s+(?:page|post|guide|doc))?[.!]?$").wholeMatch(in: message) {
            // "add a bullet 'Accessibility audits' after the Development one on the services page".
            (adding, match) = (true, found)
        } else if let found = try Regex("(?i)^(?:add|put|include|append|insert)\\s+(?:(?:the|a|an|another|one\\s+more)\\s+(?:new\\s+)?(?:item|line|point|bullet(?:\\s+point)?|entry|requirement|step)\\s+)?(?<item>\"[^\"]+\"|“[^”]+”|'[^']+'|[^\"“”]+?)\\s+(?:(?<top>(?:at|to)\\s+the\\s+(?:top|start|beginning)\\s+of)|to|in|into|onto|at\\s+the\\s+(?:end|bottom)\\s+of)\\s+" + listName).wholeMatch(in: message) {
            (adding, match) = (true, found)
        } else if let found = try Regex("(?i)^(?:remove|delete|drop|take\\s+out|cut)\\s+(?:the\\s+(?:item|line|point|bullet)\\s+)?(?<item>\"[^\"]+\"|“[^”]+”|'[^']+'|[^\"“”]+?)\\s+(?:from|off|out\\s+of)\\s+" + listName).wholeMatch(in: message) {
            (adding, match) = (false, found)
        } else {
            return try removeAnywhere(request)
        }
        // "the third habit (the notebook one)": the aside is no part of the item.
        // An addition keeps its brackets ("Windows 10 or later (via WSL)"); a removal's are an aside.
        guard let itemText = match["item"]?.substring.map({ adding ? String($0) : String($0).replacing(/\s*\([^)]*\)\s*$/, with: "") }),
              let item = Optional(Phrase.value(itemText)), !item.isEmpty, !item.contains("\n") else { return nil }
        let bare = match["bare"]?.substring.map(String.init)
        let name = (match["of"]?.substring ?? match["named"]?.substring ?? match["bare"]?.substring).map(String.init) ?? ""
        let pageName = match["page"]?.substring.map(String.init)
        var pages = request.site.pages
        if let pageName {
            let lowered = pageName.lowercased()
            guard case .one(let page) = request.site.findPage(lowered.contains(/^(?:home|homepage|front)$/) ? "home" : pageName) else { return nil }
            pages = [page]
        }
        let wanted = SlotNames.tokens(name)
        // "the list in the tidy desk post": no name, so the page must be said and have one list.
        guard !wanted.isEmpty || pageName != nil else { return nil }
        let lists = pages.flatMap { Self.lists(on: $0, in: request.site) }.filter { list in
            guard !wanted.isEmpty else { return true }
            let have = SlotNames.tokens(list.heading ?? list.page.title)
            // "the install requirements list": words of the page's name may come along ("install" for Installation).
            let pageWords = SlotNames.tokens(list.page.title) + SlotNames.tokens(list.page.fileName.replacingOccurrences(of: "-", with: " "))
            let named = wanted.filter { word in have.contains { NameMatcher.sameWord(word, $0) } }
            // "add curl to the requirements": without the word "list", the heading itself must be named.
            if bare != nil, list.heading == nil { return false }
            return !named.isEmpty && wanted.allSatisfy { word in
                have.contains { NameMatcher.sameWord(word, $0) } || pageWords.contains { $0 == word || word.count >= 4 && $0.hasPrefix(word) }
            }
        }
        if wanted.isEmpty, lists.count > 1 {
            return .question(AgentQuestion(text: "“\(pages[0].title)” has \(lists.count) lists. Which one?", options: lists.map { "“\($0.heading ?? $0.items.first ?? "")”" }))
        }
        // "after the Development one": the list that has that item, and the place next to it.
        if let otherText = match["other"]?.substring.map({ Phrase.value(String($0)) }), let side = match["side"]?.substring.map({ String($0).lowercased() }) {
            let holding = lists.compactMap { list -> (BodyList, Int)? in
                let found = list.items.indices.filter { list.items[$0].lowercased().contains(otherText.lowercased()) }
                return found.count == 1 ? (list, found[0]) : nil
            }
            guard holding.count == 1, let (list, index) = holding.first else {
                return .question(AgentQuestion(text: "Which item should “\(item)” go \(side)? I found no single item “\(otherText)” in a list on “\(pages.first?.title ?? "")”."))
            }
            return try edit(list, item: item, adding: true, request, at: ["after", "below", "under"].contains(side) ? index + 1 : index)
        }
        guard let list = lists.first else { return nil }
        if lists.count > 1 {
            let question = AgentQuestion(text: "Several pages have a “\(name)” list. Which one?", options: lists.map { "“\($0.heading ?? $0.page.title)” on “\($0.page.title)”" })
            guard case .option(let index) = request.answer(to: question), index < lists.count else { return .question(question) }
            return try edit(lists[index], item: item, adding: adding, request)
        }
        return try edit(list, item: item, adding: adding, request, at: adding && match["top"]?.substring != nil ? 0 : nil)
    }

    /// "remove “100MB free disk space”": a quoted item named by its words alone (spacing, "of" and case aside),
    /// found in exactly one list of the whole site.
    private func removeAnywhere(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.wholeMatch(of: /(?i)(?:remove|delete|drop|take\s+out|cut)\s+(?:the\s+(?:item|line|point|bullet|requirement|step|entry)\s+)?(?:"(?<a>[^"]+)"|“(?<b>[^”]+)”)[.!]?/),
              let said = match.a ?? match.b else { return nil }
        let wanted = Self.words(String(said))
        guard wanted.count >= 2 else { return nil }
        var found: [(BodyList, String)] = []
        for page in request.site.pages {
            for list in Self.lists(on: page, in: request.site) {
                for item in list.items where Self.words(item) == wanted { found.append((list, item)) }
            }
        }
        guard found.count == 1, let (list, item) = found.first else { return nil }
        return try edit(list, item: item, adding: false, request, ordinal: false)
    }

    /// An item's words for comparing: lower-cased, numbers apart from their units ("100MB" = "100 MB"), filler out.
    static func words(_ text: String) -> [String] {
        SlotNames.tokens(text.replacing(/(?<n>\d)(?<u>[A-Za-z])/, with: { $0.n + " " + $0.u }).replacing(/[*_`]/, with: ""))
    }

    private func edit(_ list: BodyList, item: String, adding: Bool, _ request: AgentRequest, ordinal: Bool = true, at position: Int? = nil) throws -> Resolution {
        let text = try request.workspace.text(list.page.path)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = "the “\(list.heading ?? list.page.title)” list on “\(list.page.title)”"
        var workspace = request.workspace
        if adding {
            if list.items.contains(where: { $0.caseInsensitiveCompare(item) == .orderedSame }) {
                return .noChange("\(shown.prefix(1).uppercased() + shown.dropFirst()) already has “\(item)”.")
            }
            guard let last = list.lines.last else { return .noChange("\(shown) is empty.") }
            if let position, position < list.items.count {
                // In the middle: the new line goes before the item now at `position`; numbered lists renumber.
                let at = list.lines[position]
                lines.insert((list.bullet ?? "\(position + 1). ") + item, at: at)
                if list.bullet == nil {
                    for (offset, line) in list.lines.enumerated() where offset >= position {
                        lines[line + 1] = lines[line + 1].replacing(/^\d+([.)])\s+/, with: { "\(offset + 2)\($0.1) " })
                    }
                }
                workspace.write(list.page.path, lines.joined(separator: "\n"), step: "list item \(item)")
                let neighbour = list.items[position]
                return .change(workspace, summary: "Added “\(item)” to \(shown), before “\(neighbour)”. It now has \(list.items.count + 1) items.")
            }
            let marker = list.bullet ?? "\(list.items.count + 1). "
            lines.insert(marker + item, at: last + 1)
            workspace.write(list.page.path, lines.joined(separator: "\n"), step: "list item \(item)")
            return .change(workspace, summary: "Added “\(item)” to the end of \(shown). It now has \(list.items.count + 1) items.")
        }
        // "the second habit", "the last item", "the 3rd bullet": by position.
        if ordinal, !list.items.contains(where: { $0.lowercased().contains(item.lowercased()) }), let ordinal = item.wholeMatch(of: /(?i)(?:the\s+)?(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))(?:\s+[\w-]+){0,2}/) {
            let word = ordinal.ord.lowercased()
            let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
            let position = word == "last" ? list.items.count - 1 : words.firstIndex(of: word) ?? (Int(word.filter(\.isNumber)).map { $0 - 1 } ?? -1)
            guard list.items.indices.contains(position) else {
                return .noChange("\(shown.prefix(1).uppercased() + shown.dropFirst()) has only \(list.items.count) items.")
            }
            return try edit(list, item: list.items[position], adding: false, request, ordinal: false)
        }
        let exact = list.items.indices.filter { list.items[$0].caseInsensitiveCompare(item) == .orderedSame }
        let partial = list.items.indices.filter { list.items[$0].lowercased().contains(item.lowercased()) }
        let found = exact.isEmpty ? partial : exact
        guard found.count == 1, let index = found.first else {
            let have = Phrase.list(list.items.map { "“\($0)”" })
            if found.count > 1 {
                return .question(AgentQuestion(text: "Several items of \(shown) contain “\(item)”. Which one?", options: found.map { list.items[$0] }))
            }
            return .noChange("\(shown.prefix(1).uppercased() + shown.dropFirst()) has no item “\(item)”. It has \(have).")
        }
        guard list.items.count > 1 else {
            return .question(AgentQuestion(text: "“\(list.items[index])” is the only item of \(shown). Remove the whole list? Say “remove the \(list.heading ?? "") section” or give a new item first."))
        }
        lines.remove(at: list.lines[index])
        if list.bullet == nil {
            // Renumber a numbered list.
            for (position, line) in list.lines.filter({ $0 != list.lines[index] }).enumerated() {
                let at = line > list.lines[index] ? line - 1 : line
                lines[at] = lines[at].replacing(/^\d+([.)])\s+/, with: { "\(position + 1)\($0.1) " })
            }
        }
        workspace.write(list.page.path, lines.joined(separator: "\n"), step: "removed list item \(list.items[index])")
        return .change(workspace, summary: "Removed “\(list.items[index])” from \(shown).")
    }

    /// The top-level lists of a page's body (outside code fences and component blocks).
    static func lists(on page: PageRecord, in site: SiteSnapshot) -> [BodyList] {
        guard let text = site.files.text(page.path) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [BodyList] = []
        var heading: String?
        var fence = false
        var inBlock = false
        var current: BodyList?
        var index = FrontMatterEditor(text).bodyStart
        func close() {
            if let list = current { result.append(list) }
            current = nil
        }
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fence.toggle(); close(); continue }
            if fence { continue }
            if line.hasPrefix(":::component") { inBlock = true; close(); continue }
            if inBlock { if line == ":::" { inBlock = false }; continue }
            if let match = line.wholeMatch(of: /^#{1,6}\s+(?<text>.+?)\s*#*$/) {
                close()
                heading = String(match.text)
                continue
            }
            if let item = line.wholeMatch(of: /^(?<marker>[-*+]\s+|\d+[.)]\s+)(?<text>.+)$/) {
                let marker = String(item.marker)
                let bullet: String? = marker.first?.isNumber == true ? nil : String(marker.prefix(1)) + " "
                if current == nil { current = BodyList(page: page, heading: heading, lines: [], items: [], bullet: bullet) }
                current?.lines.append(index)
                current?.items.append(String(item.text))
                continue
            }
            // An item's continuation (indented) stays in the list; anything else ends it.
            if line.hasPrefix("  "), current != nil { continue }
            if !line.trimmingWhitespace.isEmpty || current != nil && index + 1 < lines.count && lines[index + 1].wholeMatch(of: /^(?:[-*+]|\d+[.)])\s+.+$/) == nil {
                close()
            }
        }
        close()
        return result
    }
}
