import SiteCompiler
import Yams

/// Turns bare e-mail addresses and URLs in text the user gave into Markdown links, leaving the words as typed.
enum Linkify {
    static func markdown(_ text: String) -> String {
        var result = ""
        var word = ""
        for character in text {
            if character.isWhitespace {
                result += link(word) + String(character)
                word = ""
            } else {
                word.append(character)
            }
        }
        return result + link(word)
    }

    /// One whitespace-free word, linked if it is an address (trailing punctuation stays outside the link).
    private static func link(_ word: String) -> String {
        guard !word.isEmpty, !word.contains("]("), !word.hasPrefix("["), !word.hasPrefix("<") else { return word }
        var core = Substring(word)
        var trailing = ""
        while let last = core.last, ".,;:!?)".contains(last) {
            trailing = String(last) + trailing
            core.removeLast()
        }
        let target = String(core)
        if target.wholeMatch(of: /(?i)https?:\/\/[^\s<>()\[\]]+/) != nil {
            return "[\(target)](\(target))" + trailing
        }
        if target.wholeMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/) != nil {
            return "[\(target)](mailto:\(target))" + trailing
        }
        return word
    }
}
