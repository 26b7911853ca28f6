import Foundation

/// A message read sentence by sentence: which sentences are instructions, which are only context, and which
/// are the envelope around them (greetings, forwarded-mail headers, sign-offs, "don't touch anything else").
///
/// Long messages wrap one or two instructions in a letter: "Hi, I'm Priya and I teach yoga. The site still has
/// the placeholder text under the big headline. Please change it to: Small, slow classes … Thanks!". The phrase
/// rules read a short instruction well, so the message is cut into sentences (never inside quotes or brackets),
/// the envelope goes, context sentences are kept only for what they name — the page they are about, the thing
/// a later "it" stands for — and each instruction becomes a part of its own. The interpreter then does all the
/// parts or none (``Interpreter``), so a sentence read as context can never be half done.
enum Segments {
    struct Part: Equatable {
        var text: String
        /// Said as a request ("please …", "could you …", "X should …", a verb first). A part that is not certain
        /// ("It says 2014 but we actually opened in 2011") counts only when it makes a change on its own.
        var certain: Bool
    }

    /// The instructions of `message`, with the context they need written into them; nil when the message is one
    /// plain sentence (nothing to take apart) or holds no instruction.
    static func parts(_ message: String) -> [Part]? {
        var text = message
        // "…\n\n---------- Forwarded message": a line break typed as \n in a shell string.
        if !text.contains("`") { text = text.replacing("\\n", with: "\n") }
        // "> 1. Change …" lines of a forwarded list: the quote marks and numbers go, each line stays a line.
        if text.contains("\n") {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacing(/^\s*(?:>\s*)+/, with: "").replacing(/^\s*(?:\d{1,2}[.)]|[-*•])\s+/, with: "") }
                .joined(separator: "\n")
        }
        let raw = sentences(text)
        var parts: [Part] = []
        var dropped = false
        /// What the sentence before named: a page ("the About page") and a thing ("the placeholder text under …").
        var scopePage: String?
        var referent: String?
        var openValue = false
        /// A feeling a context sentence asked for ("I want people to feel calm"), for a later "more like that".
        var mood: String?
        for original in raw {
            guard var sentence = unwrapped(original) else { dropped = true; continue }
            if sentence != original { dropped = true }
            // Several sentences inside a quoted forward: read them one by one.
            let split = sentence != original ? sentences(sentence) : []
            let inner = split.count > 1 ? split : [sentence]
            for piece in inner {
                sentence = piece
                if inner.count > 1 { guard let again = unwrapped(piece) else { continue }; sentence = again }
                // A value after "to:" / "say:" runs on over the sentences that follow it ("… Mill Street. Everyone
                // welcome, no experience needed.") until a new request, a limit or a sign-off — on the same line, or
                // on the next ones when the value starts after a colon at the end of its line.
                if openValue, let last = parts.indices.last {
                    if isConstraint(sentence) || isSignOff(sentence) { openValue = false; dropped = true; continue }
                    let newLine = text.contains("\n" + piece) || text.contains("\n " + piece) || text.contains("\n" + original)
                    let crossesLine = newLine && !parts[last].text.hasSuffix(":")
                    if !crossesLine, !startsNewInstruction(sentence) {
                        parts[last].text += " " + sentence
                        continue
                    }
                }
                openValue = false
                if isEnvelope(sentence) { dropped = true; continue }
                // A number or mark left alone ("2.", "—").
                if sentence.allSatisfy({ $0.isNumber || $0.isPunctuation || $0.isWhitespace }) { dropped = true; continue }
                let trimmed = withoutAsides(sentence)
                if trimmed != sentence { dropped = true }
                sentence = trimmed
                if sentence.isEmpty || sentence.lowercased().contains(/^(?:please|pls|thanks|thank\s+you|ok|okay)?[\s.!?:)(]*$/) { continue }
                if let page = pageNamed(in: sentence) { scopePage = page }
                // "Can you get the About page fixed? It says …": a heading for the sentences after it.
                if sentence != raw.last, isVagueHeading(sentence) {
                    dropped = true
                    continue
                }
                // "It shows four designers gathered around a large wooden table." after the picture: its alt text.
                if let shows = sentence.wholeMatch(of: /(?i)(?:it|the\s+(?:new\s+)?(?:photo|photograph|picture|image|pic))\s+shows\s+(?<alt>.+?)[.!]?/),
                   let last = parts.indices.last, parts[last].text.contains(/(?i)\.(?:jpe?g|png|gif|webp|svg|avif)\b/),
                   !parts[last].text.lowercased().contains("alt") {
                    let alt = String(shows.alt.prefix(1)).uppercased() + String(shows.alt.dropFirst())
                    parts[last].text = parts[last].text.replacing(/[.!?]$/, with: "") + " with the alt text “" + alt + "”"
                    continue
                }
                // "For the alt text use: …" after the picture: the picture's alt text.
                if let alt = sentence.wholeMatch(of: /(?i)(?:for\s+)?the\s+alt(?:\s+text)?\s*,?\s*(?:use|should\s+(?:then\s+)?(?:be|say|read)(?:\s+something\s+like)?|is)\s*:?\s*(?<alt>.+?)[.!]?/),
                   let last = parts.indices.last, parts[last].text.contains(/(?i)\.(?:jpe?g|png|gif|webp|svg|avif)\b|\b(?:photo|picture|image|pic)\b/),
                   !parts[last].text.lowercased().contains("alt") {
                    parts[last].text = parts[last].text.replacing(/[.!]$/, with: "") + " with the alt text “" + alt.alt + "”"
                    continue
                }
                // "the big headline: Breathe, move, rest", "testimonials title → Kind words": a thing and its new words.
                if text.contains("\n"), let setting = sentence.wholeMatch(of: /(?<key>(?:the\s+)?[\w' -]{2,40}?)\s*(?::|→|->|=>)\s*(?<value>\S.*)/),
                   !isRequest(String(setting.key)), setting.key.split(separator: " ").count <= 5,
                   setting.key.lowercased().contains(/\b(?:headline|heading|title|tagline|subtitle|text|button|footer|header|description|caption|alt|colou?r|font|menu|label|intro|answer|question|price|link|background|corners?|author|date|tags?|name)\b/) {
                    var key = String(setting.key)
                    // "the text under it: …" after "the big headline: …".
                    if let previous = parts.last?.text.firstMatch(of: /^(?<key>[^:]+):/), key.contains(/(?i)\b(?:under|below|beneath|above)\s+it\b/) {
                        key = key.replacing(/(?i)\bit\b/, with: String(previous.key))
                    }
                    parts.append(Part(text: key + ": " + setting.value, certain: true))
                    dropped = true
                    continue
                }
                if isRequest(sentence) {
                    var part = sentence
                    if let head = part.firstMatch(of: /^(?<head>[^:"“'’]{3,60}):\s+(?<rest>\S.*)$/), !isRequest(String(head.head)),
                       head.head.split(separator: " ").count >= 3 || head.head.lowercased().contains(/\b(?:housekeeping|fixes|changes|updates|notes|todo|to-do|requests?|tasks|prep|feedback|tweaks)\b/),
                       !head.head.lowercased().contains(/\b(?:headline|tagline|title|subtitle|footer|header|heading|text|description|button|label|colou?r|font|menu|caption|alt|answer|question|intro|q|a|hero|logo|background|corners?|nav|navigation|link|price|plan)\b/) {
                        // "Release prep for 3.0: add a FAQ question …", "Two small fixes on the X post: its date …".
                        if let page = pageNamed(in: String(head.head)) { scopePage = page }
                        part = String(head.rest)
                        dropped = true
                    }
                    part = resolvingReferences(part, referent: referent, page: scopePage)
                    if let mood { part = part.replacing(/(?i)\b(?:more\s+)?like\s+that\b/, with: mood) }
                    if pageNamed(in: part) == nil, let scopePage, raw.count > 1, !part.lowercased().contains(/\b(?:site|website|menu|header|footer|navigation|nav|theme|colou?rs?|fonts?|corners?|buttons?|links?)\b/) {
                        part = "On " + scopePage + ", " + lowerFirst(part)
                    }
                    // "Corners should be square, the headings need to be set in Georgia, and the footer should be
                    // #0b1320": each "the X should …" is an instruction of its own.
                    let pieces = splitShoulds(part)
                    for piece in pieces.dropLast() { parts.append(Part(text: piece, certain: true)) }
                    part = pieces.last ?? part
                    parts.append(Part(text: part, certain: true))
                    if let colon = part.firstMatch(of: /(?i)(?:\b(?:to|say|says|read|reads|be|text|use|with|answer|following|saying)\s*:\s*\S|:\s*$)/) {
                        openValue = !part[colon.range.lowerBound...].contains(/["“]/)
                    } else if !(part.hasSuffix("?") && part.lowercased().contains(/^(?:on\s+[^,]+,\s+)?(?:could|can|would|will|is\s+it|might)\b/)),
                              part.lowercased().contains(/\b(?:change|set|update|rename|edit|replace|alter|amend|say|says|saying|read|reads|reading|should\s+be|to\s+be)\b/),
                              let value = part.matches(of: /(?i)\s(?:to|say|says|saying|read|reads|reading)\s+(?<value>[^"“'\s][^"“]*)$/).last {
                        // "change the contact form intro to Got a question about an order? Email us …": an unquoted
                        // value runs on over the sentences after it, as the whole message would have read it.
                        openValue = value.value.split(separator: " ").count >= 2
                    }
                } else {
                    // Context: kept for what it names; a correction ("it says 2014 but we opened in 2011") may be the
                    // request itself.
                    if let named = thingNamed(in: sentence) { referent = named }
                    if let feeling = sentence.firstMatch(of: /(?i)\b(?:feel|feels|look|looks|be)\s+(?:more\s+)?(?<mood>calm|calmer|warm|warmer|cosy|cozy|friendly|relaxed|peaceful|fresh|welcoming|inviting)\b/) {
                        mood = String(feeling.mood)
                    }
                    if sentence.lowercased().contains(/\b(?:says|said|reads|shows|still\s+say|is\s+wrong|are\s+wrong|is\s+outdated|out\s+of\s+date|typo|misspelt|misspelled|actually)\b/) {
                        var part = sentence
                        if pageNamed(in: part) == nil, let scopePage { part = "On " + scopePage + ", " + lowerFirst(part) }
                        parts.append(Part(text: part, certain: false))
                    } else {
                        dropped = true
                    }
                }
            }
        }
        // "… it's actually since 2012. Please fix.", "Could you correct the year?": a plea with no detail of its own
        // after the sentence that has it.
        if parts.count > 1 {
            let vague = /(?i)^(?:on\s+the\s+[\w' -]{1,40}?\s+(?:page|post)\s*,\s*)?(?:(?:could|can|would|will)\s+(?:you|u)\s+)?(?:please\s+)?(?:fix|correct|update|change|sort|amend)(?:\s+(?:it|that|this|them|(?:the|that|this)\s+(?:year|date|number|typo|mistake|error|text|figure|price|name|one)))?(?:\s+out)?(?:\s+for\s+(?:me|us))?(?:\s+please)?\s*[.!?]*$/
            let kept = parts.filter { $0.text.wholeMatch(of: vague) == nil }
            if !kept.isEmpty, kept.count < parts.count { parts = kept; dropped = true }
        }
        guard !parts.isEmpty else { return nil }
        guard dropped || parts.count > 1 else { return nil }
        return parts
    }

    /// The sentences of `text`: cut after . ! ? and at line breaks, never inside quotes or brackets, never after
    /// an abbreviation ("e.g.", "St.") or inside a number or address ("3.0", "books.example.org").
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var double = false, curly = false, single = false
        var depth = 0
        let characters = Array(text)
        func flush() {
            let sentence = current.trimmingWhitespace
            if !sentence.isEmpty { result.append(sentence) }
            current = ""
        }
        for (index, character) in characters.enumerated() {
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\n" {
                if double || curly || single || depth > 0 {
                    // A quote left open at a line break was never a quote ("it's", a stray mark).
                    double = false; curly = false; single = false; depth = 0
                }
                flush()
                continue
            }
            current.append(character)
            switch character {
            case "\"": double.toggle()
            case "“": curly = true
            case "”": curly = false
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "'", "‘", "’":
                let before = previous.map { $0.isWhitespace || "(:[".contains($0) } ?? true
                let after = next.map { $0.isWhitespace || ".,;:!?)".contains($0) } ?? true
                if !single, before, character != "’" { single = true } else if single, after { single = false }
            default: break
            }
            // "… or from source.' Also the …": a sentence that ends inside its closing quote.
            if "'\"”’".contains(character), !double, !curly, !single, depth == 0, let previous, ".!".contains(previous),
               let next, next.isWhitespace, index + 2 < characters.count, characters[index + 2].isUppercase {
                flush()
                continue
            }
            guard ".!?".contains(character), !double, !curly, !single, depth == 0 else { continue }
            guard let next, next.isWhitespace else { continue }
            if character == "." {
                let word = current.dropLast().split(separator: " ").last.map(String.init)?.lowercased() ?? ""
                if ["e.g", "i.e", "etc", "st", "mr", "mrs", "ms", "dr", "vs", "no", "approx", "inc", "ltd", "co", "jr", "sr", "p.s", "ps"].contains(word) { continue }
                // "1." before a numbered item is the item's number, not a sentence.
                if word.allSatisfy(\.isNumber), word.count <= 2, current.trimmingWhitespace.count <= 3 { continue }
            }
            flush()
        }
        flush()
        return result
    }

    /// The sentence without quoting marks and forwarding lead-ins ("> 1. …", "Message from Dana: '…'"); nil when
    /// nothing is left.
    static func unwrapped(_ sentence: String) -> String? {
        var text = sentence.trimmingWhitespace
        text = text.replacing(/^(?:>\s*)+/, with: "")
        text = text.replacing(/^(?:[-*•]\s+|\d{1,2}[.)]\s+|\(?[a-h]\)\s+)/, with: "")
        // Greetings before the first words: "Hi, I'm Priya", "Hi team, forwarding …".
        text = text.replacing(/(?i)^(?:hi|hello|hey|hiya|dear|morning|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|team|all|everyone|folks|guys|[A-Z][\w-]*))?\s*[,!.:—-]+\s*/, with: "")
        text = text.replacing(/(?i)^(?:hi|hey|hello|hiya)\s+(?=(?:can|could|would|pls|please|so|i|we|just|quick)\b)/, with: "")
        if let lead = text.firstMatch(of: /(?i)^(?:(?:fwd?|fw)\s*:|(?:i'?m\s+)?forward(?:ing|ed)(?:\s+this)?(?:\s+(?:on|along))?(?:\s+from\s+[^:]{1,40})?\s*:|(?:a\s+)?(?:message|note|email|e-mail|text|request)\s+from\s+[^:]{1,40}:|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:asked\s+me\s+to\s+pass\s+(?:this|it)\s+on|says|said|wrote|writes|asked|wants(?:\s+this)?)\s*:)\s*/) {
            text = String(text[lead.range.upperBound...])
        }
        // The words quoted whole: 'Please put one of the new photos …'
        if let quoted = text.wholeMatch(of: /^['"“‘](?<inner>.+)['"”’][.!]?$/), !quoted.inner.contains(/['"“”‘’]\s*$/) {
            text = String(quoted.inner)
        }
        text = text.trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    /// Greetings, sign-offs, mail headers, lines about the message itself, and limits that any careful edit keeps
    /// ("don't touch anything else", "the body font stays as it is").
    static func isEnvelope(_ sentence: String) -> Bool {
        let lowered = sentence.lowercased().trimmingWhitespace
        if lowered.contains(/^-{2,}|^_{3,}|^={3,}/) { return true }
        if lowered.contains(/^(?:from|to|cc|bcc|subject|sent|date|reply-to)\s*:/) { return true }
        if lowered.contains(/^(?:begin\s+)?forwarded\s+message/) { return true }
        if lowered.contains(/^(?:hi|hello|hey|hiya|dear|morning|good\s+(?:morning|afternoon|evening))\b[\w\s,&]{0,30}[,!.:]?$/) { return true }
        if isSignOff(sentence) { return true }
        // "A few things for my yoga site please :)", "Couple of doc fixes before the 2.0 release:": the list's heading.
        if lowered.contains(/^(?:(?:a|just\s+a|only\s+a)\s+)?(?:few|couple(?:\s+of)?|some|two|three|four|several|quick|small|little|minor)\s+(?:more\s+|small\s+|quick\s+|little\s+|doc\s+|site\s+)?(?:things|changes|fixes|tweaks|edits|updates|requests|notes|bits|items|points)\b[^.!?]*$/) { return true }
        // "Please leave the rest as it is.": a limit any careful edit keeps, as a sentence of its own.
        if isConstraint(sentence), !lowered.contains(/\b(?:change|add|make|set|replace|remove|delete|put|rename|move|update)\s+(?:the|a|an|it|our|my)\b/) { return true }
        if lowered.contains(/^(?:i|we)\s+(?:should|would)\s+be\s+(?:most\s+|very\s+|so\s+|really\s+)?(?:grateful|obliged|thankful|delighted)\b/), !lowered.contains(/\b(?:if\s+you\s+could|could\s+you)\s+(?:change|add|make|set|remove|replace|put)\b/) { return true }
        if lowered.contains(/^(?:i|we)\s+leave\s+(?:the\s+)?(?:exact\s+)?(?:shade|details?|choice|rest|colou?r)\b/) { return true }
        // "Margaret Ellis (Mrs)", "Dana", "— Sam": a name on a line of its own.
        if sentence.count <= 40, sentence.contains(/^[—–-]?\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}(?:\s*\((?:Mrs|Mr|Ms|Miss|Dr)\.?\))?[.,!]?$/), !isRequest(sentence) { return true }
        if lowered.contains(/^[—–-]\s*[a-z]/), sentence.count <= 30 { return true }
        if lowered.contains(/\b(?:see\s+below|notes?\s+below|(?:pass|passing)\s+(?:this|it)\s+on|forward(?:ing|ed)?\s+(?:this|it|you|dana|[a-z]+'s))\b/), !isRequest(sentence) { return true }
        if lowered.contains(/^(?:(?:please\s+)?(?:don'?t|do\s+not)\s+(?:touch|change|alter|modify|edit|move|break)\b|nothing\s+else\b|no\s+other\s+changes?|(?:and\s+)?(?:please\s+)?(?:keep|leave)\s+(?:everything|the\s+rest|all\s+the\s+rest|anything|all\s+else)\b|that'?s\s+(?:it|all)\b)/) { return true }
        if lowered.contains(/^(?:the\s+)?[\w' -]{1,40}?\s+(?:stays?|remains?)\s+(?:as\s+(?:it\s+)?is|the\s+same|unchanged|untouched)\b/) { return true }
        if lowered.contains(/^(?:please\s+)?keep\s+(?:the\s+)?(?:text|it|everything|things|words)\b.*\b(?:readable|legible|the\s+same|as\s+(?:it\s+)?is)\b/) { return true }
        return false
    }

    /// "Can you get the About page fixed?", "please fix the FAQ": a request with no detail, which the sentences
    /// after it give.
    static func isVagueHeading(_ sentence: String) -> Bool {
        sentence.contains(/(?i)^(?:(?:can|could|would|will)\s+(?:you|u|we|someone)\s+(?:please\s+)?(?:get|have)?\s*(?:the|our|my)\s+[\w' ]{1,40}?\s+(?:fixed|updated|sorted(?:\s+out)?|corrected|looked\s+at|changed|tidied(?:\s+up)?)|(?:please\s+)?(?:can\s+you\s+)?(?:fix|update|correct|sort\s+out|tidy\s+up|look\s+at)\s+(?:the|our|my)\s+[\w' ]{1,40}?)\s*(?:please)?\s*[?.!:]?$/)
    }

    /// The sentence cut before every ", the X should …" / ", and the X needs to …" outside quotes.
    static func splitShoulds(_ sentence: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(sentence)
        while let cut = rest.firstMatch(of: /,\s+(?:and\s+)?(?=(?:also\s+)?(?:the|our|my)\s+[\w' -]{1,30}?\s+(?:should|needs?\s+to|must|ought\s+to|has\s+to|have\s+to)\b)/) {
            let before = rest[..<cut.range.lowerBound]
            // Never inside a quote: an even number of straight quotes and no open curly one before the cut.
            let straight = before.filter { $0 == "\"" }.count
            let open = before.filter { $0 == "“" }.count > before.filter { $0 == "”" }.count
            guard straight % 2 == 0, !open, isRequest(String(before)) else { break }
            pieces.append(String(before).trimmingWhitespace)
            rest = rest[cut.range.upperBound...]
        }
        pieces.append(String(rest).trimmingWhitespace)
        return pieces.filter { !$0.isEmpty }
    }

    /// "The other answer is still correct, so leave it.", "Leave the caption as it is.": a limit on the change, never
    /// part of a value.
    static func isConstraint(_ sentence: String) -> Bool {
        sentence.lowercased().contains(/\b(?:(?:keep|leave)\s+(?:everything|the\s+rest|all\s+(?:the\s+)?(?:else|rest)|anything)\b|nothing\s+else\b|leave\s+(?:it|that|them|this|the\s+[\w ]{1,30}?)(?:\s+(?:alone|as\s+(?:it\s+)?is|be|unchanged))?|so\s+leave\b|(?:don'?t|do\s+not)\s+(?:touch|change)\b|no\s+other\s+(?:changes?|part)|(?:is|are)\s+still\s+(?:correct|right|fine)|(?:stays?|remains?)\s+(?:as\s+(?:it\s+)?is|the\s+same))\b/)
    }

    /// "Thanks!", "Thanks, D.", "Many thanks in advance", "Kind regards, Margaret." — never "Thanks to everyone who
    /// helped", which is text.
    static func isSignOff(_ sentence: String) -> Bool {
        let text = sentence.trimmingWhitespace
        if text.lowercased().contains(/^sent\s+from\s+my\b/) { return true }
        return text.contains(/^(?i:thanks|thank\s+you|thx|ty|cheers|ta|best|regards|kind\s+regards|best\s+regards|best\s+wishes|warm\s+regards|warmly|many\s+thanks|with\s+thanks|much\s+appreciated|appreciate\s+it|love|xx?x?|yours\s+(?:faithfully|sincerely|truly)|yours|sincerely|respectfully|namaste|take\s+care|speak\s+soon|all\s+the\s+best)(?i:\s+(?:so|very)\s+much|\s+a\s+lot|\s+a\s+million|\s+in\s+advance|\s+again|\s+heaps|\s+loads|\s+for\s+(?:this|that|your\s+help|the\s+help|everything|all\s+your\s+work))?\s*(?:[,!.:—–-]+\s*(?:[A-Z][\w.'&]*\s*){0,3})?[!.:)]*$/)
    }

    /// A sentence that starts an instruction of its own after a value ("Please …", "Also make …", "Make the header
    /// …"), not a value's next sentence ("Write to me - I answer everything.", "Email us and we'll reply").
    static func startsNewInstruction(_ sentence: String) -> Bool {
        let lowered = sentence.lowercased()
        if lowered.contains(/^(?:please|pls|could\s+you|can\s+you|would\s+you|also|and\s+also|then|and\s+then|oh\s+and|lastly|finally|next|p\.?s\.?|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?)\b/) { return true }
        if lowered.contains(/^(?:(?:the|our|my)\s+)?(?:[\w'’-]+\s+){0,4}?(?:should|must|needs?\s+to)\s+(?:say|read|be|become|go|link|point|show|use|have)\b/) { return true }
        // "And make the corners round": a joined instruction.
        if let verb = lowered.firstMatch(of: /^(?:and|but|plus)\s+(?:please\s+)?(?<verb>\w+)\s/), ValueSanity.instructionVerbs.contains(String(verb.verb)) || verb.verb == "take" { return true }
        guard let first = lowered.split(separator: " ").first.map(String.init), ValueSanity.instructionVerbs.contains(first) else { return false }
        // "Add Careers to …", "Make the header …", "Change 'X' …" — not "Write to me", "Call us any time".
        return sentence.contains(/^\w+\s+(?:(?i:the|a|an|our|my|this|that|these|those)\s|[A-Z0-9"“'])/)
    }

    /// Said as a request: "please", "could you", "X should …", "I'd like …", or a verb first.
    static func isRequest(_ sentence: String) -> Bool {
        // "They don't want the blog in the navigation": what someone does not want is context, not a request.
        let sentence = sentence.replacing(/(?i)\b(?:don'?t|doesn'?t|do\s+not|does\s+not|didn'?t)\s+(?:really\s+)?(?:want|need|like)\b/, with: "dislike")
        // "Release prep for 3.0: add a FAQ question …": a label, then the request.
        if let head = sentence.firstMatch(of: /^(?<head>[^:"“'’]{3,60}):\s+(?<rest>\S.*)$/), !head.head.contains(/\s(?:to|say|says|read|reads|use|be)$/),
           isRequest(String(head.rest)) { return true }
        let lowered = sentence.lowercased().replacing(/^(?:(?:ok(?:ay)?|so|and|also|then|now|just|oh|right|yeah|yes|lastly|finally|plus)[\s,]+)+/, with: "")
        let first = lowered.split(separator: " ").first.map { String($0).trimmingCharacters(in: .punctuationCharacters) } ?? ""
        if ValueSanity.instructionVerbs.contains(first) || ["fix", "correct", "edit", "swap", "include", "link", "list", "mention", "let's", "lets", "bump", "reword", "retitle", "relabel", "shorten", "embed", "upload", "alter", "amend", "kindly"].contains(first) { return true }
        // "In the requirements list on the installation page, change 100 MB …": the verb after a place.
        if lowered.contains(/^(?:on|in|for|at|under|below|above|from|to|inside|within)\s+[^,]{2,80},\s+(?:please\s+)?(?:add|change|make|set|replace|remove|delete|put|rename|move|update|use|swap|show|hide|insert|drop|fix|correct)\s/) { return true }
        if lowered.contains(/(?:,|;|\s[-–—])\s+(?:please\s+)?(?:add|change|make|set|replace|remove|delete|put|rename|move|update|swap|insert)\s+(?:the|a|an|it|this|that|our|my|["“'\d])/) { return true }
        return lowered.contains(/\b(?:please|pls|plz|kindly|would\s+it\s+be\s+possible|is\s+it\s+possible|i\s+wonder\s+if|would\s+you\s+be\s+so|if\s+you\s+could|could\s+you|can\s+you|can\s+u|could\s+u|would\s+you|will\s+you|can\s+we|could\s+we|can\s+the|could\s+the|i'?d\s+like|i\s+would\s+like|we'?d\s+like|we\s+would\s+like|(?:i|we)\s+(?:really\s+)?(?:want|need)(?!\s+(?:people|visitors|customers|them|everyone|readers|clients|users|it\s+to\s+feel)\b)|should(?!\s+like\s+(?:people|visitors|customers|them|everyone|readers|clients|users)\b)|shouldn'?t|needs?\s+to|must|ought\s+to|has\s+to|have\s+to|wants?\s+(?:it|the|us|you)|is\s+to\s+be)\b/)
    }

    /// Asides that carry no instruction: a closing "because that sounds like …", "…, I'll write the text later",
    /// "and leave the rest of the box alone for now", and a context clause before ", so please …".
    static func withoutAsides(_ sentence: String) -> String {
        var text = sentence
        // "We've dropped macOS support as of 3.0, so in the installation page's requirements list please replace …"
        if let so = text.firstMatch(of: /^(?<before>[^"“]+?),?\s+so\s+(?<rest>.+)$/), !so.before.contains(/(?:^|\s)'/), !isRequest(String(so.before)), isRequest(String(so.rest)),
           !so.before.lowercased().contains(/^(?:make|change|set|move)\b/) {
            text = String(so.rest)
        }
        // "It's approved now, please publish it": the context before the plea.
        if let lead = text.firstMatch(of: /^(?<before>[^"“,]{1,60}),\s+(?=(?:please|pls|so\s+please|can\s+you|could\s+you)\b)/), !isRequest(String(lead.before)),
           !lead.before.lowercased().contains(/^(?:on|in|for|at|under|below|above|from|to)\s/), !lead.before.contains(/(?:^|\s)'/) {
            text = String(text[lead.range.upperBound...])
        }
        text = text.replacing(/(?i),?\s+(?:and\s+)?(?:please\s+)?(?:leave|keep)\s+(?:the\s+rest|everything\s+else|all\s+else|the\s+[\w ]{1,30}?)\s+(?:alone|as\s+(?:it\s+)?is|the\s+same|unchanged|untouched|identical)\b[^,;.]*(?:[,;]\s*(?:i'?ll|i\s+will|we'?ll|we\s+will)\b.*)?/, with: "")
        text = text.replacing(/(?i),?\s+(?:and\s+)?(?:please\s+)?(?:don'?t|do\s+not)\s+(?:touch|change)\s+(?:anything|the\s+rest)(?:\s+else)?\b[^,;.]*/, with: "")
        text = text.replacing(/(?i),?\s+(?:keep|leave)\s+everything\s+else\s+(?:identical|the\s+same|as\s+(?:it\s+)?is)\b/, with: "")
        // "… because that sounds like a tech company, not a yoga studio", "… cos thats when my dad started it".
        if !text.contains(/["“]/) || text.contains(/["”']\s+(?:because|cos|'cause|coz)\b/) {
            if let reason = text.firstMatch(of: /(?i)\s*,?\s+(?:because|cos|'cause|coz|since)\s+(?:that|it|this|we|i|they|the\s+\w+\s+(?:is|was|are)|our|my|people|he|she|you|thats|its|it'?s)\b/),
               !text[..<reason.range.lowerBound].lowercased().contains(/(?:\bto|\bsay|\bsays|\bread|\bbe|:)$/) {
                // The reason runs to the next instruction ("… cos thats when my dad started it and also on the …").
                let after = text[reason.range.upperBound...]
                let end = after.firstMatch(of: /(?i)[,;]?\s+(?:and\s+also|and\s+then|also|and\s+(?:on|in)\s+the|and\s+(?:please\s+)?(?:add|change|make|set|remove|put|move|update|replace))\s/)?.range.lowerBound ?? text.endIndex
                text = String(text[..<reason.range.lowerBound]) + String(text[end...])
            }
            // "(it went out before New Year, not in February)": an aside in brackets.
            text = text.replacing(/(?i)\s*\((?:it|we|i|they|that|this|which|as|because|since|so|not)\b[^)]*\)/, with: "")
            // "… please publish it so it shows up on the blog": what the change is for.
            if !text.contains(/["“]|(?:^|\s)'/) {
                text = text.replacing(/(?i)\s+so\s+(?:that\s+)?(?:it|they|people|visitors|customers|readers|everyone|folks|students|couples|clients)\s+(?!says\b|reads\b|say\b|read\b|feels?\b|looks?\b|seems?\b)\w+\b.*$/, with: "")
            }
            text = text.replacing(/(?i)\s+(?:from\s+now\s+on|going\s+forward|asap|when\s+you\s+(?:can|get\s+a\s+chance))(?=[.!?]?$|,)/, with: "")
        }
        text = text.replacing(/(?i)\s*,\s*(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+(?:write|send|add|do|sort)\b.*$/, with: "")
        text = text.replacing(/(?i)\s*,?\s*(?:you\s+know\s+what\s+i\s+mean|if\s+(?:that\s+)?makes\s+sense|if\s+possible|if\s+you\s+can|not\s+sure\s+what\s+exactly)[.!?]*$/, with: "")
        // "… my wife says it doesnt look like a plumbers website can you sort that out make it look more like …": the
        // instruction after the plea for help.
        if let help = text.firstMatch(of: /(?i)\b(?:can|could)\s+(?:you|u)\s+(?:please\s+)?(?:sort\s+(?:that|it|this)\s+out|fix\s+(?:that|it|this)|help(?:\s+with\s+(?:that|this))?)\s*[,.]?\s+(?=(?:make|change|use|add|give|put)\s)/) {
            text = String(text[help.range.upperBound...])
        }
        return text.trimmingWhitespace.replacing(/[,;]$/, with: "")
    }

    /// "on the About page", "the Installation page's …", "the Why I started writing post": the page a sentence
    /// is about, said as "the X page".
    static func pageNamed(in sentence: String) -> String? {
        guard let match = sentence.firstMatch(of: /(?i)\b(?:on|in|of|for|to|from)?\s*(?:the|our|my)\s+(?<name>(?:[\w&'-]+\s+){0,5}?[\w&'-]+)\s+(?<kind>page|post)(?:'s|’s)?\b/) else { return nil }
        let name = String(match.name).replacing(/(?i)^(?:very\s+)?(?:same|whole|entire|new|current|old)\s+/, with: "")
        if name.lowercased().contains(/^(?:this|that|each|every|other|next|last|first|same|a|an|web|landing|front)$/) { return nil }
        if name.lowercased().contains(/\b(?:the|a|an|on|in|of|to|and|from|should|is|was|has)\b/) { return nil }
        return "the " + name + " " + match.kind.lowercased()
    }

    /// The thing a context sentence introduces, for a later "it": "The site still has the placeholder text under
    /// the big headline" → "the placeholder text under the big headline"; "the Spring Update post has been sitting
    /// as a draft" → "the Spring Update post".
    static func thingNamed(in sentence: String) -> String? {
        let text = sentence.replacing(/[.!?]+$/, with: "")
        if let has = text.firstMatch(of: /(?i)(?:there(?:'s|\s+is|\s+are)|(?:it|the\s+site|the\s+page|this\s+page|the\s+[\w ]{1,20}?\s+page)\s+(?:still\s+)?(?:has|have|shows|uses))\s+(?<np>.+)$/) {
            let np = String(has.np).replacing(/(?i)^(?:a|an|one|two|three|four|five|six|some|the|this)\s+/, with: "")
            return "the " + np
        }
        // "the third card, the one called Support": the name said.
        if let named = text.firstMatch(of: /(?i)\bthe\s+(?:[\w-]+\s+)?(?<noun>card|box|button|item|picture|image|photo|tier|plan|section|testimonial|question|link|tab)\s*,\s*(?:the\s+one\s+)?(?:called|named|titled|labell?ed|that\s+says)\s+(?<name>[^,.;]+)/) {
            return "the " + named.name.trimmingWhitespace + " " + named.noun.lowercased()
        }
        // "a new photograph, which … is already on the website as /img/work/04.jpg": the file.
        if let file = text.firstMatch(of: /(?<path>\/[\w\/.-]+\.(?:jpe?g|png|gif|webp|svg|avif|mp4|webm))\b/) {
            return String(file.path)
        }
        // "the little description Google shows for the Contact page": the description.
        if text.lowercased().contains(/\b(?:meta\s+)?description\b/) {
            return "the description"
        }
        // "The short sentence beneath the site name currently reads 'Writing about making things'": the words there now
        // name it best.
        if let current = text.firstMatch(of: /(?i)\b(?:currently\s+|now\s+|still\s+)?(?:reads|says)\s+(?:"(?<a>[^"]+)"|“(?<b>[^”]+)”|'(?<c>[^']+)')/) {
            return "“" + String(current.a ?? current.b ?? current.c ?? "") + "”"
        }
        if let subject = text.firstMatch(of: /(?i)(?:^|\bthat\s+|,\s+)(?<np>the\s+(?:[\w&'-]+\s+){0,5}?(?:post|page|list|box|card|section|form|button|picture|image|photo))\s+(?:is|has|was|still|looks|says|exists|isn'?t|can'?t|cannot|doesn'?t|has\s+been)\b/) {
            return String(subject.np)
        }
        // "the answer to 'Is My Project free?' still mentions MIT", "the grey writing under the big headline … still
        // says …": the thing the sentence is about.
        if let subject = text.firstMatch(of: /(?i)(?:^|,\s+)(?<np>the\s+[^,]{2,80}?)\s+(?:still\s+)?(?:says|mentions|reads|shows|talks\s+about|is\s+(?:wrong|outdated|out\s+of\s+date))\b/) {
            return String(subject.np)
        }
        return nil
    }

    /// "Please change it to: …" after "The site still has the placeholder text under the big headline.": "it"
    /// becomes the thing named; "a fourth one" after "there are three cards" becomes "a card"; "its date" and "to
    /// it" after "on the Why I started writing post" become that post's.
    static func resolvingReferences(_ part: String, referent: String?, page: String?) -> String {
        var text = part
        if let referent {
            let noun = referent.split(separator: " ").dropFirst().first { !["little", "small", "big", "new"].contains($0.lowercased()) }.map(String.init) ?? ""
            let singular = noun.hasSuffix("s") && !noun.hasSuffix("ss") ? String(noun.dropLast()) : noun
            if !singular.isEmpty, text.contains(/(?i)\b(?:a\s+(?:second|third|fourth|fifth|sixth|new)\s+one|another\s+one|one\s+more)\b/) {
                text = text.replacing(/(?i)\b(?:a\s+(?:second|third|fourth|fifth|sixth|new)\s+one|another\s+one|one\s+more)\b/, with: "a " + singular)
            } else if referent.hasPrefix("/"), text.contains(/(?i)\b(?:add|put|use|place|include|show)\s+(?:it|that|this|them)\b/) {
                text = text.replacing(/(?i)\b(?<verb>add|put|use|place|include|show)\s+(?:it|that|this|them)\b/, with: { $0.verb + " " + referent })
            } else if text.contains(/(?i)\b(?:add|put|include)\s+(?:it|that|this)\s+(?:to|in|into|on)\s+the\s+(?:top\s+|main\s+)?(?:menu|navigation|nav)\b/) {
                text = text.replacing(/(?i)\b(?<verb>add|put|include)\s+(?:it|that|this)\s+(?=(?:to|in|into|on)\s+the\s+(?:top\s+|main\s+)?(?:menu|navigation|nav)\b)/, with: { $0.verb + " " + referent + " " })
            } else if text.contains(/(?i)\b(?:change|make|set|update|publish|rename|fix|edit|replace|reword|shorten|move|unpublish|delete|remove|alter|amend)\s+(?:it|that|this)\b/) {
                text = text.replacing(/(?i)\b(?<verb>change|make|set|update|publish|rename|fix|edit|replace|reword|shorten|move|unpublish|delete|remove|alter|amend)\s+(?:it|that|this)\b/, with: { $0.verb + " " + referent })
            } else if text.contains(/(?i)^(?:but\s+)?(?:it|that|this)\s+should\s+(?:now\s+)?(?:say|read|be)\b/) {
                // "It should now say: …" after "the answer to 'Is My Project free?' still mentions MIT".
                text = text.replacing(/(?i)^(?:but\s+)?(?:it|that|this)\s+should\s+(?:now\s+)?(?<verb>say|read|be)\b/, with: { referent + " should " + $0.verb })
            } else if text.contains(/(?i)\b(?:that|this|the\s+same)\s+(?:writing|text|words|line|sentence|bit|part|wording)\b/) {
                text = text.replacing(/(?i)\b(?:that|this|the\s+same)\s+(?:writing|text|words|line|sentence|bit|part|wording)\b/, with: referent)
            } else if text.contains(/(?i)\b(?:top|bottom|end|start|beginning)\s+of\s+(?:it|that|that\s+list|this\s+list|the\s+list)\b/) {
                text = text.replacing(/(?i)\b(?<place>top|bottom|end|start|beginning)\s+of\s+(?:it|that|that\s+list|this\s+list|the\s+list)\b/, with: { $0.place + " of " + referent })
            } else if text.contains(/(?i)^(?:i'?d\s+like|i\s+want|we'?d\s+like)\s+the\s+\w+\s+to\s+(?:say|read|be)\b/) {
                // "I'd like the title to say Meet Priya" after "there's a callout box titled Make it yours".
                text = text.replacing(/(?i)^(?:i'?d\s+like|i\s+want|we'?d\s+like)\s+the\s+(?<field>\w+)\s+to\s+(?<verb>say|read|be)\b/, with: { "change the " + $0.field + " of " + referent + " to" })
            }
        }
        if let page {
            let possessive = page + "'s"
            text = text.replacing(/(?i)^its\s+/, with: possessive + " ")
            text = text.replacing(/(?i)(?<join>[,;]\s(?:and\s)?)its\s+/, with: { $0.join + possessive + " " })
            text = text.replacing(/(?i)\s(?<word>to|on|from|in|for)\s+it(?=\s+(?:as\s+well|too)\b|[.!]?$)/, with: { " " + $0.word + " " + page })
        }
        text = text.replacing(/(?i)\s+as\s+well[.!]?$|\s+too[.!]?$/, with: "")
        // "put one of the new photos on the London Team page, /img/work/02.jpg": the file names the photo.
        if let photo = text.firstMatch(of: /(?i)\b(?:one\s+of\s+the\s+(?:new\s+)?(?:photos|pictures|images|pics)|(?:a|the)\s+(?:new\s+)?(?:photo|picture|image|pic))\s+(?<rest>(?:on|to|in)\s+.+?),\s*(?<url>\/\S+?\.(?:jpe?g|png|gif|webp|svg|avif))[.!]?$/) {
            text = String(text[..<photo.range.lowerBound]) + photo.url + " " + photo.rest
        }
        return text
    }

    private static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true else { return text }
        // "Please …", "Add …": a capital that only starts the sentence.
        let word = text.split(separator: " ").first.map(String.init) ?? ""
        if word == "I" || word.hasPrefix("I'") { return text }
        return first.lowercased() + text.dropFirst()
    }
}
