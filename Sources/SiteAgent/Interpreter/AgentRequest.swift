import Foundation
import SiteCompiler

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
        self.message = Self.normalize(message ?? context.message, names: { Self.names(of: site) })
    }

    /// Capitalised words of five letters or more that name things on the site — menu labels, page titles, and
    /// the names of list items and sections ("Pennywise", "Northern") — for typo correction.
    static func names(of site: SiteSnapshot) -> Set<String> {
        var names = Set((site.nav.map(\.label) + site.pages.map(\.title)).filter { !$0.contains(" ") && $0.count >= 5 })
        for page in site.pages.prefix(200) {
            guard let text = site.files.text(page.path) else { continue }
            for match in text.matches(of: /(?m)^\s*(?:-\s+)?(?:title|name|caption|label|question|headline):\s*(?<value>[^\n]{1,80})$/) {
                for word in match.value.split(whereSeparator: { !$0.isLetter }) where word.count >= 5 && word.first?.isUppercase == true {
                    names.insert(String(word))
                }
            }
        }
        return names
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

    private static func normalize(_ message: String, names: () -> Set<String>) -> String {
        var text = message.trimmingWhitespace
        text = text.replacing(/\s+/, with: " ")
        let leading = /^(?i)(?:please|pls|hey|hi|ok|okay|so|now|can you|could you|would you|will you|can we|could we|can i|could i|may i|may we|would it be possible to|is it possible to|i want to|i'd like to|i would like to|i want you to|we want to|we'd like to|let's|lets|go ahead and|kindly)[,]?\s+/
        while let match = text.prefixMatch(of: leading) { text = String(text[match.range.upperBound...]) }
        // "I'd like the header sky blue", "I want the buttons teal": a wish about how something looks.
        if let wish = text.prefixMatch(of: /(?i)^(?:i'd|i’d|i would|we'd|we’d|we would)\s+like\s+(?=(?:the|my|our)\s)|^(?:i|we)\s+want\s+(?=(?:the|my|our)\s)/) {
            text = "make " + text[wish.range.upperBound...]
            // "… the footer to be teal" → "make the footer teal".
            text = text.replacing(/(?i)^make\s+(?<what>.+?)\s+to\s+be\s+/, with: { "make " + $0.what + " " })
        }
        // "have a hero image on the home page" (after "can we"): asking for something new.
        text = text.replacing(/(?i)^(?:have|get)\s+(?=(?:a|an|some)\s)/, with: "add ")
        // "On the home page gallery, use …": the section is found from the rest.
        text = text.replacing(/(?i)^(?:on|in)\s+(?:the\s+)?[^,:"“]{2,40}?\s+(?:gallery|section|list|grid|faq|features|testimonials)\s*,\s*/, with: "")
        // "can we have a hero image …", "could we get a pricing table …": asking for something new.
        if let ask = text.prefixMatch(of: /(?i)^(?:can|could)\s+(?:we|i|you)\s+(?:have|get|add|put|include)\s+(?=(?:a|an|some)\s)/) {
            text = "add " + text[ask.range.upperBound...]
        }
        // "Can the header be midnight blue with white writing?": a look asked for as a question.
        if let ask = text.wholeMatch(of: /(?i)(?:can|could)\s+(?<reference>(?:the|our|my)\s+[^"“?]{2,40}?)\s+be\s+(?<value>[^"“?]+?)\??/),
           StyleIntent.colour(in: String(ask.value).split(separator: " ").map(String.init)) != nil || String(ask.value).contains(/\d(?:px|rem|em)\b/) {
            text = "make " + ask.reference + " " + ask.value
        }
        // "Get rid of …": removing.
        text = text.replacing(/(?i)^get\s+rid\s+of\s+/, with: "remove ")
        // "…, it's out of date", "… because we closed": the reason is no part of the request.
        text = text.replacing(/(?i)\s*[,;-]\s*(?:it'?s|it\s+is|its|they'?re|they\s+are|because|since|as)\s+(?:out\s+of\s+date|outdated|old|wrong|no\s+longer\s+true|not\s+true\s+any\s*more)[.!]?$/, with: "")
        // "add a 'Motion graphics' card …": the name before the noun.
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:a|an|one|another|new)\s+(?<name>'[^']+'|"[^"]+"|“[^”]+”)\s+(?<noun>feature\s+card|card|feature|item|tier|plan|question|faq|testimonial|entry|image|page|post|link)\b/, with: { $0.verb + " a " + $0.noun + " called " + $0.name })
        // "add a fourth feature card", "add another plan": the position is where it goes anyway.
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:a|an)\s+(?:new\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|extra|additional|further)\s+/, with: { $0.verb + " a " })
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:another|one\s+more)\s+/, with: { $0.verb + " a " })
        // "add project-2.svg to the Harbour Festival page", "Put /img/work/02.jpg on the Berlin team page": a file.
        text = text.replacing(/(?i)^(?<verb>add|put|place|insert)\s+(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s+(?=to\s|on\s|onto\s|in\s|at\s)/, with: { $0.verb + " the image " + $0.file + " " })
        // "I'd like a pricing section on the home page": a wish for something new.
        if let wish = text.prefixMatch(of: /(?i)^(?:i'd|i’d|i would|we'd|we’d|we would)\s+(?:like|love)\s+(?=(?:a|an|some)\s)|^(?:i|we)\s+(?:want|need)\s+(?=(?:a|an|some)\s)/) {
            text = "add " + text[wish.range.upperBound...]
        }
        // "update the subheading to: Independent studio…", "so it says: …": the colon only introduces the value.
        text = text.replacing(/(?i)\s+(?<joiner>to|into|as|say|says|read|reads|with|for|by|should\s+be|should\s+say|should\s+read)\s*:\s+/, with: { " " + $0.joiner + " " })
        // "Move Services so it comes before About": the "so it comes" carries nothing.
        text = text.replacing(/(?i)\s+so\s+(?:that\s+)?(?:it|they)\s+(?:comes?|goes|go|sits?|is|are|appears?|shows?\s+up|ends?\s+up)\s+(?=before|after|above|below|first|last|at\s|to\s)/, with: " ")
        // "the headline on our homepage is too generic, change it to X": the thing named first, then the change.
        if let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^,"“]{2,60}?)\s+(?:is|looks|seems|feels|reads|sounds)\s+[^,"“]{2,40},\s*(?:so\s+)?(?:please\s+)?(?:can\s+you\s+|could\s+you\s+)?(?<verb>change|set|make|update|rename)\s+it\s+(?<rest>(?:to|into)\s+.+)/) {
            text = match.verb + " " + match.reference + " " + match.rest
        }
        // "Header background should be midnight blue with white text": a background and the text on it.
        if let match = text.wholeMatch(of: /(?i)(?<reference>[^"“]{2,40}?)\s+should\s+(?:be|become)\s+(?<colours>[^"“]+?\s+with\s+[^"“]+?\s+(?:text|writing|letters|lettering))[.!]?/) {
            text = "make " + match.reference + " " + match.colours
        }
        // "the FAQ is a mess, tidy it up": what to tidy.
        if let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^,"“]{2,40}?)\s+(?:is|are|looks|seems)\s+(?:a\s+(?:bit\s+of\s+a\s+)?mess|messy|cluttered|confusing|all\s+over\s+the\s+place|untidy)(?:\s*[,;-]?\s*(?:please\s+)?(?:can\s+you\s+)?(?:tidy|clean|sort)\s+(?:it|them)\s+(?:up|out))?[.!]?/) {
            text = "tidy up " + match.reference
        }
        // "On the about page, change "A" to "B"", "on the Harbour Festival page use X instead of Y": the page
        // goes where the intents look for it — before the new value ("… intro text on the contact page to: …").
        if let scope = text.wholeMatch(of: /(?i)(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)\s+(?<kind>page|post)\s*,?\s+(?<rest>(?:change|replace|swap|update|use|set|make|rename|edit|fix|remove|delete|add|put)\b.+)/) {
            let rest = String(scope.rest)
            let phrase = " on the " + scope.page + " " + scope.kind
            if rest.contains(where: { "\"“”".contains($0) }) || rest.contains(/(?:^|\s)'[^']+'(?:\s|$)/) {
                // A quoted text is found wherever it is.
                text = rest
            } else if let value = rest.firstMatch(of: /(?i)\s+(?:to|with|saying|should|so\s+(?:that\s+)?it)\s+|:\s+/) {
                text = String(rest[..<value.range.lowerBound]) + phrase + String(rest[value.range.lowerBound...])
            } else {
                text = rest + phrase
            }
        }
        let trailing = /(?i)[,]?\s+(?:please|thanks|thank you|thx|for now|for the moment|for the time being|temporarily)[.!]*$/
        if let match = text.firstMatch(of: trailing) { text = String(text[..<match.range.lowerBound]) }
        if text.hasSuffix("?") { text.removeLast() }
        // "Our business is called Bluebird Bakery — use that as the site name": the value first, then where it goes.
        if let match = text.wholeMatch(of: /(?i)(?:our|my|the)\s+[\w ]{2,30}?\s+(?:is|will\s+be|should\s+be)\s+(?:called|named)\s+(?<value>.+?)\s*(?:—|–|-|,|;|\.|:)\s*(?:please\s+)?(?:use|put|make|set)\s+(?:that|it|this)\s+(?:as|for|in)\s+(?<slot>[^.!]+)[.!]?/) {
            text = "set " + match.slot + " to " + match.value
        }
        // "swap "design systems" for "brand systems"": the first quoted text becomes the second.
        if let match = text.wholeMatch(of: /(?i)(?:swap|switch|exchange|trade)\s+(?<old>"[^"]+"|“[^”]+”)\s+(?:for|with|to)\s+(?<new>"[^"]+"|“[^”]+”)(?<rest>.*)/) {
            text = "change " + match.old + " to " + match.new + match.rest
        }
        // "take the Pennywise app out of the gallery": removing an item.
        text = text.replacing(/(?i)^(?:take|pull)\s+(?<what>.+?)\s+out\s+of\s+(?<from>.+)$/, with: { match in
            match.from.lowercased().contains(/\b(?:menu|nav|navigation|navbar)\b/) ? match.0 : "remove " + match.what + " from " + match.from
        })
        // "Body text in Verdana please", "headings in Georgia": a font for a part of the text.
        if let match = text.wholeMatch(of: /(?i)(?:make\s+|set\s+|put\s+)?(?:the\s+|all\s+the\s+)?(?<target>headings?|headlines?|titles?|body(?:\s+text)?|text|paragraphs|code(?:\s+blocks)?)\s+(?:in|should\s+be\s+in|using)\s+(?<font>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})[.!]?/) {
            text = "use " + match.font + " for " + match.target
        }
        return KeywordSpelling.corrected(text.trimmingWhitespace, names: names)
    }
}
