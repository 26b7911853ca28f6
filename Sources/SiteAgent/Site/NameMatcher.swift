/// Scores how well what the user typed ("the about page", "servics", "hello world post") names a page,
/// a menu item or an option, tolerating filler words, plurals and small typos.
enum NameMatcher {
    /// Scores at or above this mean "this is what the user meant".
    static let threshold = 0.6

    private static let fillerWords: Set<String> = [
        "the", "a", "an", "our", "my", "this", "that", "page", "pages", "post", "article", "section", "menu",
        "item", "link", "entry", "called", "named", "titled", "tab", "site", "website", "one",
    ]

    /// Lower-cased words, without filler words (unless nothing else is left).
    static func words(_ text: String) -> [String] {
        let all = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        let meaningful = all.filter { !fillerWords.contains($0) }
        return meaningful.isEmpty ? all : meaningful
    }

    /// 1 for the same name, less for partial or misspelt names, 0 for unrelated ones.
    static func score(_ query: String, _ name: String) -> Double {
        let queryWords = words(query)
        let nameWords = words(name)
        guard !queryWords.isEmpty, !nameWords.isEmpty else { return 0 }
        if queryWords == nameWords { return 1 }
        if queryWords.joined() == nameWords.joined() { return 0.98 }
        if queryWords.count == nameWords.count, zip(queryWords, nameWords).allSatisfy({ sameWord($0, $1) }) { return 0.95 }
        if queryWords.allSatisfy({ word in nameWords.contains { sameWord(word, $0) } }) {
            return 0.6 + 0.3 * Double(queryWords.count) / Double(nameWords.count)
        }
        if nameWords.allSatisfy({ word in queryWords.contains { sameWord(word, $0) } }) {
            return 0.5 + 0.3 * Double(nameWords.count) / Double(queryWords.count)
        }
        let ratio = similarity(queryWords.joined(separator: " "), nameWords.joined(separator: " "))
        return ratio >= 0.75 ? ratio * 0.9 : 0
    }

    /// Same word, allowing a plural `s` and one typo in longer words.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b || a + "s" == b || b + "s" == a { return true }
        let shorter = min(a.count, b.count)
        guard shorter >= 4 else { return false }
        return editDistance(a, b) <= (shorter >= 8 ? 2 : 1)
    }

    /// 1 − edit distance / length of the longer string.
    static func similarity(_ a: String, _ b: String) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(editDistance(a, b)) / Double(longest)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
