/// Small helpers for pulling values out of what the user typed.
enum Phrase {
    private static let quotePairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("„", "“"), ("'", "'"), ("‘", "’"), ("«", "»")]
    /// Words whose trailing full stop belongs to the word (`Acme Design Co.`).
    private static let abbreviations: Set<String> = ["co", "inc", "ltd", "corp", "bros", "st", "jr", "sr", "dr", "mr", "mrs", "ms", "etc", "vs", "no", "llc", "plc", "gmbh", "ag", "sa"]

    /// The text inside matching quotes, if the whole string is quoted.
    static func unquoted(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count >= 2, let first = trimmed.first, let last = trimmed.last else { return nil }
        for (open, close) in quotePairs where first == open && last == close {
            let inner = String(trimmed.dropFirst().dropLast())
            if !inner.contains(close) || open != close { return inner }
            // "We say "hello" to everyone": inner quotes that open after a space and pair up belong to the text;
            // "Fast" and "Calm" is two quoted texts, not one.
            let marks = inner.indices.filter { inner[$0] == close }
            if marks.count % 2 == 0, let firstMark = marks.first, firstMark > inner.startIndex,
               inner[inner.index(before: firstMark)] == " " {
                return inner
            }
        }
        return nil
    }

    /// A value the user gave: quoted text verbatim; otherwise trimmed, without a sentence-ending full stop
    /// (kept after abbreviations such as `Co.`).
    static func value(_ raw: String) -> String {
        if let inner = unquoted(raw) { return inner }
        // `"Fresh bread" instead of what it says now`, `"Free delivery" please`: a quoted text followed by words
        // without quotes is the quoted text.
        let trimmed = raw.trimmingWhitespace
        for (open, close) in quotePairs where trimmed.first == open {
            let body = trimmed.dropFirst()
            if let end = body.firstIndex(of: close), end > body.startIndex {
                let after = body[body.index(after: end)...]
                if !after.contains(where: { "\"“”'‘’«»".contains($0) }), let next = after.first, next == " " || ",.;!".contains(next) {
                    return String(body[..<end])
                }
            }
        }
        var text = raw.trimmingWhitespace
        // "to say Handmade candles", "should say Meet the team instead of Learn more": the verb and the old text
        // are no part of the new one (a capitalised "Read the introduction" is).
        if let verb = text.prefixMatch(of: /^(?:say|says|read|reads|be)\s+/), text.count > verb.output.count + 1 {
            text = String(text[verb.range.upperBound...])
            if let inner = unquoted(text) { return inner }
        }
        if let instead = text.firstMatch(of: /(?i),?\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+[^,]{1,60}$|,?\s+instead[.!]?$/), instead.range.lowerBound > text.startIndex {
            text = String(text[..<instead.range.lowerBound])
            if let inner = unquoted(text) { return inner }
        }
        // A quoted value followed by a full stop: `"Small studio, big ideas".`
        if let last = text.last, ".!".contains(last), let inner = unquoted(String(text.dropLast())) { return inner }
        if text.hasSuffix("."), !text.hasSuffix("..") {
            let lastWord = text.dropLast().split(whereSeparator: { $0 == " " || $0 == "." }).last.map { $0.lowercased() } ?? ""
            if !abbreviations.contains(lastWord) { text.removeLast() }
        }
        return text.trimmingWhitespace
    }

    /// Removes leading articles and possessives: "the About page" → "About page".
    static func withoutArticles(_ text: String) -> String {
        // Plain prefix checks: this runs for every slot of a site, and a regex literal is parsed on each use.
        var result = Substring(text.trimmingWhitespace)
        var stripped = true
        while stripped {
            stripped = false
            for article in ["the", "a", "an", "our", "my", "this", "that"] where result.count > article.count {
                let head = result.prefix(article.count)
                let next = result[result.index(result.startIndex, offsetBy: article.count)]
                if head.lowercased() == article, next == " " || next == "\t" {
                    result = result.dropFirst(article.count).drop { $0 == " " || $0 == "\t" }
                    stripped = true
                    break
                }
            }
        }
        return String(result)
    }

    /// "three" → 3, "12" → 12.
    static func number(_ word: String) -> Int? {
        let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3]
        return Int(word) ?? words[word.lowercased()]
    }

    /// A menu label as typed, with its first letter capitalised when it was all lower case ("visit us" → "Visit us").
    static func titledLabel(_ text: String) -> String {
        guard text == text.lowercased(), let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "Hello World", "Our Story", joined for a reply: “A”, “B” and “C”.
    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
        }
    }

    /// Title case for a name the user typed in lower case ("about us" → "About Us"); other text is kept.
    static func titleCased(_ text: String) -> String {
        guard text == text.lowercased() else { return text }
        let small: Set<String> = ["a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "or", "with"]
        return text.split(separator: " ").enumerated().map { index, word in
            index > 0 && small.contains(String(word)) ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
