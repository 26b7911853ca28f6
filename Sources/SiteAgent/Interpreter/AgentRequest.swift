import Foundation

/// A request as the intents see it: the normalised message, the answer to an earlier question, the parsed
/// site and a workspace to edit.
struct AgentRequest {
    /// The message without politeness padding ("please", "can you"), whitespace trimmed.
    var message: String
    var context: AgentContext
    var site: SiteSnapshot

    init(context: AgentContext, site: SiteSnapshot, message: String? = nil) {
        self.context = context
        self.site = site
        let names = Set((site.nav.map(\.label) + site.pages.map(\.title)).filter { !$0.contains(" ") && $0.count >= 5 })
        self.message = Self.normalize(message ?? context.message, names: names)
    }

    /// A fresh workspace over the base source.
    var workspace: Workspace { Workspace(files: context.source) }

    /// What the user's answer picks among `question`'s options.
    func answer(to question: AgentQuestion) -> AnswerChoice {
        guard let answer = context.answer?.trimmingWhitespace, !answer.isEmpty else { return .none }
        return AnswerMatcher.choice(answer, for: question, asked: context.question)
    }

    /// Today's date in the site's time zone, `YYYY-MM-DD`.
    var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: context.now)
        return String(parts.year ?? 1970) + "-" + String(parts.month ?? 1).leftPadded(to: 2) + "-" + String(parts.day ?? 1).leftPadded(to: 2)
    }

    private static func normalize(_ message: String, names: Set<String>) -> String {
        var text = message.trimmingWhitespace
        text = text.replacing(/\s+/, with: " ")
        let leading = /^(?i)(?:please|pls|hey|hi|ok|okay|so|now|can you|could you|would you|will you|i want to|i'd like to|i would like to|i want you to|let's|lets|go ahead and)[,]?\s+/
        while let match = text.prefixMatch(of: leading) { text = String(text[match.range.upperBound...]) }
        // "I'd like the header sky blue", "I want the buttons teal": a wish about how something looks.
        if let wish = text.prefixMatch(of: /(?i)^(?:i'd|i’d|i would|we'd|we’d|we would)\s+like\s+(?=(?:the|my|our)\s)|^(?:i|we)\s+want\s+(?=(?:the|my|our)\s)/) {
            text = "make " + text[wish.range.upperBound...]
            // "… the footer to be teal" → "make the footer teal".
            text = text.replacing(/(?i)^make\s+(?<what>.+?)\s+to\s+be\s+/, with: { "make " + $0.what + " " })
        }
        // "On the about page, change "A" to "B"", "on the Harbour Festival page use X instead of Y": the page
        // goes last, where the intents look for it.
        if let scope = text.wholeMatch(of: /(?i)(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)\s+(?<kind>page|post)\s*,?\s+(?<rest>(?:change|replace|swap|update|use|set|make|rename|edit|fix|remove|delete|add|put)\b.+)/) {
            // A quoted text is found wherever it is; the page is only needed for words without quotes.
            text = String(scope.rest) + (scope.rest.contains(where: { "\"“”".contains($0) }) ? "" : " on the " + scope.page + " " + scope.kind)
        }
        let trailing = /(?i)[,]?\s+(?:please|thanks|thank you|thx|for now|for the moment|for the time being|temporarily)[.!]*$/
        if let match = text.firstMatch(of: trailing) { text = String(text[..<match.range.lowerBound]) }
        if text.hasSuffix("?") { text.removeLast() }
        // "Our business is called Bluebird Bakery — use that as the site name": the value first, then where it goes.
        if let match = text.wholeMatch(of: /(?i)(?:our|my|the)\s+[\w ]{2,30}?\s+(?:is|will\s+be|should\s+be)\s+(?:called|named)\s+(?<value>.+?)\s*(?:—|–|-|,|;|\.|:)\s*(?:please\s+)?(?:use|put|make|set)\s+(?:that|it|this)\s+(?:as|for|in)\s+(?<slot>[^.!]+)[.!]?/) {
            text = "set " + match.slot + " to " + match.value
        }
        return KeywordSpelling.corrected(text.trimmingWhitespace, names: names)
    }
}
