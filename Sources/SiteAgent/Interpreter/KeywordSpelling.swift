import Foundation

/// Tolerates a typo in the words that say *what to do* (issue 10, item 7), conservatively: the first word against
/// the verbs, and a lower-case word right after "the", "site", "my" or "our" against a few slot words — one Damerau–Levenshtein edit,
/// words of five letters or more, only when exactly one word is that close. Values (everything after the first
/// quote, " to " or ":") and capitalised words (page names) are never touched.
enum KeywordSpelling {
    static let verbs: Set<String> = [
        "change", "update", "remove", "delete", "rename", "replace", "create", "write", "publish", "switch", "insert",
        "revert",
    ]
    static let slots: Set<String> = [
        "title", "tagline", "header", "footer", "headline", "subheadline", "subheading", "buttons", "button", "background",
        "colour", "color", "heading", "headings", "menu", "navigation", "fonts", "corners", "warning", "callout",
        "caption", "gallery", "testimonial", "testimonials", "feature", "features", "pricing", "subheading",
        "description", "section", "picture", "image", "question", "answer", "sidebar", "border", "borders",
        "primary", "accent", "author", "date", "title", "button", "label", "links",
    ]
    /// Short words where only a swap of two letters is taken as a typo ("pgae" → "page").
    static let shortWords: Set<String> = ["page", "post", "menu", "link", "font", "text", "date", "logo", "card", "plan", "site", "blog",
                                          "make", "move", "show", "hide", "swap", "turn", "edit", "drop", "into"]

    /// Also corrects a capitalised word that is one edit from exactly one of `names` (the site's page titles and
    /// menu labels, one word each: "Servces" → "Services").
    static func corrected(_ message: String, names lookup: () -> Set<String>) -> String {
        var text = corrected(message)
        // "the abuot page", "the Blgo page description": a page's name right before "page"/"post", in any case
        // (four-letter names only with two letters swapped).
        let pageWords = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let common: Set<String> = ["home", "main", "front", "landing", "this", "that", "same", "next", "last", "first", "whole", "blog", "about", "each", "every", "other", "new", "start", "index"]
        if pageWords.count > 1, pageWords.indices.dropLast().contains(where: { index in
            ["page", "post", "page's", "post's", "menu", "item", "link", "tab"].contains(pageWords[index + 1].lowercased()) && pageWords[index].count >= 3 && pageWords[index].allSatisfy(\.isLetter)
                && !common.contains(pageWords[index].lowercased())
        }) {
            let names = lookup()
            let lowered = Set(names.map { $0.lowercased() })
            var fixed = pageWords
            for index in pageWords.indices.dropLast() where ["page", "post", "page's", "post's", "menu", "item", "link", "tab"].contains(pageWords[index + 1].lowercased()) {
                let word = pageWords[index]
                guard word.count >= 3, word.allSatisfy(\.isLetter), !common.contains(word.lowercased()), !lowered.contains(word.lowercased()) else { continue }
                let close = names.filter { name in
                    let a = Array(word.lowercased()), b = Array(name.lowercased())
                    guard abs(a.count - b.count) <= 1, distance(String(a), String(b)) == 1 else { return false }
                    // Four letters or fewer: only a swap of two neighbours ("Blgo" → "Blog"), never another word ("Mail").
                    return a.count > 4 && b.count > 4 || isSwap(String(a), String(b))
                }
                if close.count == 1, let name = close.first { fixed[index] = name }
            }
            text = fixed.joined(separator: " ")
        }
        // Only a capitalised word of five letters or more after the first can be a misspelt name; the site's
        // names are read only then.
        guard text.split(separator: " ").dropFirst().contains(where: { $0.count >= 5 && $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }) else { return text }
        // Five letters or more: "Works" is not a typo of the menu label “Work”.
        let names = lookup().filter { $0.count >= 5 }
        guard !names.isEmpty else { return text }
        let stops = [text.firstIndex(where: { "\"“'".contains($0) }), text.range(of: " to ")?.lowerBound, text.firstIndex(of: ":")]
        let end = stops.compactMap { $0 }.min() ?? text.endIndex
        var words = text[..<end].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices.dropFirst() {
            let word = words[index]
            guard word.count >= 5, word.first?.isUppercase == true, word.allSatisfy(\.isLetter), !names.contains(word) else { continue }
            let close = names.filter { abs($0.count - word.count) <= 1 && distance(word.lowercased(), $0.lowercased()) == 1 }
            guard close.count == 1, let fix = close.first else { continue }
            words[index] = fix
            changed = true
        }
        guard changed else { return text }
        return words.joined(separator: " ") + text[end...]
    }

    static func corrected(_ message: String) -> String {
        // "ad a question …", "ad Careers to the menu": a short verb the five-letter rule below leaves alone.
        if let match = message.prefixMatch(of: /(?i)^(?:ad|addd|dd)\s+(?=(?:a|an|the|some|my|our)\s|\S+\s+to\s+the\s)/) {
            return corrected("add " + message[match.range.upperBound...])
        }
        let stops = [message.firstIndex(where: { "\"“'".contains($0) }), message.range(of: " to ")?.lowerBound, message.firstIndex(of: ":")]
        let end = stops.compactMap { $0 }.min() ?? message.endIndex
        var words = message[..<end].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices {
            let typed = words[index]
            // The first word may be capitalised ("Remvoe the …"); later capitalised words are names.
            // "the About pgae": a four-letter word with two letters swapped.
            if typed.count == 4, typed.allSatisfy({ $0.isLetter }), index == 0 || typed.allSatisfy(\.isLowercase), !shortWords.contains(typed.lowercased()),
               let fix = shortWords.first(where: { isSwap(typed.lowercased(), $0) }) {
                words[index] = fix
                changed = true
                continue
            }
            guard typed.count >= 5, typed.allSatisfy(\.isLetter), index == 0 || typed.allSatisfy(\.isLowercase) else { continue }
            let word = index == 0 ? typed.lowercased() : typed
            let vocabulary: Set<String>
            // After "a", "new", "this", …, a real word is likely ("a reader"): only a dropped, doubled or
            // swapped letter counts as a typo there ("a testimonal"), never a changed one.
            var strict = false
            // "on the Londn Team page chaneg …", "… and chaneg …": a verb also starts after a page or a joiner.
            if index == 0 || ["page", "page,", "post", "post,", "and", "then", "also", "please"].contains(words[index - 1].lowercased()) && typed.allSatisfy(\.isLowercase) && !verbs.contains(word) && verbs.contains(where: { distance(word, $0) == 1 }) {
                vocabulary = verbs
            } else if ["the", "site", "site's", "website", "my", "our"].contains(words[index - 1].lowercased()) {
                vocabulary = slots
            } else if ["a", "an", "new", "this", "that", "each", "every"].contains(words[index - 1].lowercased()) {
                vocabulary = slots
                strict = true
            } else {
                continue
            }
            guard !vocabulary.contains(word), !Rephrasing.realWords.contains(word.lowercased()) else { continue }
            let close = vocabulary.filter { candidate in
                guard abs(candidate.count - word.count) <= 1, distance(word, candidate) == 1 else { return false }
                guard strict, candidate.count == word.count else { return true }
                return isSwap(word, candidate)
            }
            guard close.count == 1, let fix = close.first else { continue }
            words[index] = fix
            changed = true
        }
        guard changed else { return message }
        return words.joined(separator: " ") + message[end...]
    }

    /// Whether `b` is `a` with two neighbouring letters swapped ("pgae" / "page").
    static func isSwap(_ a: String, _ b: String) -> Bool {
        let a = Array(a), b = Array(b)
        guard a.count == b.count else { return false }
        let diff = a.indices.filter { a[$0] != b[$0] }
        return diff.count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
    }

    /// Damerau–Levenshtein distance (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
