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

    static func corrected(_ message: String) -> String {
        let stops = [message.firstIndex(where: { "\"“'".contains($0) }), message.range(of: " to ")?.lowerBound, message.firstIndex(of: ":")]
        let end = stops.compactMap { $0 }.min() ?? message.endIndex
        var words = message[..<end].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for index in words.indices {
            let word = words[index]
            guard word.count >= 5, word.allSatisfy({ $0.isLetter && $0.isLowercase }) else { continue }
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
