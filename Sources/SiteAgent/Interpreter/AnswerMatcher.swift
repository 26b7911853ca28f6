/// Maps an answer ("2", "the second", "yes", "brighter primary", "Berlin") to one of a question's options.
enum AnswerMatcher {
    private static let ordinals: [String: Int] = [
        "1": 0, "one": 0, "first": 0, "1st": 0, "2": 1, "two": 1, "second": 1, "2nd": 1, "3": 2, "three": 2,
        "third": 2, "3rd": 2, "4": 3, "four": 3, "fourth": 3, "4th": 3, "5": 4, "five": 4, "fifth": 4, "5th": 4,
        "6": 5, "six": 5, "sixth": 5, "6th": 5,
    ]
    private static let yes: Set<String> = ["yes", "y", "yep", "yeah", "sure", "ok", "okay", "do it", "go ahead", "confirm", "delete it", "please do", "yes please", "correct"]
    private static let no: Set<String> = ["no", "n", "nope", "cancel", "keep it", "don't", "dont", "stop", "never mind", "nevermind", "abort"]

    /// The option `answer` picks among `question`'s options, mapped through the options the user actually saw
    /// (`asked`) when they differ.
    static func choice(_ answer: String, for question: AgentQuestion, asked: AgentQuestion?) -> AnswerChoice {
        // A question without options asked for free text (the text of a post, a title…).
        if let asked, asked.options.isEmpty { return .other(answer) }
        let shown = asked?.options.isEmpty == false ? asked?.options ?? question.options : question.options
        guard let index = pick(answer, among: shown) else { return .other(answer) }
        if shown == question.options { return .option(index) }
        if let same = question.options.firstIndex(of: shown[index]) { return .option(same) }
        return pick(shown[index], among: question.options).map { .option($0) } ?? .other(answer)
    }

    /// Whether `answer` picks an option unmistakably: by number, yes/no, its full text, or words all found in it.
    static func isStrongPick(_ answer: String, among options: [String]) -> Bool {
        guard let index = pick(answer, among: options) else { return false }
        let words = NameMatcher.words(answer).filter { !politeWords.contains($0) }
        let optionWords = NameMatcher.words(options[index])
        return words.allSatisfy { word in optionWords.contains { NameMatcher.sameWord(word, $0) || $0.hasPrefix(word) } }
            || ordinals[answer.lowercased().trimmingWhitespace] != nil
    }

    private static let politeWords: Set<String> = ["please", "pls", "thanks", "option", "number", "choice", "ok", "okay", "i", "want", "do", "go", "with", "let", "s", "lets", "and", "to", "one"]

    /// The index of the option `answer` picks, if exactly one fits.
    static func pick(_ answer: String, among options: [String]) -> Int? {
        guard !options.isEmpty else { return nil }
        var text = answer.lowercased().trimmingWhitespace
        while let last = text.last, ".!)".contains(last) { text.removeLast() }
        for prefix in ["option ", "number ", "#", "the ", "choice "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        let firstWord = text.split(separator: " ").first.map(String.init) ?? text
        if let index = ordinals[text], index < options.count { return index }
        if let index = ordinals[firstWord], index < options.count, text.split(separator: " ").count <= 2 { return index }
        let lowered = options.map { $0.lowercased() }
        if yes.contains(text) || text.hasPrefix("yes") {
            if let index = lowered.firstIndex(where: { $0.hasPrefix("yes") }) { return index }
        }
        if no.contains(text) || text.hasPrefix("no ") || text.hasPrefix("no,") {
            if let index = lowered.firstIndex(where: { $0.hasPrefix("no") }) { return index }
        }
        if let exact = lowered.firstIndex(of: text) { return exact }
        let words = NameMatcher.words(text).filter { !politeWords.contains($0) }
        guard !words.isEmpty else { return nil }
        let scores = options.map { option -> Double in
            let optionWords = NameMatcher.words(option)
            let hits = words.filter { word in optionWords.contains { NameMatcher.sameWord(word, $0) || $0.hasPrefix(word) && word.count >= 4 } }
            return Double(hits.count) / Double(words.count)
        }
        guard let best = scores.max(), best >= 0.5 else { return nil }
        let winners = scores.indices.filter { scores[$0] == best }
        return winners.count == 1 ? winners[0] : nil
    }
}
