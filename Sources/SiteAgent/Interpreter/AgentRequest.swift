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
        var names = Set((site.nav.map(\.label) + site.pages.map(\.title)).filter { !$0.contains(" ") && $0.count >= 3 })
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

    /// "…, and could you also change …", "… and can you please make …": the politeness of a second request, so
    /// that its verb starts its clause.
    static func withoutPleas(_ message: String) -> String {
        message.replacing(/(?i)(?<join>,?\s+(?:and|then)\s+|,\s*|[.;]\s+)(?:could|can|would|will)\s+(?:you|we)\s+(?:also\s+|please\s+|maybe\s+)*(?=[a-z]+\s)/, with: { String($0.join) })
            .replacing(/(?i)(?<join>,?\s+and\s+)(?:please\s+)?also\s+(?=[a-z]+\s)/, with: { String($0.join) })
    }

    private static func normalize(_ message: String, names: () -> Set<String>) -> String {
        var text = message.trimmingWhitespace
        text = text.replacing(/\s+/, with: " ")
        text = withoutPleas(text)
        // "text column wider pls, 50rem": "pls" anywhere is padding.
        text = text.replacing(/(?i)\s*\b(?:pls|plz)\b\s*,?/, with: " ").trimmingWhitespace
        // "change the site title to Rosie's Bakery, that's the name on our shop sign": a reason after the value.
        if !text.contains(/["“”]/) {
            text = text.replacing(/(?i),\s+(?:that'?s|that\s+is|which\s+is|as\s+that'?s|since\s+that'?s)\s+(?:the|what|how|our|my|who|where|why)\b[^,;]*$/, with: "")
        }
        // "the big text at the top", "the big writing on the front": the hero headline.
        text = text.replacing(/(?i)\bthe\s+(?:big|large|huge|massive)\s+(?:text|writing|words|letters|wording)(?!\s+(?:column|colou?r|font|size|width))(?:\s+(?:at|on)\s+the\s+(?:very\s+)?(?:top|front))?(?:\s+of\s+the\s+(?:home\s*page|front\s+page|site|page))?(?:\s+on\s+the\s+(?:home|front)\s*page)?\b/, with: "the hero headline")
        // "a bit wider, maybe 50rem": the width said.
        text = text.replacing(/(?i)\b(?:a\s+(?:bit|little|tad)\s+|slightly\s+|much\s+)?(?:wider|narrower|bigger|smaller|larger)\s*,?\s+(?:maybe|say|about|like|around|perhaps|ideally)\s+(?<value>\d+(?:\.\d+)?\s*(?:rem|px|em|%|ch))\b/, with: { String($0.value) })
        // "the little description Google shows for the Contact page": that page's description.
        text = text.replacing(/(?i)\b(?:the\s+)?(?:little\s+|short\s+|small\s+)?(?:description|text|blurb|snippet|summary)\s+(?:that\s+)?google\s+shows(?:\s+(?:for|on)\s+(?:the\s+)?(?<page>[\w' ]{1,30}?\s+page))?/, with: { match in match.page.map { "the description of the " + $0 } ?? "the site description" })
        // "Would you be so good as to add …", "I would be most grateful if you could correct …": the plea.
        text = text.replacing(/(?i)^(?:(?:would|could|will)\s+you\s+be\s+so\s+(?:good|kind)\s+as\s+to|would\s+it\s+be\s+possible\s+to|is\s+it\s+possible\s+to|i\s+wonder\s+if\s+you\s+could|i\s+(?:would|should)\s+be\s+(?:most\s+|very\s+)?grateful\s+if\s+you\s+(?:could|would))\s+/, with: "")
        // "round like 16 pixels": 16px.
        text = text.replacing(/(?i)\b(?:like|about|around|roughly|say|maybe)\s+(?<n>\d+(?:\.\d+)?)\s*(?:pixels?|px)\b/, with: { $0.n + "px" })
            .replacing(/(?i)\b(?<n>\d+(?:\.\d+)?)\s+pixels?\b/, with: { $0.n + "px" })
        // "the button in the top right corner": the header button.
        text = text.replacing(/(?i)\bthe\s+(?:(?:little|small|big)\s+)?button\s+(?:in|at|on)\s+the\s+top[\s-]+right(?:\s+corner)?(?:\s+of\s+the\s+(?:page|site|screen))?\b|\bthe\s+top[\s-]+right\s+button\b|\bthe\s+button\s+in\s+the\s+(?:header|top\s+bar|menu\s+bar)\b/, with: "the header button")
        // "put it in the menu between Posts and About": after the first.
        if text.lowercased().contains(/\b(?:menu|navigation|nav)\b/) {
            text = text.replacing(/(?i)\bbetween\s+(?<first>[A-Z][\w' &]*?)\s+and\s+[A-Z][\w' &]*?(?=[.!?,;]|\s*$)/, with: { "after " + $0.first })
        }
        // "I'd like the search description of the Contact page to be: …" → "change the … to: …".
        // Only for words (a description, a title …) — "I would like the footer to be teal" stays a colour.
        text = text.replacing(/(?i)^(?<scope>on\s+the\s+[\w' -]{1,40}?\s+(?:page|post)\s*,\s*)?(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:really\s+)?like\s+(?<thing>the\s+[^"“:]{0,60}?\b(?:description|text|title|tagline|headline|subheadline|caption|alt\s+text|heading|intro|label|quote|answer|summary|wording)\b[^"“:]{0,40}?)\s+to\s+(?:be|say|read)\s*(?<colon>:?)\s+/, with: { ($0.scope.map(String.init) ?? "") + "change " + $0.thing + " to" + $0.colon + " " })
        // "with the sentence: We are open …": the text.
        text = text.replacing(/(?i)\bwith\s+the\s+(?:sentence|line|words|paragraph|wording)\s*:?\s+/, with: "with the text ")
        // "can you make it pop a bit more": "make it pop".
        text = text.replacing(/(?i)\bpop\s+(?:a\s+(?:bit|little|tad)\s+|a\s+lot\s+|much\s+)?more\b/, with: "pop")
        // "Call it Rosie's Bakery and make the buttons brown": a message that starts by naming "it" names the site.
        text = text.replacing(/(?i)^(?:please\s+)?call\s+it\s+(?=[A-Z"“'])/, with: "call the site ")
        // "the grey writing under the big headline", "the button under the big headline": the hero's other parts, not
        // its headline.
        text = text.replacing(/(?i)\bthe\s+(?:(?:grey|gray|small|smaller|little|light|pale|short)\s+)*(?:writing|text|words|line|sentence|bit|wording)\s+(?:just\s+)?(?:under|below|beneath|underneath)\s+(?:the\s+)?(?:big\s+|main\s+|large\s+)?(?:headline|heading|title)(?:\s+(?:on|at)\s+the\s+(?:front|home|first)\s*page)?\b/, with: "the text under the headline")
        text = text.replacing(/(?i)\bthe\s+(?:(?:big|main|blue|orange)\s+)?button\s+(?:just\s+)?(?:under|below|beneath|underneath)\s+(?:it|the\s+(?:big\s+|main\s+|large\s+)?(?:headline|heading|title))(?:\s+(?:on|at)\s+the\s+(?:front|home|first)\s*page)?\b/, with: "the hero button")
        // "please remove the Blog link from the top bar": the menu (the bar's links), not the header's colour.
        if text.lowercased().contains(/\b(?:link|item|tab|page|entry)\b/) {
            text = text.replacing(/(?i)\b(?<prep>from|in|on|to|into|onto)\s+the\s+(?:top\s+bar|navigation\s+bar|nav\s+bar|navbar|top\s+navigation)\b/, with: { $0.prep + " the menu" })
        }
        // "in the menu at the top, after Services": the menu is at the top; where in it comes after.
        text = text.replacing(/(?i)\b(?<prep>in|to|on|into)\s+the\s+(?:top\s+|main\s+)?(?<menu>menu|navigation|nav|navbar)\s+(?:at|along|across)\s+the\s+top(?:\s+of\s+the\s+(?:page|site))?\b/, with: { $0.prep + " the " + $0.menu })
        // "pleaes make …": the padding words themselves misspelt.
        text = text.replacing(/(?i)^(?:pleaes|plase|pleas|plz|pleease|pleae|plese)\b,?\s*/, with: "")
        // "the site description (for search engines)": a note about what the thing is for.
        text = text.replacing(/(?i)\s*\((?:for|on|in)\s+(?:search\s+engines?|seo|google|search\s+results?|social\s+media|link\s+previews?)\)/, with: "")
        // Everyday typos of little words ("teh", "abuot", "mak"), a doubled "the", "too" before a value.
        text = text.replacing(/(?i)\b(?:teh|hte|th)\b(?=\s)/, with: "the")
            .replacing(/(?i)\babuot\b|\babotu\b|\baobut\b/, with: "about")
            .replacing(/(?i)^(?:mak|mke|maek|amke)\s+/, with: "make ")
            .replacing(/(?i)\b(?<the>the)\s+the\b/, with: { String($0.the) })
            .replacing(/(?i)\s+too\s+(?=\d|["“'#\/])/, with: " to ")
            .replacing(/(?i)\b(?:qestion|quesiton|questoin|queston|qustion)\b/, with: "question")
            .replacing(/(?i)\b(?:anwser|answr|awnser|asnwer|anwer|answe)\b/, with: "answer")
            .replacing(/(?i)\b(?:shld|shud|shoud|shuld|sould)\b/, with: "should")
            .replacing(/(?i)\b(?:buton|butten|botton|buttn)\b/, with: "button")
            // "fix the footer its kinda boring" → "the footer is boring".
            .replacing(/(?i)^(?:pls\s+|please\s+)?(?:fix|sort(?:\s+out)?|improve|do\s+something\s+about)\s+the\s+(?<thing>[\w ]{2,20}?)\s*,?\s+(?:it'?s|its|it\s+is|it\s+looks)\s+(?:kinda\s+|kind\s+of\s+|a\s+bit\s+|so\s+|really\s+|pretty\s+|quite\s+)?(?<adj>boring|dull|plain|ugly|meh|bland|dated|bare|empty)[.!]*$/, with: { "the " + $0.thing + " is " + $0.adj })
            .replacing(/(?i)\b(?:shoud|shuold|shold|sould)\b/, with: "should")
            .replacing(/(?i)\bform\s+the\s+(?=(?:main\s+|top\s+)?(?:menu|nav|navigation|navbar|list|page|site|footer|header|faq|gallery)\b)/, with: "from the ")
        // "Good morning. … Kind regards.": greetings and sign-offs are no part of the request.
        text = text.replacing(/(?i)^(?:good\s+(?:morning|afternoon|evening|day)|hello|hi|hey|dear\s+[\w ]{1,30}?|greetings)\s*[,.!]\s+/, with: "")
            .replacing(/(?i)(?:[.!?]\s+|,\s+|\s+)(?:thank\s+you(?:\s+(?:very|so)\s+much)?|thanks(?:\s+(?:a\s+lot|in\s+advance|so\s+much))?|many\s+thanks(?:\s+in\s+advance)?|kind\s+regards|best\s+regards|regards|best\s+wishes|cheers|with\s+thanks|yours(?:\s+sincerely|\s+truly)?|sincerely)(?:\s*,?\s+[A-Z][a-z]+)?\s*[.!]*$/, with: ".")
            .replacing(/(?i)(?<stop>[.!?])\s+(?:that'?s\s+(?:all|it|everything)|that\s+is\s+(?:all|it)|nothing\s+else(?:\s+for\s+now)?)\b[^.!?"“”]*[.!]?$/, with: { String($0.stop) })
            .replacing(/\.\.$/, with: ".")
        // "…on the contact form? I get a lot of wedding enquiries.": context after the question is no part of it.
        text = text.replacing(/\?\s+(?:I|I'm|I've|We|We're|We've|It|It's|This|That|They|My|Our|There)\b[^?"“”]*$/, with: "")
        // "…should be "Freelance photography by Lena Park." Please don't change anything visible.": a note after
        // the quoted value is no part of it.
        text = text.replacing(/(?i)(?<value>"[^"]+"|“[^”]+”)\s*[.!]?\s+(?:please\s+)?(?:don'?t|do\s+not|no\s+need\s+to|leave|keep|nothing\s+else|that'?s\s+(?:all|it))\b[^"“”]*$/, with: { String($0.value) })
        // "add Wedding date as a field on the contact form": a field named before the word.
        text = text.replacing(/(?i)^(?<verb>add|put|include)\s+(?<name>[\w' -]{2,30}?)\s+as\s+(?:a|an|another|a\s+new)\s+(?:field|input|box)\s+(?:on|to|in)\s+(?:the\s+)?(?<form>(?:contact\s+)?form)\b/, with: { $0.verb + " a " + $0.name + " field to the " + $0.form })
        // "title: Acme Labs; tagline: Small studio, big ideas; footer: © Acme Labs", "Headline: Moments, honestly
        // captured. Subtitle: Weddings, events and portraits in Bristol.": settings listed by name, each one
        // instruction.
        let settingName = /(?i)(?:the\s+)?(?:site\s+|hero\s+|page\s+|gallery\s+|testimonials\s+|features\s+|contact\s+form\s+|header\s+|footer\s+)?(?:title|tagline|slogan|description|footer(?:\s+text)?|author|subtitle|subheading|headline|subheadline|primary\s+colou?r|header\s+(?:background|text)|font|heading\s+font|body\s+font|corners?|content\s+width|sidebar(?:\s+width)?|button(?:\s+(?:text|label))?|intro|caption)/
        var pairs = text.split(separator: ";").map { String($0).trimmingWhitespace }
        if pairs.count < 2 {
            pairs = text.split(separator: /[.!]\s+(?=(?:[Tt]he\s+)?[A-Za-z][\w ]{0,30}?:\s)/).map { String($0).trimmingWhitespace }
        }
        if pairs.count >= 2, pairs.allSatisfy({ pair in
            guard let colon = pair.firstIndex(of: ":") else { return false }
            return String(pair[..<colon]).trimmingWhitespace.wholeMatch(of: settingName) != nil && !pair[pair.index(after: colon)...].trimmingWhitespace.isEmpty
        }) {
            // "Headline: … Subtitle: …": the subtitle under that headline, the hero's.
            let hero = pairs.contains { $0.lowercased().hasPrefix("headline") || $0.lowercased().hasPrefix("hero headline") }
            text = pairs.map { pair in
                let parts = pair.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
                var name = parts[0].replacing(/(?i)^the\s+/, with: "")
                if hero, name.lowercased().contains(/^(?:headline|subtitle|subheading|subheadline)$/) {
                    name = name.lowercased() == "headline" ? "hero headline" : "hero subheadline"
                }
                return "set the " + name + " to “" + parts[1].replacing(/[.]$/, with: "") + "”"
            }.joined(separator: "; ")
        }
        // "Change the site title to Widgetron Docs, because we renamed the project last week": the reason is no part
        // of the value.
        text = text.replacing(/(?i)\s*[,;—–]\s*(?:because|since|as|cause|cos|coz)\s+(?:we|we've|we're|we\s+have|i|i've|i'm|our|my|the|it|it's|they|people|customers|clients|visitors|nobody|no\s+one)\b[^"“”]*$/, with: "")
        // Verbs misspelt anywhere a verb starts, before the rules below read them ("on the X page, chaneg …").
        text = KeywordSpelling.corrected(text)
        let leading = /^(?i)(?:please\s+to|please|pls|plz|hey|hi|hello|ok|okay|so|now|can you|could you|would you|will you|can u|could u|would u|can we|could we|can i|could i|may i|may we|would it be possible to|is it possible to|i want to|i'd like to|i would like to|i want you to|we want to|we'd like to|we need to|i need to|let's|lets|go ahead and|kindly|quick one|quick request)[,:]?\s+/
        while let match = text.prefixMatch(of: leading) { text = String(text[match.range.upperBound...]) }
        // "I'd like the header sky blue", "I want the buttons teal": a wish about how something looks.
        if let wish = text.prefixMatch(of: /(?i)^(?:i'd|i’d|i would|we'd|we’d|we would)\s+like\s+(?=(?:the|my|our)\s)|^(?:i|we)\s+want\s+(?=(?:the|my|our)\s)/) {
            text = "make " + text[wish.range.upperBound...]
            // "… the footer to be teal" → "make the footer teal"; "the little line under the blog name to be Notes from
            // a small workshop" → "… should be Notes from …" (words, not a look).
            if let wished = text.wholeMatch(of: /(?i)make\s+(?<what>.+?)\s+to\s+be\s+(?<value>.+)/) {
                let value = String(wished.value)
                let looks = StyleIntent.colour(in: value.split(separator: " ").map(String.init)) != nil || value.contains(/\d(?:px|rem|em|%)\b/)
                text = looks ? "make " + wished.what + " " + value : wished.what + " should be " + value
            }
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
        // "… , it's hard to read on my phone": a reason after the request.
        text = text.replacing(/(?i)\s*[,;—–-]\s*(?:it'?s|it\s+is|they'?re|they\s+are|as\s+it'?s|because\s+it'?s)\s+(?:hard|difficult|tough|impossible|a\s+pain|annoying)\s+to\s+\w+.*$/, with: "")
        // "Put Careers in the navigation bar, right after Services": "right", "just", "directly" add nothing.
        text = text.replacing(/(?i)\b(?:right|just|directly|immediately|straight)\s+(?=(?:after|before|below|above|under)\b)/, with: "")
        // "Header: charcoal background, white text": looks for one area, listed after its name.
        if let scoped = text.wholeMatch(of: /(?i)(?<scope>(?:the\s+)?(?:header|footer|top\s+bar|navbar|nav\s+bar|menu|sidebar|buttons?|links?|hero|banner))\s*:\s*(?<rest>[^:"“]+)/) {
            let parts = String(scoped.rest).split(separator: /\s*(?:,|;|\band\b)\s*/).map { String($0).trimmingWhitespace.replacing(/[.!]$/, with: "") }.filter { !$0.isEmpty }
            // Only looks ("footer: © Widgetron contributors" is the footer's words, not a look).
            let looks = parts.allSatisfy { part in
                let words = part.split(separator: " ").map(String.init)
                return StyleIntent.colour(in: words) != nil || StyleIntent.length(in: words) != nil
                    || part.lowercased().contains(/\b(?:background|text|font|bold|italic|bigger|smaller|wider|narrower|darker|lighter|corners?|border)\b/)
            }
            if parts.count >= 1, looks, parts.allSatisfy({ !$0.lowercased().contains(/\b(?:header|footer|menu|sidebar|button|link)s?\b/) }) {
                text = parts.map { "make the " + scoped.scope.replacing(/(?i)^the\s+/, with: "") + " " + $0 }.joined(separator: " and ")
            }
        }
        // "gallery title → Recent projects, testimonials title → Kind words": several arrows, several changes.
        // Arrows inside quotes are the value's own ("… to 'Input → command → output'").
        let arrows = text.replacing(/"[^"]*"|“[^”]*”|(?:^|\s)'[^']*'(?=\s|$|[.,!?])/, with: " ").matches(of: /->|→|=>|⇒/).count
        if arrows >= 2 {
            let pairs = text.split(separator: /\s*[,;]\s*(?=[^,;]*?(?:->|→|=>))/).map(String.init)
            let changes = pairs.compactMap { pair -> String? in
                guard let arrow = pair.wholeMatch(of: /(?<reference>[^>→]{2,60}?)\s*(?:->|→|=>)\s*(?<value>.+)/) else { return nil }
                return "change " + String(arrow.reference).trimmingWhitespace.replacing(/(?i)^(?:and\s+)/, with: "") + " to " + arrow.value
            }
            if changes.count == pairs.count { text = changes.joined(separator: " and ") }
        }
        // "Support card text -> We look after …", "'Old' → 'New'": an arrow is "change … to …".
        if arrows == 1, let arrow = text.wholeMatch(of: /(?<reference>[^>→]{2,80}?)\s*(?:->|→|=>|⇒)\s*(?<value>.+)/) {
            let reference = String(arrow.reference).trimmingWhitespace
            text = (reference.lowercased().hasPrefix("change ") ? "" : "change ") + reference + " to " + arrow.value
        }
        // "change the hero button to “See our work” linking to /blog/": the label, then where it goes — two edits,
        // never a label that silently drops its link.
        if let linked = text.wholeMatch(of: /(?i)(?<main>(?:change|set|update|rename|relabel|make)\s+.+?\s+(?:to|into)\s+.+?)\s*,?\s+(?:linking|pointing|going|leading|that\s+(?:links|points|goes|leads)|which\s+(?:links|points|goes|leads)|and\s+(?:link|point|send)\s+(?:it\s+)?)\s+(?:to|at)\s+(?<url>(?:https?:\/\/|\/|mailto:)\S*?)[.!]?/) {
            text = linked.main + " and point it at " + linked.url
        }
        // "the spring update post is ready, please publish it": publishing a draft.
        if let ready = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?\s+(?:post|page|article|entry))\s+is\s+(?:ready|done|finished|good\s+to\s+go|finally\s+ready)[,.;!—–-]*\s*(?:so\s+)?(?:please\s+)?(?:publish|post|release|put\s+up|put\s+out|make\s+live)\s+it(?:\s+(?:live|up|out|now))?[.!]*/) {
            text = "publish " + ready.reference
        }
        // "the links are orangey at the moment - make them navy": what it is now, then the look wanted.
        if let now = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^,;:"“]{2,40}?)\s+(?:is|are|look|looks|seem|seems)\s+[^—–;"“]{2,40}?\s*(?:[-—–,;]|\s-)\s*(?:please\s+)?(?:make|turn|change|paint|colou?r)\s+(?:them|it)\s+(?:to\s+|into\s+)?(?<value>[^"“]+)/),
           StyleIntent.colour(in: String(now.value).split(separator: " ").map { String($0).trimmingCharacters(in: .punctuationCharacters) }) != nil {
            text = "make " + now.reference + " " + now.value
        }
        // "The button at the top right that says Get in touch": a thing named by what it says.
        text = text.replacing(/(?i)\b(?:the\s+)(?:(?:big|main|small|little|top|first|second|blue|red)\s+)?(?<noun>button|link|heading|headline|title|card|line|box|tab|menu\s+item|label|text)(?:\s+(?:at|in|on)\s+the\s+(?:top|bottom)(?:\s+(?:right|left))?(?:\s+(?:corner|of\s+the\s+page))?|\s+(?:on|in)\s+the\s+[\w ]{2,20}?(?:\s+page)?)?\s+(?:that|which)\s+(?:says|reads|is\s+called)\s+(?<old>[A-Z][^-—–,;:"“]{1,40}?)(?=\s*(?:[-—–,;:]|\s+(?:should|to|can|could|must)\b))/, with: { "the “" + $0.old + "” " + $0.noun })
        // "Rename the post 'Why I started writing' to 'Why I write'": the page named by its quoted title.
        text = text.replacing(/(?i)^(?<verb>rename|retitle)\s+the\s+(?<kind>post|page|article|entry)\s+(?<name>'[^']+'|"[^"]+"|“[^”]+”)\s+(?=to\s)/, with: { $0.verb + " the " + $0.name + " " + $0.kind + " " })
        // "Retitle the gallery 'Latest work' and the testimonials section 'In their words'": "to" left out.
        if text.lowercased().hasPrefix("rename ") || text.lowercased().hasPrefix("retitle ") {
            text = text.replacing(/(?i)(?<reference>\bthe\s+[\w ]{2,40}?)\s+(?<value>'[^']+'|"[^"]+"|“[^”]+”)(?!\s+(?:post|page|article|entry|to)\b)/, with: { match in
                let before = match.reference.lowercased()
                return before.hasSuffix(" to") ? String(match.0) : match.reference + " to " + match.value
            })
        }
        // "put the Blog link before Services in the navigation": a menu item named with the word "link".
        text = text.replacing(/(?i)^(?<verb>put|move|place)\s+(?:the\s+)?(?<name>[\w&' -]{2,30}?)\s+(?:link|item|tab|menu\s+item|menu\s+link|entry|button)\s+(?=(?:before|after|above|below|first|last|to\s+the)\b)/, with: { $0.verb + " " + $0.name + " " })
        // "Posters card on the festival project should be the first one": a place in its list.
        if let place = text.wholeMatch(of: /(?i)(?<reference>.+?)\s+should\s+(?:be|come|go|sit)\s+(?:the\s+)?(?:(?<first>first|1st|at\s+the\s+top|on\s+top)|(?<last>last|at\s+the\s+(?:bottom|end)))(?:\s+one)?(?:\s+in\s+the\s+(?:list|section|row|grid))?[.!]?/) {
            text = "move " + place.reference + (place.first != nil ? " to the top" : " to the bottom")
        }
        // "rename the docs site to Lumen Docs": the site's own name.
        text = text.replacing(/(?i)^(?:rename|retitle|call)\s+(?:the|our|my)\s+(?:[\w-]+\s+)?(?:site|website|blog|docs)\s+(?:to\s+)?(?=\S)/, with: "set the site title to ")
        // "Rename the testimonials heading Kind words to What readers say": the heading by its words.
        // ("(?i)" lets "[A-Z]" take lower case: the old words must start with a capital, checked after.)
        if let heading = text.wholeMatch(of: /(?i)(?:rename|retitle|change)\s+the\s+(?:[\w-]+\s+){0,2}?(?:heading|title|headline)\s+(?<old>[A-Z][^"“”]*?)\s+(?:to|into)\s+(?<new>[^"“”]+)/),
           heading.old.first?.isUppercase == true, !heading.new.lowercased().hasPrefix("say ") {
            text = "change “" + heading.old + "” to “" + String(heading.new).replacing(/[.!]$/, with: "") + "”"
        }
        // "there's a callout box titled Make it yours. I'd like the title to say Meet Priya instead": its title.
        if let titled = text.firstMatch(of: /(?i)(?:(?:on|in)\s+the\s+(?<page>[\w ]{2,30}?)\s+page\s*,?\s+)?there'?s\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:box|callout|card|section|banner|note|tip)\s+(?:titled|called|headed|named)\s+(?<old>[^.!?"“]+?)[.!]\s+(?:please\s+)?(?:i'?d\s+like|i\s+would\s+like|i\s+want|can\s+you\s+make|could\s+you\s+make|please\s+make|make)\s+(?:the|its)\s+(?:title|heading)\s+(?:to\s+)?(?:say|be|read)\s+(?<new>[^,.;!?]+?)(?:\s+instead)?(?:[,.;!?].*)?$/) {
            text = "change “" + titled.old + "”" + (titled.page.map { " on the " + $0 + " page" } ?? "") + " to “" + titled.new + "”"
        }
        // "Move the date of Why I started writing to the 3rd of January 2025": a new date.
        text = text.replacing(/(?i)^(?:move|shift|push|bring|put)\s+(?:the\s+)?date\s+of\s+/, with: "change the date of ")
        // "The Hello world post date is wrong, we actually published it on 20 Feb 2025".
        if let wrong = text.wholeMatch(of: /(?i)(?<reference>(?:the\s+|my\s+|our\s+)?.+?\s+(?:post|page|article|entry))(?:'s|’s)?\s+date\s+is\s+(?:wrong|incorrect|off|not\s+right)\s*[,;.—–-]+\s*(?:we|i|it|they)\s+(?:actually\s+|really\s+)?(?:published|posted|wrote|released|put\s+out|went\s+live)\s+(?:it\s+)?(?:on\s+|in\s+)?(?<date>.+)/) {
            text = "change the date of " + wrong.reference + " to " + wrong.date
        }
        // "The harbour festival project was actually finished on 3rd of November 2024": its date.
        if let finished = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?\s+(?:project|case\s+study|work))\s+was\s+(?:actually\s+|really\s+)?(?:finished|completed|done|launched|delivered|wrapped\s+up)\s+(?:on\s+|in\s+)?(?<date>[^,;!]+?)(?:\s*[,;]\s*(?:so\s+)?(?:please\s+)?(?:fix|change|update|correct|set)\s+(?:the\s+|its\s+)?date(?:\s+please)?)?[.!]?/) {
            text = "change the date of " + finished.reference + " to " + finished.date
        }
        // "In the installation requirements, add 'Git 2.30 or newer' as another bullet".
        if let into = text.wholeMatch(of: /(?i)(?:in|on|to)\s+(?<list>(?:the|our|my)\s+[^,:]{2,50}?)\s*,\s*(?:please\s+)?add\s+(?<item>.+?)(?:\s+as\s+(?:another|a\s+new|an\s+extra|one\s+more|a)\s+(?:bullet(?:\s+point)?|item|point|line|entry))?[.!]?/),
           !String(into.list).lowercased().contains(/\s(?:page|post)$/) {
            text = "add " + into.item + " to " + into.list
        }
        // "the diagram on the install page should have a caption that says: …": that field of the thing.
        if let field = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?)\s+should\s+have\s+(?:a|an|the)\s+(?<field>caption|title|heading|description|alt\s+text|subtitle|label)\s+(?:that\s+says|saying|reading|which\s+says|of)\s*:?\s+(?<value>.+)/) {
            text = "the " + field.field + " of " + field.reference + " should say " + field.value
        }
        // "the page address of Your first project should be /docs/guides/quickstart/": a page's URL.
        if let address = text.wholeMatch(of: /(?i)(?:the\s+)?(?:page\s+)?(?:address|url|link|path|web\s+address)\s+(?:of|for)\s+(?:the\s+)?(?<page>.+?)(?:\s+page)?\s+should\s+(?:be|become|now\s+be)\s+(?<url>\/\S*)/) {
            text = "change the " + address.page + " page URL to " + address.url
        }
        // "something about the header feels off": the area, said vaguely.
        text = text.replacing(/(?i)^something\s+(?:about|with)\s+(?<area>the\s+[\w ]{2,20}?)\s+(?:feels|looks|seems|is)\s+(?:off|wrong|weird|not\s+right)[.!]*$/, with: { $0.area + " looks off" })
        // "The text font should be Helvetica, the headings too": one value for two things.
        if let both = text.wholeMatch(of: /(?i)(?<first>(?:the\s+|our\s+|my\s+)?[\w ]{2,30}?)\s+should\s+be\s+(?<value>[^,;]+?)\s*[,;]\s*(?:and\s+)?(?<second>(?:the\s+|our\s+|my\s+)?[\w ]{2,30}?)\s+(?:too|as\s+well|also)[.!]?/) {
            // "the text font …, the headings too": the second thing is of the same kind ("the headings font").
            var second = String(both.second)
            for kind in ["font", "colour", "color"] where both.first.lowercased().hasSuffix(" " + kind) && !second.lowercased().hasSuffix(" " + kind) {
                second += " " + kind
            }
            let first = String(both.first).replacing(/^The\s/, with: "the ")
            text = "set " + first + " to " + both.value + " and set " + second + " to " + both.value
        }
        // "The answer to the question about platforms is outdated. It should now say: …": the complaint, then the words.
        if let outdated = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?)\s+(?:is|are)\s+(?:now\s+)?(?:outdated|out\s+of\s+date|wrong|old|incorrect|not\s+right|stale)[.!,;]?\s+(?:it|they|this)\s+should\s+(?:now\s+)?(?:say|read|be)\s*:?\s+(?<value>.+)/) {
            text = outdated.reference + " should say " + outdated.value
        }
        // "The card about accessibility — change its text to …": the thing, then its field.
        if let its = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^—–:;"“]+?)\s*(?:[—–:;]|\s-)\s*(?:please\s+)?(?<verb>change|set|update|make|edit)\s+its\s+(?<field>[\w ]{2,20}?)\s+(?<rest>(?:to|into)\s+.+)/) {
            text = its.verb + " the " + its.field + " of " + its.reference + " " + its.rest
        }
        // "The warning box … says 'Check the script first' as its heading; I'd like it to say 'Inspect before you run'".
        if let says = text.firstMatch(of: /(?i)\bsays\s+(?<old>"[^"]+"|“[^”]+”|'[^']+')[^;.]*?[;,.]\s*(?:but\s+)?(?:i'?d\s+like|i\s+would\s+like|i\s+want|please\s+make|make|can\s+you\s+make|could\s+you\s+make|change)\s+it\s+(?:to\s+)?(?:say|read)\s+(?<new>"[^"]+"|“[^”]+”|'[^']+')[.!]?$/) {
            text = "change " + says.old + " to " + says.new
        }
        // "Take the Website card off the Harbour Festival page": removing.
        if let off = text.wholeMatch(of: /(?i)take\s+(?<what>(?:the\s+)?.+?)\s+off\s+(?<from>(?:the\s+|our\s+|my\s+)?.+)/),
           !String(off.from).lowercased().contains(/\b(?:menu|nav|navigation|navbar)\b/) {
            text = "remove " + off.what + " from " + off.from
        }
        // "The Hello World article was actually published on 1st of February 2026": a post's date.
        if let published = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?\s+(?:post|article|entry|page))\s+was\s+(?:actually\s+|really\s+|originally\s+|first\s+)?(?:published|posted|written|dated)\s+(?:on\s+)?(?<date>[^,;!]+?)(?:\s*[,;]\s*(?:so\s+)?(?:please\s+)?(?:fix|change|update|correct|set)\s+(?:the\s+|its\s+)?date(?:\s+please)?)?[.!]?/) {
            text = "change the date of " + published.reference + " to " + published.date
        }
        // "the accent colour should be teal, not purple": what it should not be adds nothing.
        if let not = text.firstMatch(of: /(?i),?\s+(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?(?:current\s+|old\s+)?(?<colour>#?[\w-]+(?:\s+[\w-]+)?)[.!]?$/),
           ColorPhrase.named(String(not.colour).lowercased()) != nil || String(not.colour).contains(/^#[0-9a-fA-F]{3,8}$/) {
            text = String(text[..<not.range.lowerBound])
        }
        // "In the Subscribe box on my first post, change the title to Follow along": the field of that thing.
        if let scope = text.wholeMatch(of: /(?i)(?:in|on|for)\s+(?<scope>the\s+[^,:"“]{2,60}?)\s*,\s*(?<verb>change|set|update|make|rename|edit)\s+(?<field>(?:the|its)\s+[\w ]{2,30}?)\s+(?<rest>(?:to|into)\s+.+)/),
           !String(scope.scope).lowercased().contains(/\s(?:page|post)$/) {
            text = scope.verb + " " + scope.field.replacing(/(?i)^its\s+/, with: "the ") + " of " + scope.scope + " " + scope.rest
        }
        // "the line under the big headline - make it read: …": the thing, then its new words.
        if let ask = text.wholeMatch(of: /(?i)(?:(?:on|in)\s+(?:the\s+|my\s+|our\s+)?(?<page>[\w ]{2,30}?)\s+(?<kind>page|post)\s*,?\s+)?(?<reference>(?:the|our|my)\s+[^:]{2,80}?)\s*(?:[-—–:,]\s*)(?:please\s+)?(?:(?:make|have|get)\s+(?:it|that|this)|i'?d\s+like\s+(?:it|that|this)\s+to|i\s+would\s+like\s+(?:it|that|this)\s+to|i\s+want\s+(?:it|that|this)\s+to)\s+(?:read|say)\s*:?\s+(?<value>.+)/),
           !String(ask.reference).contains(/\b(?:is|are|looks|seems|feels|reads|sounds)\b/) {
            // "in the about page the quote from 'A reader' — make it say: …": the page goes with the thing.
            let scope = ask.page.map { " on the " + $0 + " " + (ask.kind ?? "page") } ?? ""
            text = ask.reference + scope + " should read " + ask.value
        }
        // "the install requirements list needs one more bullet: Git 2.40 or newer": an item for a list.
        if let more = text.wholeMatch(of: /(?i)(?<list>(?:the\s+|our\s+|my\s+)?[^:]{2,60}?\s+(?:list|checklist|bullets|bullet\s+points|requirements|prerequisites|steps)(?:\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?[\w ]{2,30}?\s+(?:page|post))?)\s+(?:needs?|should\s+have|could\s+use|wants?|is\s+missing|are\s+missing)\s+(?:one\s+more|another|a\s+new|an\s+extra|a|an)\s+(?:bullet|item|point|entry|line|bullet\s+point)\s*[:—–-]?\s*(?<item>.+)/) {
            text = "add " + more.item + " to " + more.list
        }
        // "remove the tools tag from the tidy desk post": a tag named before the word "tag".
        text = text.replacing(/(?i)^(?<verb>remove|delete|drop|take\s+off)\s+(?:the\s+)?(?<tag>[\w-]+)\s+tag\s+(?<rest>(?:from|off)\s+.+)$/, with: { $0.verb + " the tag " + $0.tag + " " + $0.rest })
        // "put /img/work/05.jpg in the hero on the homepage": the hero's picture.
        text = text.replacing(/(?i)^(?:put|use|place|set|add)\s+(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s+(?:in|into|as|on|for)\s+(?:the\s+)?(?:hero|header|banner)(?:\s+(?:section|image|area|block|banner|picture))?\b/, with: { "add the hero image " + $0.file })
        // "…, it's out of date", "… because we closed": the reason is no part of the request.
        text = text.replacing(/(?i)\s*[,;-]\s*(?:it'?s|it\s+is|its|they'?re|they\s+are|because|since|as)\s+(?:out\s+of\s+date|outdated|old|wrong|no\s+longer\s+true|not\s+true\s+any\s*more)[.!]?$/, with: "")
        // "add a 'Motion graphics' card …": the name before the noun.
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:a|an|one|another|new)\s+(?<name>'[^']+'|"[^"]+"|“[^”]+”)\s+(?<noun>feature\s+card|card|feature|item|tier|plan|question|faq|testimonial|entry|image|page|post|link)\b/, with: { $0.verb + " a " + $0.noun + " called " + $0.name })
        // "add a fourth feature card", "add another plan": the position is where it goes anyway.
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:a|an)\s+(?:new\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|extra|additional|further)\s+/, with: { $0.verb + " a " })
        text = text.replacing(/(?i)^(?<verb>add|put|insert|create)\s+(?:another|one\s+more)\s+/, with: { $0.verb + " a " })
        // "add project-2.svg to the Harbour Festival page", "Put /img/work/02.jpg on the Berlin team page": a file.
        text = text.replacing(/(?i)^(?<verb>add|put|place|insert)\s+(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s+(?=to\s|on\s|onto\s|in\s|at\s)/, with: { $0.verb + " the image " + $0.file + " " })
        // "use /img/work/01.jpg as the hero image on the home page": setting the hero's picture.
        text = text.replacing(/(?i)^(?:use|make|set)\s+(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s+(?:as|to\s+be)\s+(?:the\s+|our\s+|my\s+)?(?<kind>hero|header|banner|main|big)\s+(?:image|picture|photo|pic)\b/, with: { "add the " + (["main", "big"].contains($0.kind.lowercased()) ? "hero" : String($0.kind)) + " image " + $0.file })
        // "I'd like a pricing section on the home page": a wish for something new.
        if let wish = text.prefixMatch(of: /(?i)^(?:i'd|i’d|i would|we'd|we’d|we would)\s+(?:like|love)\s+(?=(?:a|an|some)\s)|^(?:i|we)\s+(?:want|need)\s+(?=(?:a|an|some)\s)/) {
            text = "add " + text[wish.range.upperBound...]
            text = text.replacing(/(?i)^add\s+(?:a|an)\s+(?:new\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|extra|additional|further)\s+/, with: "add a ")
        }
        // "update the subheading to: Independent studio…", "so it says: …": the colon only introduces the value.
        text = text.replacing(/(?i)\s+(?<joiner>to|into|as|say|says|read|reads|with|for|by|should\s+be|should\s+say|should\s+read)\s*:\s+/, with: { " " + $0.joiner + " " })
        // "Move Services so it comes before About": the "so it comes" carries nothing.
        text = text.replacing(/(?i)\s+so\s+(?:that\s+)?(?:it|they)\s+(?:comes?|goes|go|sits?|is|are|appears?|shows?\s+up|ends?\s+up)\s+(?=before|after|above|below|first|last|at\s|to\s)/, with: " ")
        // "the headline on our homepage is too generic, change it to X": the thing named first, then the change.
        if let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^,."“]{2,60}?)\s+(?:is|looks|seems|feels|reads|sounds)\s+[^,."“]{2,40}[,.;!]\s*(?:so\s+)?(?:please\s+)?(?:can\s+you\s+|could\s+you\s+)?(?<verb>change|set|make|update|rename)\s+it\s+(?<rest>(?:to|into)\s+.+)/) {
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
        if let scope = text.wholeMatch(of: /(?i)(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)\s+(?<kind>page|post)\s*,?\s+(?:please\s+|can\s+you\s+|could\s+you\s+)?(?<rest>(?:change|replace|swap|update|use|set|make|rename|edit|fix|remove|delete|add|put|drop|take|cut|include|insert|append|tag)\b.+)/) {
            let rest = String(scope.rest)
            let phrase = " on the " + scope.page + " " + scope.kind
            if rest.matches(of: /"[^"]+"|“[^”]+”|(?:^|\s)'[^']+'(?=\s|$|[.,!?])/).count >= 2 {
                // A quoted text replaced by another is found wherever it is.
                text = rest
            } else if let value = rest.firstMatch(of: /(?i)\s+(?:to|with|saying|should|so\s+(?:that\s+)?it)\s+|:\s+/) {
                text = String(rest[..<value.range.lowerBound]) + phrase + String(rest[value.range.lowerBound...])
            } else {
                text = rest + phrase
            }
        } else if let scope = text.wholeMatch(of: /(?i)(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)\s+(?<kind>page|post)\s*,?\s+(?<reference>(?:the|our|my)\s+[^"“]+?)\s+(?<tail>should\s+.+)/) {
            // "on the home page, the Get started button should read …": the page goes with the thing named.
            text = scope.reference + " on the " + scope.page + " " + scope.kind + " " + scope.tail
        }
        // "the footer looks off, can you sort it?": the complaint says what; the plea adds nothing.
        text = text.replacing(/(?i)\s*[,;—–-]\s*(?:(?:can|could|would)\s+(?:you|we|someone)\s+)?(?:please\s+)?(?:(?:sort|fix|tidy|clean|improve|look\s+at|do\s+something\s+(?:about|with))\s+(?:it|that|this|them)(?:\s+(?:out|up))?|moderni[sz]e(?:\s+(?:it|them))?|refresh(?:\s+(?:it|them))?|update(?:\s+(?:it|them))?)(?:\s+please)?\s*[?.!]*$/, with: "")
        // "The Pennywise testimonial - can it say 'Fast and fun.' instead?": the thing, then its new words.
        if let ask = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[^?]{2,60}?)\s*(?:[-—–:,]\s*)(?:can|could)\s+(?:it|that|this|we\s+make\s+it|you\s+make\s+it)\s+(?:say|read|be\s+changed\s+to)\s*:?\s+(?<value>"[^"]+"|“[^”]+”|'[^']+'|[^"“?]+?)(?:\s+instead)?\s*[?.!]*/) {
            let reference = String(ask.reference).replacing(/(?i)\s+(?:still\s+|currently\s+|now\s+)?(?:says|reads|is)\s+.+$/, with: "")
            text = reference + " should say " + ask.value
        }
        // "the About page needs a photo — use /img/work/05.jpg": an image for that page.
        if let ask = text.wholeMatch(of: /(?i)(?:the\s+|our\s+|my\s+)?(?<page>[^,"“—–-]{2,40}?\s+(?:page|post))\s+(?:needs|should\s+have|could\s+use|wants)\s+(?:a|an|some)\s+(?:photo|picture|image|pic|illustration)\s*[,;:—–-]*\s*(?:use|with|using|—|:)\s+(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))(?<rest>.*)/) {
            text = "add the image " + ask.file + " to the " + ask.page + ask.rest
        }
        // "… tbh", "… to be honest": an aside.
        text = text.replacing(/(?i)(?:,\s*(?:to\s+be\s+honest|honestly)|,?\s+(?:tbh|imo|imho|in\s+my\s+opinion|lol|haha|tbf))[.!]*$/, with: "")
        // "point the button at /about/", "link the Docs menu item to /guide/": where a thing goes.
        if let point = text.wholeMatch(of: /(?i)(?:point|link|send|direct)\s+(?<reference>(?:the|our|my)\s+[^"“]+?)\s+(?:at|to|towards)\s+(?<url>\S+?)[.!]?/),
           String(point.url).hasPrefix("/") || String(point.url).lowercased().hasPrefix("http") || String(point.url).contains("@") {
            text = point.reference + " should go to " + point.url
        }
        // "Site description: Official documentation for My Project": a setting named, then its value.
        if let pair = text.wholeMatch(of: /(?i)(?<slot>(?:the\s+)?[\w'’ -]{0,40}?\s*(?:title|tagline|description|seo\s+description|meta\s+description|footer(?:\s+text)?|slogan|subtitle|headline|subheadline|button(?:\s+text)?|author|card\s+text|caption|alt\s+text|intro)(?:\s+(?:for|of|on)\s+(?:the\s+)?[\w ]{2,40}?(?:\s+(?:page|post))?)?)\s*:\s+(?<value>.+)/),
           let first = String(pair.slot).split(separator: " ").first.map({ $0.lowercased() }) {
            // "edit the site title: …" already has its verb; "Site description: …" gets one.
            let verbs = Set(ValueSanity.instructionVerbs).union(KeywordSpelling.verbs).union(["edit", "fix", "modify", "alter", "reword", "retitle"])
            text = verbs.contains(first) ? pair.slot + " to " + pair.value
                : "set " + (String(pair.slot).lowercased().hasPrefix("the ") ? "" : "the ") + pair.slot + " to " + pair.value
        }
        // "make the hello world post dated 1st of February 2026": a post's date.
        if let dated = text.wholeMatch(of: /(?i)(?:make|have|set)\s+(?<reference>(?:the|our|my)\s+.+?\s+(?:post|page|article|entry))\s+(?:be\s+)?dated\s+(?<date>.+)/) {
            text = "change the date of " + dated.reference + " to " + dated.date
        }
        // "make the font bigger on the whole site": text size, wherever it is said.
        if let size = text.wholeMatch(of: /(?i)make\s+(?:the\s+|all\s+the\s+)?(?:font|fonts|text|writing|type|letters|font\s+size|text\s+size)\s+(?:a\s+bit\s+|a\s+lot\s+|much\s+)?(?<direction>bigger|larger|smaller|tinier)(?:\s+(?:on|across|for|in|throughout)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:site|website|page|pages|blog))?(?:\s+everywhere)?[.!]*/) {
            text = "make the text " + (["bigger", "larger"].contains(size.direction.lowercased()) ? "bigger" : "smaller")
        }
        // "the writing is too small to read": text size.
        if let size = text.wholeMatch(of: /(?i)(?:the\s+|all\s+the\s+)?(?<what>writing|text|font|fonts|letters|type|words|print)\s+(?:is|are|looks?|seems?)\s+(?:a\s+bit\s+|way\s+|much\s+|really\s+)?too\s+(?<size>small|tiny|big|large|huge)(?:\s+to\s+read)?(?:\s+on\s+(?:my\s+)?(?:phone|mobile|screen|laptop))?[.!]*/) {
            text = "make the text " + (["small", "tiny"].contains(size.size.lowercased()) ? "bigger" : "smaller")
        }
        let trailing = /(?i)[,]?\s+(?:please|pls|plz|thanks|thank you|thx|ty|cheers|for now|for the moment|for the time being|temporarily)[.!]*$/
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
        // "the headings in a serif font, Georgia maybe": the font named after its kind.
        text = text.replacing(/(?i)\s(?<prep>in|to|with)\s+a\s+(?:nice\s+|classic\s+|clean\s+|modern\s+)?(?:serif|sans[- ]?serif|monospace|mono|different|new)\s+(?:font|typeface)\s*[,;:—–-]?\s*(?:like|such\s+as|maybe|say|perhaps|e\.g\.|for\s+example|ideally)?\s*(?<font>[A-Z][\w-]*(?:\s+(?!maybe\b|perhaps\b|or\b|if\b|please\b|ideally\b)[A-Z0-9][\w-]*){0,3})(?:\s*,?\s*(?:maybe|perhaps|or\s+similar|or\s+something(?:\s+like\s+that)?|if\s+possible))?(?=[.!?]*$)/, with: { " " + $0.prep + " " + $0.font })
        // "Body text in Verdana please", "headings in Georgia": a font for a part of the text.
        if let match = text.wholeMatch(of: /(?i)(?:make\s+|set\s+|put\s+)?(?:the\s+|all\s+the\s+)?(?<target>headings?|headlines?|titles?|body(?:\s+text)?|text|paragraphs|code(?:\s+blocks)?)\s+(?:in|should\s+be\s+in|using)\s+(?<font>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})[.!]?/) {
            text = "use " + match.font + " for " + match.target
        }
        return KeywordSpelling.corrected(text.trimmingWhitespace, names: names)
    }
}
