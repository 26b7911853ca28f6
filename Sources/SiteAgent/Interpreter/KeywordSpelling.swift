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
        "colour", "color", "heading", "headings", "menu", "navigation", "fonts", "corners",
    ]

    /// Also corrects a capitalised word that is one edit from exactly one of `names` (the site's page titles and
    /// menu labels, one word each: "Servces" → "Services").
    static func corrected(_ message: String, names: Set<String>) -> String {
        let text = corrected(message)
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
            guard typed.count >= 5, typed.allSatisfy(\.isLetter), index == 0 || typed.allSatisfy(\.isLowercase) else { continue }
            let word = index == 0 ? typed.lowercased() : typed
            let vocabulary: Set<String>
            if index == 0 {
                vocabulary = verbs
            } else if ["the", "site", "site's", "website", "my", "our"].contains(words[index - 1].lowercased()) {
                vocabulary = slots
            } else {
                continue
            }
            guard !vocabulary.contains(word) else { continue }
            let close = vocabulary.filter { abs($0.count - word.count) <= 1 && distance(word, $0) == 1 }
            guard close.count == 1, let fix = close.first else { continue }
            words[index] = fix
            changed = true
        }
        guard changed else { return message }
        return words.joined(separator: " ") + message[end...]
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
