import Foundation

/// Scores the slots of an ``EditSurface`` against what the user called the thing to change.
///
/// A quoted current value names its slot strongest ("the heading “Our story”"), then an unquoted verbatim
/// value ("change Fast everywhere to …"), then names: every concept group of one of the slot's patterns must be
/// named ("the price of the Pro plan" = item "Pro" + noun "plan" + prop "price"), with at most one word left
/// over. A page named ("on the About page", "the home page's …") keeps only that page's slots.
enum SlotMatcher {
    struct Match {
        var slot: EditSlot
        var score: Int
        /// Named only by a fallback pattern: never a rival of a slot named fully.
        var loose = false
    }

    /// The page a reference names, and the reference without it.
    static func page(in reference: String, site: SiteSnapshot) -> (PageRecord, String)? {
        let patterns: [Regex<(Substring, page: Substring)>] = [
            /(?i)\s+(?:on|in|of|from|for)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^"“”]+?)(?:\s+page)?$/,
        ]
        for pattern in patterns {
            guard let match = reference.firstMatch(of: pattern) else { continue }
            let said = match.output.0.lowercased()
            if let page = namedPage(String(match.page), site: site, strict: !said.hasSuffix(" page") && !said.hasSuffix(" post")) {
                return (page, String(reference[..<match.range.lowerBound]))
            }
        }
        // "the title on the Subscribe box on my first post": the page is after the last "on", not the first.
        for joiner in reference.ranges(of: /(?i)\s+(?:on|in|of|from|for)\s+/).reversed().dropLast() {
            let phrase = String(reference[joiner.upperBound...])
            guard let match = phrase.wholeMatch(of: /(?i)(?:the\s+|our\s+|my\s+)?(?<page>[^"“”]+?)(?:\s+page)?/) else { continue }
            let said = phrase.lowercased()
            if let page = namedPage(String(match.page), site: site, strict: !said.hasSuffix(" page") && !said.hasSuffix(" post")) {
                return (page, String(reference[..<joiner.lowerBound]))
            }
        }
        if let match = reference.firstMatch(of: /(?i)^(?:the\s+|our\s+|my\s+)?(?<page>[^"“”]+?)\s+page(?:'s|’s)?\s+(?<rest>.+)$/),
           let page = namedPage(String(match.page), site: site, strict: false) {
            return (page, String(match.rest))
        }
        return nil
    }

    /// The page a phrase names. Without the word "page" the name must match closely ("of the first
    /// testimonial" is not the page “First post”), and a phrase about the menu or a list item names no page.
    private static func namedPage(_ phrase: String, site: SiteSnapshot, strict: Bool) -> PageRecord? {
        if phrase.lowercased().contains(/\b(?:menu|nav|navigation|item|link|tab|card|feature|plan|tier|testimonial|question|image|picture|photo|pic|gallery|figure|diagram|illustration|button|section)s?\b/) { return nil }
        guard case .one(let page) = site.findPage(phrase) else { return nil }
        if strict, (site.names(of: page).map { NameMatcher.score(phrase, $0) }.max() ?? 0) < 0.9 { return nil }
        return page
    }

    static func matches(_ reference: String, in surface: EditSurface, site: SiteSnapshot, renaming: Bool = false) -> [Match] {
        var text = reference.trimmingWhitespace
        // "the line under 'We build things'", "the little line under the blog name": the text that follows the one
        // named — the next text of the same section, or the tagline under the site's title.
        if let under = text.wholeMatch(of: /(?i)(?:the\s+)?(?:little\s+|small\s+|short\s+)?(?:line|text|sentence|words|bit|blurb)\s+(?:right\s+)?(?:under|below|beneath|underneath)\s+(?<what>.+?)(?:\s+(?:text|quote))?/) {
            let found = matches(String(under.what), in: surface, site: site)
            let best = found.first?.score ?? 0
            // The same words may be several things ("We build things" is the tagline and the headline): the one
            // that has a text under it.
            for named in found where named.score == best && best >= 50 {
                if case .site("title", nil) = named.slot.location, let tagline = surface.slot(at: .site(key: "tagline", child: nil)) {
                    return [Match(slot: tagline, score: 100)]
                }
                if case .prop(let path, let block, _) = named.slot.location,
                   let index = surface.slots.firstIndex(where: { $0.location == named.slot.location }),
                   let next = surface.slots[(index + 1)...].first(where: { slot in
                       if case .prop(path, block, _) = slot.location { return slot.kind == .text } else { return false }
                   }) {
                    return [Match(slot: next, score: 100)]
                }
            }
        }
        var onPage: PageRecord?
        if let (page, rest) = page(in: text, site: site) {
            onPage = page
            text = rest
        }
        // "the About page title", "the title of my first post": the page's own title.
        if let onPage, ["title", "page title", "post title", "name", "heading", "page heading", "title page", "title post"].contains(Phrase.withoutArticles(text).lowercased()),
           let title = surface.slot(at: .frontMatter(path: onPage.path, key: "title")) {
            return [Match(slot: title, score: 100)]
        }
        // "the answer to the question about platforms": the item whose name holds the topic's words, as if quoted.
        if !text.contains(where: { "\"“”".contains($0) }),
           let topic = text.firstMatch(of: /(?i)\b(?<noun>question|card|feature|plan|tier|testimonial|review|image|photo|picture|item|entry|faq|answer)\s+(?:about|on|regarding|asking)\s+(?<topic>[^"“”]+?)$/)
            ?? text.firstMatch(of: /(?<noun>)\b(?<topic>[a-z][\w-]{3,}(?:\s+[a-z][\w-]{3,})?)\s+(?:question|faq|entry)$/) {
            let stop: Set<String> = ["whether", "if", "how", "what", "when", "where", "why", "who", "do", "does", "can", "i", "we", "you", "it", "there", "any", "be", "are", "will"]
            let wanted = SlotNames.tokens(String(topic.topic)).filter { !stop.contains($0) }
            let named = surface.slots.filter { slot in
                guard slot.isItemName, !wanted.isEmpty else { return false }
                let have = SlotNames.tokens(slot.value)
                return wanted.allSatisfy { word in have.contains { NameMatcher.sameWord(word, $0) || word.count >= 6 && $0.count >= 6 && word.prefix(6) == $0.prefix(6) } }
            }
            if named.count == 1 {
                // "the answer about platforms": the answer to that question.
                let noun = topic.noun.lowercased() == "answer" ? "answer to" : String(topic.noun)
                text = String(text[..<topic.range.lowerBound]) + noun + " “" + named[0].value + "”"
            }
        } else if !text.contains(where: { "\"“”".contains($0) }),
                  let topic = text.firstMatch(of: /(?i)\b(?<topic>[a-z][\w-]{3,}(?:\s+[a-z][\w-]{3,})?)\s+(?<field>answer|reply)$/) {
            // "the platforms answer": the answer of the question whose words hold the topic.
            let wanted = SlotNames.tokens(String(topic.topic))
            let named = surface.slots.filter { slot in
                guard slot.isItemName, !wanted.isEmpty else { return false }
                let have = SlotNames.tokens(slot.value)
                return wanted.allSatisfy { word in have.contains { NameMatcher.sameWord(word, $0) } }
            }
            if named.count == 1 {
                text = String(text[..<topic.range.lowerBound]) + "answer to “" + named[0].value + "”"
            }
        }
        let quoted = text.matches(of: /"([^"]+)"|“([^”]+)”|'([^']+)'/).compactMap { match in
            (match.output.1 ?? match.output.2 ?? match.output.3).map(String.init)
        }
        let unquoted = text.replacing(/"[^"]*"|“[^”]*”|'[^']*'/, with: " ")
        // "the answer to “Is it free?”": that "to" only introduces the quote.
        let allTokens = SlotNames.tokens(text.replacing(/(?i)\bto\s+(?=["“])/, with: " ").replacing(/["“”]/, with: " "))
        let hintTokens = SlotNames.tokens(unquoted)
        let bare = Phrase.withoutArticles(text).lowercased()
        // Words written as names ("the Pennywise image"): a slot that leaves one of them unused is not meant.
        let properNames = Set(EditSurface.properNames(in: unquoted).dropFirst(text.first?.isUppercase == true ? 1 : 0).flatMap { SlotNames.tokens($0) })
        var results: [Match] = []
        for slot in surface.slots {
            if let onPage, slot.page?.path != onPage.path { continue }
            var best = 0
            // A page's title is named as the page's title ("the About page title"), never by its text alone:
            // "rename "About" to …" renames the page and its menu item (PageRenameIntent).
            // (Only with the page named: "the About page title", "the title of my first post" — above.)
            if case .frontMatter(_, "title") = slot.location { continue }
            if let value = quoted.first {
                if slot.value == value {
                    best = 100
                } else if slot.value.caseInsensitiveCompare(value) == .orderedSame {
                    best = 95
                }
                if best > 0 { best += 3 * hints(hintTokens, slot) }
            } else if slot.kind == .url, URLPath.looksLikePath(slot.value), let file = slot.value.split(separator: "/").last.map({ $0.lowercased() }),
                      [slot.value.lowercased(), file, String(file.split(separator: ".").first ?? "")].contains(bare.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) {
                // "instead of project-1", "the /img/project-1.svg image": a file named by its path or name.
                best = 90
            } else if slot.kind == .text, bare == slot.value.lowercased() {
                // The current value typed without quotes, and nothing else ("change Fast everywhere to …"; not
                // "the About page", which names the page).
                best = 90
            }
            for pattern in slot.patterns {
                var groups = pattern
                if renaming, slot.isItemName, let last = groups.indices.last { groups[last].append("") }
                // "rename the gallery to Recent projects": a section renamed is its title.
                if renaming, case .prop(_, _, let key) = slot.location, ["title", "heading"].contains(key), groups.count >= 2, let last = groups.indices.last {
                    groups[last].append("")
                }
                guard let (used, leftover) = match(allTokens, groups: groups, page: slot.page, names: properNames) else { continue }
                best = max(best, 50 + 4 * used - 12 * leftover)
            }
            var loose = false
            if best == 0 {
                for pattern in slot.fallbackPatterns {
                    guard let (used, leftover) = match(allTokens, groups: pattern, page: slot.page, names: properNames) else { continue }
                    best = max(best, 46 + 4 * used - 12 * leftover)
                    loose = true
                }
            }
            if best > 0 { results.append(Match(slot: slot, score: best, loose: loose)) }
        }
        // "the callout title Subscribe", "the Get started button": when nothing is named by its names alone, the
        // current value inside the words, as written, names its slot — more surely for each other word naming it.
        if quoted.isEmpty, !results.contains(where: { $0.score >= 50 }) {
            for slot in surface.slots where slot.kind == .text && slot.value.count >= 4 && slot.value.count <= 60 && slot.value.contains(where: \.isUppercase) {
                if case .frontMatter(_, "title") = slot.location { continue }
                if let onPage, slot.page?.path != onPage.path { continue }
                // One word must be written as the site writes it ("the docs easier" is not the menu label “Docs”).
                guard let range = text.range(of: slot.value, options: slot.value.contains(" ") ? .caseInsensitive : []),
                      range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter,
                      range.upperBound == text.endIndex || !text[range.upperBound].isLetter else { continue }
                let others = SlotNames.tokens(text.replacingCharacters(in: range, with: " "))
                // "the About page": a page's name, which page intents handle.
                if others.isEmpty, text.lowercased().contains(/\b(?:page|post)\b/) { continue }
                let names = slot.patterns.flatMap { $0.flatMap { $0 } }.flatMap { SlotNames.tokens($0) }
                let unnamed = others.filter { token in !names.contains { NameMatcher.sameWord(token, $0) } }.count
                guard unnamed == 0 else { continue }
                // "the Kind words testimonial": a section's title with an item's noun names an item of that
                // section, not the title.
                if case .prop = slot.location {
                    let itemNouns = Set(SlotNames.items.values.joined().flatMap { SlotNames.tokens($0) })
                    let own = Set(slot.patterns.last?.last?.flatMap { SlotNames.tokens($0) } ?? [])
                    if others.contains(where: { itemNouns.contains($0) && !own.contains($0) }) { continue }
                }
                // "A reader's quote": the item named by its name, and another field of it named after.
                if slot.isItemName, case .itemProp(let path, let block, let list, let item, let key) = slot.location {
                    let own = Set((slot.patterns.first?.last ?? []).flatMap { SlotNames.tokens($0) })
                    let sibling = surface.slots.first { other in
                        guard case .itemProp(path, block, list, item, let otherKey) = other.location, otherKey != key,
                              let words = other.patterns.first?.last else { return false }
                        let names = Set(words.flatMap { SlotNames.tokens($0) })
                        return others.contains { names.contains($0) && !own.contains($0) }
                    }
                    if let sibling {
                        results.append(Match(slot: sibling, score: 90 + 3 * (others.count - unnamed)))
                        continue
                    }
                }
                results.append(Match(slot: slot, score: 80 + 3 * (others.count - unnamed) - 12 * unnamed))
            }
        }
        // "the answer to “Is it free?”": the quoted text names an item, and a word outside the quotes names
        // another field of that item — that field is meant.
        // Only with a linking word before the quote ("the text of the card “X”", "the answer to “Q”"): "the text
        // “X”" names the text that reads X.
        let beforeQuote = text.prefix { !"\"“'".contains($0) }.lowercased()
        if quoted.first != nil, !hintTokens.isEmpty, beforeQuote.contains(/\b(?:of|for|to|under|in|on)\b/) {
            for match in results where match.score >= 95 {
                guard case .itemProp(let path, let block, let list, let item, let key) = match.slot.location else { continue }
                for sibling in surface.slots {
                    guard case .itemProp(path, block, list, item, let other) = sibling.location, other != key,
                          let words = sibling.patterns.first?.last else { continue }
                    let names = Set(words.flatMap { SlotNames.tokens($0) })
                    if hintTokens.contains(where: { names.contains($0) }), !Set(match.slot.patterns.first?.last?.flatMap { SlotNames.tokens($0) } ?? []).isSuperset(of: hintTokens) {
                        results.append(Match(slot: sibling, score: match.score + 10))
                    }
                }
            }
        }
        return results.sorted { $0.score > $1.score }
    }

    /// How many of the words outside the quotes name the slot ("the “Learn more” button").
    private static func hints(_ tokens: [String], _ slot: EditSlot) -> Int {
        let names = Set(slot.patterns.flatMap { $0.flatMap { $0 } }.flatMap { SlotNames.tokens($0) })
        return tokens.filter { token in names.contains { NameMatcher.sameWord(token, $0) } }.count
    }

    /// Matches every group of a pattern against the reference's tokens; returns the tokens used and left over
    /// (words of the slot's page's name are not counted as left over), or nil when a required group is missing.
    static func match(_ tokens: [String], groups: [[String]], page: PageRecord?, names: Set<String> = []) -> (used: Int, leftover: Int)? {
        guard !tokens.isEmpty else { return nil }
        // Each group takes one phrase at free positions; longer phrases are tried first, and a group that would
        // leave a later group nothing ("faq question": "question" is both a noun and the prop) backtracks.
        func place(_ group: Int, _ taken: [Bool]) -> [Bool]? {
            guard group < groups.count else { return taken }
            var options: [Range<Int>] = []
            for phrase in groups[group] where !phrase.isEmpty {
                // "~Northern Roast packaging": an item's text, which two or more of its words in a row also name.
                let partial = phrase.hasPrefix("~")
                // "=Pennywise": a proper name, matched exactly ("Fast" must not name "the last feature").
                let exact = phrase.hasPrefix("=")
                let all = SlotNames.tokens(partial || exact ? String(phrase.dropFirst()) : phrase)
                var runs: [ArraySlice<String>] = [all[...]]
                if partial, all.count > 2 {
                    for length in stride(from: all.count - 1, through: 2, by: -1) {
                        for start in 0...(all.count - length) { runs.append(all[start..<start + length]) }
                    }
                }
                for words in runs {
                    guard !words.isEmpty, words.count <= tokens.count else { continue }
                    for start in 0...(tokens.count - words.count) {
                        let range = start..<start + words.count
                        if range.allSatisfy({ !taken[$0] }), zip(tokens[range], words).allSatisfy({ exact ? $0 == $1 : same($0, $1) }) { options.append(range) }
                    }
                }
            }
            for range in options.sorted(by: { $0.count > $1.count }) {
                var next = taken
                for index in range { next[index] = true }
                if let done = place(group + 1, next) { return done }
            }
            return groups[group].contains("") ? place(group + 1, taken) : nil
        }
        guard let taken = place(0, Array(repeating: false, count: tokens.count)) else { return nil }
        let used = taken.filter { $0 }.count
        guard used > 0 else { return nil }
        let pageWords = Set(page.map { SlotNames.tokens($0.title) + SlotNames.tokens($0.fileName.replacingOccurrences(of: "-", with: " ")) + ($0.isHome ? ["home", "homepage", "front", "landing"] : [])
            + ($0.isPost ? ["post", "article", "entry", "project", "story", "blog", "case", "study"] : []) } ?? [])
        let left = tokens.indices.filter { !taken[$0] && !pageWords.contains(tokens[$0]) }
        guard left.count <= 1, !left.contains(where: { names.contains(tokens[$0]) }) else { return nil }
        let leftover = left.count
        return (used, leftover)
    }

    /// Same word: exact for short words and numbers, one typo (or a plural) allowed in words of four letters or more.
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.contains(where: \.isNumber) || b.contains(where: \.isNumber) { return false }
        return NameMatcher.sameWord(a, b)
    }
}
