import Foundation

/// Other ways to say a message that no intent understood, tried in order before the generic refusal.
///
/// People name the thing and its new words in many shapes — "Maya's quote needs updating, she now wants it to say
/// …", "my mum wants the footer to say …", "the heading above the form that says Start a project should read …",
/// "Give the site a tagline: …". Each rule here turns one shape into the plain form the intents read ("change
/// REFERENCE to “VALUE”"); the value is quoted so that nothing in it is read as another instruction. A candidate
/// only counts when an intent makes a change or asks a question with it, and every stored change still goes
/// through ``ValueSanity``, so a rule can only help.
enum Rephrasing {
    /// The rewrites of `message`, most specific first, without `message` itself and without repeats.
    static func candidates(_ message: String, images: [String] = []) -> [String] {
        var found: [String] = []
        func add(_ text: String?) {
            guard let text = text?.trimmingWhitespace, !text.isEmpty, text != message, !found.contains(text) else { return }
            // A value holding the next item of a list ("© 2026 Acme Studio Ltd, (b) header text colour …") is a
            // misreading, never a value.
            if text.contains(/“[^”]*(?:[,;]\s*|\s)\(?[a-z0-9]\)\s[^”]*”/) { return }
            // "change the tip box titled Good to know to “…”": a reference holding " to " would be cut there.
            if let change = text.wholeMatch(of: /(?i)(?:change|set)\s+(?<reference>.+?)\s+to\s+“[^”]*”(?:\s+.*)?/),
               change.reference.replacing(/"[^"]*"|“[^”]*”/, with: "").contains(" to ") { return }
            found.append(text)
        }
        // A closing full stop goes, unless it ends an abbreviation ("© Widget Inc.").
        var text = message.replacing(/[!?]+$/, with: "").trimmingWhitespace
        if text.hasSuffix("."), !text.contains(/(?i)\b(?:inc|ltd|co|corp|llc|gmbh|etc|st|jr|sr|no)\.$/) { text.removeLast() }
        // "homepage: use …", "Servces page: add …": the page first, then the request.
        if let scoped = text.wholeMatch(of: /(?i)(?<page>homepage|home\s+page|front\s+page|[\w' ]{2,30}?\s+(?:page|post))\s*:\s*(?<rest>[a-z].+)/),
           let verb = scoped.rest.split(separator: " ").first?.lowercased(), ValueSanity.instructionVerbs.contains(verb) || ["use", "put", "show"].contains(verb) {
            let page = String(scoped.page).lowercased().contains(/^(?:homepage|home\s+page|front\s+page)$/) ? "home page" : String(scoped.page)
            var rest = plainer(String(scoped.rest))
            if let with = rest.range(of: " with alt text ") {
                rest.insert(contentsOf: " on the " + page, at: with.lowerBound)
            } else {
                rest += " on the " + page
            }
            add(rest)
            text = rest
        }
        // "on the harbour festival project, move the Website card so it's the first one".
        if let scoped = text.wholeMatch(of: /(?i)(?:on|in|for)\s+(?:the\s+|our\s+|my\s+)(?<page>[\w' ]{2,40}?)(?:\s+(?:page|post|project|guide))?\s*,\s*(?<rest>(?:move|put|place)\s+.+)/) {
            let rest = String(scoped.rest).replacing(/(?i)\s+(?:so\s+(?:that\s+)?)?(?:it'?s|it\s+is|it\s+comes|it\s+goes)\s+(?:the\s+)?(?:first|1st|at\s+the\s+top|on\s+top)(?:\s+one)?$/, with: " to the top")
                .replacing(/(?i)\s+(?:so\s+(?:that\s+)?)?(?:it'?s|it\s+is|it\s+comes|it\s+goes)\s+(?:the\s+)?(?:last|at\s+the\s+(?:bottom|end))(?:\s+one)?$/, with: " to the bottom")
            add(rest + " on the " + scoped.page + " page")
            add(rest)
        }
        text = plainer(text)
        // "client wants the headline changed to …, and the button to say …": a request passed on.
        if let relayed = relay(text) { add(relayed); text = relayed }
        // "We've started recruiting helpers, so we need a new page called Volunteer. Please link it from the top menu":
        // the context first, then the request.
        add(withoutContext(text))
        // "First, … Second, …": one instruction per sentence — and then no rule may take one sentence alone.
        if let parts = enumerated(text) {
            add(parts)
            return found
        }
        add(imageNumber(text, images: images))
        let described = describedByWords(text)
        for form in [text, described].compactMap({ $0 }) {
            add(questionAndAnswer(form))
            add(makeIt(form))
            add(shouldMention(form))
            add(brandColour(form))
            add(pageAddress(form))
            add(iWantThat(form))
            add(fontFor(form))
            add(whereItSays(form))
            add(itsField(form))
            add(linkInMenu(form))
            add(wasWrittenOn(form))
            add(settingWithoutColon(form))
            add(heroImage(form))
            add(isWrongShouldSay(form))
            add(stillSays(form))
            add(fieldIsWrong(form))
            add(tokenList(form))
            add(readBetterAs(form))
            add(nowHasRole(form))
            add(backReference(form))
            add(hardToRead(form))
            add(lookOnly(form))
            add(articled(form))
            add(ordinalBullet(form))
            add(listItemWithText(form))
            add(pageNotInMenu(form))
            add(listAddition(form))
            add(noLongerNeeded(form))
            add(renameCalled(form))
            add(replaceEverywhere(form))
            add(giveField(form))
            add(datePost(form))
            add(labelIt(form))
            add(updatingWants(form))
            add(wantsToSay(form))
            add(shouldSay(form))
            add(into(form))
            add(yearCorrection(form))
            add(widen(form))
            add(captionAsAlt(form))
            add(filesFromFolder(form))
            add(fontSize(form))
            add(somethingOff(form))
            add(showInstead(form))
            add(vague(form))
            add(withoutReason(form))
            add(withoutPurpose(form))
            add(pageAfterQuotes(form))
            add(pageLast(form))
            add(setInFont(form))
            add(softColour(form))
            add(fromCurrent(form))
            add(bracketName(form))
            add(numberCorrection(form))
            add(testimonialFrom(form))
            add(notYear(form))
            add(pictureShouldBe(form))
            add(colourWithWriting(form))
            add(form == message ? nil : form)
        }
        for candidate in found + [text] {
            add(spelled(candidate))
        }
        return found
    }

    /// Rewrites whose refusal, too, answers the message better than the generic one.
    static func refusalCandidates(_ message: String) -> [String] {
        let text = message.replacing(/[.!?]+$/, with: "")
        var found = [fontSize(text)]
        // "the text is too long": shortening is writing, which needs a model.
        if text.contains(/(?i)^(?:the\s+|my\s+|our\s+|this\s+)?(?:[\w ]{0,20}\s)?(?:text|copy|intro|description|wording|paragraphs?|page|post|bio|writing)\s+(?:is|are|feels?|seems?|looks?)\s+(?:a\s+bit\s+|way\s+|much\s+|far\s+|really\s+)?(?:too\s+(?:long|wordy)|wordy|long-?winded|rambling)/) {
            found.append("shorten the text")
        }
        return found.compactMap { $0 }
    }

    /// `value` in quotes, unless it is quoted already.
    static func quoted(_ value: some StringProtocol) -> String {
        // "… instead. Leave the text under it for now, I'll do that later.": what follows the value is no part of it.
        var value = String(value).trimmingWhitespace
            .replacing(/(?i)\s+instead\b[.!]?\s+\S.*$/, with: "")
            .replacing(/(?i)(?<stop>[.!])\s+(?:please\s+)?(?:leave|keep|don'?t|do\s+not|no\s+need|i'?ll|i\s+will|we'?ll|thanks|thank\s+you|cheers)\b[^"“”]*$/, with: { String($0.stop) })
            .replacing(/(?i)\s+(?:instead|now|please|thanks|thank\s+you)[.!]?$/, with: "").trimmingWhitespace
        if let inner = value.wholeMatch(of: /"([^"]+)"|“([^”]+)”|'(.+)'/) {
            value = String(inner.output.1 ?? inner.output.2 ?? inner.output.3 ?? "")
        }
        return "“" + value + "”"
    }

    /// A reference without the padding around it: "could the little intro" → "the little intro".
    static func cleanReference(_ reference: some StringProtocol) -> String {
        String(reference).trimmingWhitespace
            .replacing(/(?i)^(?:and\s+|so\s+|also\s+|could\s+|can\s+|would\s+|please\s+|maybe\s+|i\s+think\s+)+/, with: "")
            .replacing(/(?i)[,;:]$/, with: "").trimmingWhitespace
    }

    // MARK: - Rules

    /// Everyday names for places on a page, in the words the intents know: "the bottom of the page" is the footer,
    /// "the little intro above the contact form" is the contact form's intro, "the big picture at the top" the hero
    /// image, ", alt text …" its alt text.
    static func plainer(_ text: String) -> String {
        // "the bar along the top of the site" is the header, before "the top of the site" alone is read.
        text.replacing(/(?i)\b(?:the\s+)?(?:dark\s+|black\s+|grey\s+|gray\s+|coloured\s+|colored\s+)?(?:band|bar|strip|area|stripe|block)\s+(?:at|along|across)\s+the\s+(?:very\s+)?bottom(?:\s+of\s+(?:the|every|each)\s+(?:page|site|website))?/, with: "the footer")
            .replacing(/(?i)\b(?:the\s+)?(?:dark\s+|black\s+|grey\s+|gray\s+|coloured\s+|colored\s+)?(?:band|bar|strip|area|stripe|block)\s+(?:at|along|across)\s+the\s+(?:very\s+)?top(?:\s+of\s+(?:the|every|each)\s+(?:page|site|website))?/, with: "the header")
            .replacing(/(?i)\b(?:the\s+)?(?:very\s+)?bottom\s+of\s+(?:the|every|each)\s+(?:page|site|website)\b/, with: "the footer")
            .replacing(/(?i)\b(?:the\s+)?(?:very\s+)?top\s+of\s+(?:the|every|each)\s+(?:page|site|website)\b(?!\s+(?:image|picture|photo))/, with: "the header")
            .replacing(/(?i)\bthe\s+(?:little\s+|small\s+|short\s+)?(?<what>intro|introduction|text|line|heading|title|button|sentence)\s+(?:above|over|below|under|in|on|of|before|at\s+the\s+top\s+of)\s+the\s+(?<thing>contact\s+form|form|gallery|features|pricing(?:\s+table)?|testimonials|faq)\b/, with: { match in
                let thing = String(match.thing).lowercased() == "form" ? "contact form" : String(match.thing)
                let what = ["introduction", "line", "sentence"].contains(String(match.what).lowercased()) ? "intro" : String(match.what)
                return "the " + thing + " " + what
            })
            .replacing(/(?i)\bas\s+the\s+(?:big|main|large|huge|top)\s+(?:picture|image|photo|pic)(?:\s+at\s+the\s+top)?\b|\bas\s+the\s+(?:picture|image|photo|pic)\s+at\s+the\s+top\b/, with: "as the hero image")
            .replacing(/(?i)\s*[,;]\s*(?:with\s+)?(?:the\s+)?alt(?:\s+text)?\s*[:=]?\s+(?<alt>[^"“,;]+)$/, with: { " with alt text " + quoted($0.alt) })
            .replacing(/(?i)\b(?:the\s+)?(?:dark\s+|black\s+|grey\s+|gray\s+|coloured\s+|colored\s+)?(?:band|bar|strip|area|stripe|block)\s+(?:at|along)\s+the\s+(?:very\s+)?bottom(?:\s+of\s+(?:the|every|each)\s+(?:page|site))?/, with: "the footer")
            .replacing(/(?i)\b(?:the\s+)?(?:dark\s+|black\s+|grey\s+|gray\s+|coloured\s+|colored\s+)?(?:band|bar|strip|area|stripe|block)\s+(?:at|along)\s+the\s+(?:very\s+)?top(?:\s+of\s+(?:the|every|each)\s+(?:page|site))?/, with: "the header")
            .replacing(/(?i)\bthe\s+(?:grey|gray|small|little|tiny|light|pale)\s+(?:text|writing|line|words|print)\s+(?:at|in|on)\s+the\s+footer\b/, with: "the footer text")
            .replacing(/(?i)\bthe\s+(?:grey|gray|small|little|tiny|light|pale)\s+(?:text|writing|words|lines?)\s+(?:under|below|beneath)\s+the\s+(?:pictures?|images?|photos?|pics?)\b/, with: "the captions")
            .replacing(/(?i)\s+at\s+the\s+top\s+of\s+the\s+(?<page>[\w ]{1,30}?page)\b/, with: { " on the " + $0.page })
            .replacing(/(?i)\bthe\s+(?:big|main|large|huge|primary)\s+button(?:\s+(?:at|on)\s+the\s+top(?:\s+of\s+the\s+(?:home\s+)?page)?)?\b/, with: "the hero button")
            .replacing(/(?i)\bthe\s+(?:text|words|label|wording|writing)\s+(?:on|of|in)\s+the\s+(?<button>[\w ]{0,20}?button)\b/, with: { "the " + $0.button + " label" })
            .replacing(/(?i)(?<pic>\b(?:picture|image|photo|pic)s?)\s+(?:in|from|of)\s+the\s+[\w' ]{2,30}?\s+(?:grid|gallery)\b/, with: { String($0.pic) })
            .replacing(/(?i)\s+(?:above|below)\s+the\s+fold\b/, with: "")
            .replacing(/(?i)\banswer\s+to\s+(?=the\s+[\w ]{1,30}?question\b)/, with: "answer of ")
            .replacing(/(?i)\b(?:the\s+)?(?:first|front|landing|main|start)\s+page\b/, with: "the home page")
            .replacing(/(?i)\b(?:the\s+)?(?:big|main|large|huge)\s+(?:title|heading)\b/, with: "the hero headline")
            // "the list under What we do" → "the What we do list".
            .replacing(/\b[Tt]he\s+list\s+(?:under|below|beneath)\s+(?:the\s+)?(?:heading\s+)?['"“]?(?<heading>[A-Z][\w' -]{1,40}?)['"”]?(?=\s+(?:and|on|in)\s|[,.;]|$)/, with: { "the " + $0.heading + " list" })
            .replacing(/(?i)\bthe\s+the\b/, with: "the")
    }

    /// "On our About page it says we've been building websites since 2014 - we actually started in 2012. correct the
    /// year" → "change “2014” on the About page to “2012”".
    static func yearCorrection(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?:(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[\w ]{2,30}?)\s+page\s*,?\s+)?(?:it|the\s+(?<subject>[\w ]{1,30}?)(?:\s+page)?)\s+(?:says|said|reads|states|claims|mentions)\s+[^.]*?\b(?<old>(?:19|20)\d\d)\b[^.]*?(?:[-—–,;.]|\bbut\b)\s*(?:but\s+)?(?:we|i|it|it'?s|it\s+is|that'?s|that\s+is|we'?ve|we\s+have|we\s+were|they|the\s+\w+)\s+(?:actually|really|in\s+fact)\s+[^.]*?\b(?<new>(?:19|20)\d\d)\b/),
              match.old != match.new else { return nil }
        let page = match.page ?? match.subject
        return "change “" + match.old + "”" + (page.map { " on the " + $0 + " page" } ?? "") + " to “" + match.new + "”"
    }

    /// "the reading column feels cramped, can you widen it" → "make the reading column wider".
    static func widen(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[\w ]{2,30}?)\s+(?:feels?|looks?|seems?|is|are)\s+(?:a\s+bit\s+|too\s+|very\s+|really\s+|quite\s+|kind\s+of\s+|so\s+)*(?<state>cramped|narrow|squashed|squeezed|tight|thin|wide|broad|small|tiny|big|huge)\s*[,;.—–-]*\s*(?:so\s+)?(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:widen|narrow|enlarge|shrink|make|fix|sort)?\s*(?:it|them)?(?:\s+(?:wider|narrower|bigger|smaller|out))?(?:\s+(?:a\s+bit|a\s+little))?/)
        else { return nil }
        let state = String(match.state).lowercased()
        let direction = ["cramped", "narrow", "squashed", "squeezed", "tight", "thin"].contains(state) ? "wider" : ["wide", "broad"].contains(state) ? "narrower" : ["small", "tiny"].contains(state) ? "bigger" : "smaller"
        return "make " + match.reference + " " + direction
    }

    /// "on the Harbour Festival page show project-3.svg instead of the poster image" → "replace the poster image
    /// with project-3.svg on the Harbour Festival page".
    static func showInstead(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<before>.*?)\b(?:show|use|display|put)\s+(?<new>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s+(?:instead\s+of|in\s+place\s+of|rather\s+than)\s+(?<old>.+?)(?<after>\s+(?:on|in)\s+the\s+.+)?/)
        else { return nil }
        let page = String(match.before).replacing(/\s*,?\s*$/, with: "")
        var result = "replace " + match.old + " with " + match.new
        if let after = match.after {
            result += after
        } else if let scope = page.wholeMatch(of: /(?i)(?:on|in)\s+(?<page>.+)/) {
            result += " on " + scope.page
        } else if let scope = page.wholeMatch(of: /(?i)(?:the\s+|our\s+|my\s+)?(?<page>.+?)(?:\s+(?:page|post|case\s+study|project))?\s+(?:should|must|needs\s+to|could|can)/) {
            result = result.replacing(/(?i)^replace\s+the\s+(?:current|existing|old|present)\s+/, with: "replace the ") + " on the " + scope.page + " page"
        } else if !page.isEmpty {
            return nil
        }
        return result
    }

    /// "The colours feel a bit off to me" → "the colours look off"; "make it look more professional, like Apple" →
    /// "make it look more professional"; "make it feel more like me" → "make it more personal".
    static func vague(_ text: String) -> String? {
        if text.contains(/(?i)^(?:the\s+|my\s+|our\s+)?colou?rs?(?:\s+scheme)?\s+(?:feel|feels|look|looks|seem|seems|are|is)\s+(?:a\s+bit\s+|kind\s+of\s+|slightly\s+|a\s+little\s+|just\s+)?(?:off|wrong|weird|strange|dull|boring|ugly|bad|not\s+right)(?:\s+to\s+me)?$/) {
            return "the colours look off"
        }
        if text.contains(/(?i)^(?:the\s+)?colou?rs?\s+(?:r|are|is|look|looks|feel|feels|seem)\s+(?:kinda\s+|kind\s+of\s+|a\s+bit\s+|so\s+|really\s+|pretty\s+)?(?:boring|dull|bland|meh|off|weird|ugly|flat)\b/) {
            return "the colours look off"
        }
        if let match = text.firstMatch(of: /(?i)^(?:the\s+)?(?:photos|pictures|images|site|page|homepage|design|it)\s+needs?\s+(?<what>more\s+.+)$/) {
            return "it needs " + match.what
        }
        if let match = text.firstMatch(of: /(?i)\b(?:the|our|my)\s+(?<thing>homepage|home\s+page|site|website)\s+(?:looks|feels|is|seems)\s+(?:a\s+bit\s+|rather\s+|quite\s+|very\s+|kind\s+of\s+|too\s+)?(?<adjective>flat|boring|plain|dull|bland)\b/) {
            return "the " + match.thing + " looks " + match.adjective
        }
        if let match = text.firstMatch(of: /(?i)^(?:it\s+|the\s+site\s+|the\s+page\s+)?needs?\s+(?<what>more\s+.+)$/) {
            return "it needs " + match.what
        }
        if let match = text.wholeMatch(of: /(?i)(?:the|my|our)\s+(?<thing>button|buttons|header|footer|menu|colou?rs?|fonts?|hero|title|tagline|logo|sidebar|navigation)/) {
            return "the " + match.thing + " needs work"
        }
        if let match = text.firstMatch(of: /(?i)\b(?:our|the|my)\s+(?<thing>site|website|homepage|home\s+page|blog|design)\s+(?:looks|feels|is|seems)\s+(?:rather\s+|a\s+bit\s+|quite\s+|very\s+|too\s+|kind\s+of\s+|a\s+little\s+)?(?<adjective>old-fashioned|dated|old|boring|plain|dull|bland|ugly|cheap|empty|tired|stale)\b/) {
            return "the " + match.thing + " looks " + match.adjective
        }
        if text.contains(/(?i)^(?:i|we)\s+(?:don'?t|do\s+not|really\s+don'?t)\s+(?:love|like|dig|care\s+for)\s+(?:the|our|my|these|those)\s+colou?rs?\b/) {
            return "the colours look off"
        }
        if let match = text.firstMatch(of: /(?i)^(?:we|i)\s+(?:need|want|would\s+like|'d\s+like)\s+(?:it|the\s+site|the\s+website|things)\s+(?:to\s+(?:be|look|feel)\s+)?(?:a\s+bit\s+|much\s+|a\s+lot\s+)?more\s+(?<how>modern|professional|polished|fresh|premium|elegant|stylish|exciting|lively|fun)\b/) {
            return "make it more " + match.how
        }
        if text.contains(/(?i)^(?:add|use|want|try|pick|get)\s+(?:a|some)\s+(?:different|new|other|nicer|better)\s+(?:typeface|font|fonts|typography)$/) {
            return "change the font"
        }
        if let match = text.wholeMatch(of: /(?i)(?<ask>make\s+(?:it|the\s+site|the\s+website)\s+(?:look\s+|feel\s+)?more\s+\w+)\s*,?\s+(?:like|similar\s+to|as\s+in)\s+[A-Z][\w.' ]*/) {
            return String(match.ask)
        }
        if text.contains(/(?i)^make\s+(?:it|the\s+site|the\s+website|the\s+blog)\s+(?:look\s+|feel\s+|seem\s+)?(?:more\s+)?(?:like\s+(?:me|us|mine|ours|my\s+brand|our\s+brand)|personal|unique|mine|ours|distinctive)$/) {
            return "make it more personal"
        }
        return nil
    }

    /// "add /img/project-2.svg to the gallery with the caption Pennywise, round two": where images have only alt
    /// text, the caption is that text.
    static func captionAsAlt(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<head>.+?\.(?:jpe?g|png|gif|webp|avif|svg)\b.*?)\s+with\s+(?:the\s+|a\s+)?caption\s*:?\s+(?<caption>.+)/) else { return nil }
        return match.head.replacing(/(?i)\s+again$/, with: "") + " with alt text " + quoted(match.caption)
    }

    /// "a gallery on the home page with 01.jpg, 03.jpg and 05.jpg from img/work" → "… with /img/work/01.jpg, …".
    static func filesFromFolder(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?<files>[\w-]+\.(?:jpe?g|png|gif|webp|avif|svg)(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)[\w-]+\.(?:jpe?g|png|gif|webp|avif|svg))*)\s+(?:from|in)\s+(?:the\s+)?(?:folder\s+)?(?<dir>\/?(?:static\/)?[\w-]+(?:\/[\w-]+)*)\/?(?:\s+folder)?\b/) else { return nil }
        let dir = "/" + String(match.dir).replacing(/^\/?(?:static\/)?/, with: "")
        let files = String(match.files).replacing(/[\w-]+\.(?:jpe?g|png|gif|webp|avif|svg)/, with: { dir + "/" + $0.output })
        return String(text[..<match.range.lowerBound]) + files + String(text[match.range.upperBound...])
    }

    /// "increase the font size of the body text to 18px" → "make the text bigger" (the theme says whether it can).
    static func fontSize(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<verb>increase|decrease|raise|lower|reduce|bump\s+up|bump|change|set|make|adjust)\s+(?:the\s+)?(?:base\s+|body\s+|overall\s+)?(?:font|text|type)\s*-?\s*size\b.*/) else { return nil }
        let verb = String(match.verb).lowercased()
        let smaller = ["decrease", "lower", "reduce"].contains(verb) || text.lowercased().contains(/\b(?:smaller|1[0-5]px|0\.\d+rem)\b/)
        return "make the text " + (smaller ? "smaller" : "bigger")
    }

    /// "something's off with the footer" → "the footer looks off".
    static func somethingOff(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)something(?:'s|\s+is)?\s+(?:a\s+bit\s+)?(?:off|wrong|weird|not\s+right|odd)\s+(?:with|about|in)\s+(?<area>(?:the|my|our)\s+[\w ]{2,30}?)/) else { return nil }
        return match.area + " looks off"
    }

    /// "client wants the headline changed to X, and the button to say Y" → "change the headline to “X”" and "change
    /// the button to “Y”" (one per line); "cleint wants teh Services page title to be What we offer" → "change the
    /// Services page title to “What we offer”".
    static func relay(_ text: String) -> String? {
        guard let head = text.prefixMatch(of: /(?i)^(?:(?:quick\s+one\s+)?from\s+the\s+[\w ]{2,30}?\s*[-—–:,]\s*|(?:notes|feedback)\s+from\s+[^:]{2,60}:\s*|(?:the\s+|my\s+|our\s+)?(?:client|clients|customer|boss|mum|mom|dad|team|committee|coordinator|cleint|clinet|manager|editor|owner)\s+(?:wants?|would\s+like|'d\s+like|asked(?:\s+(?:for|us\s+to|me\s+to))?|says?|said|thinks?|feels?|needs?)\s+(?:that\s+)?)/) else { return nil }
        var rest = String(text[head.range.upperBound...])
        // "(a) footer should read …, (b) header text colour …": one instruction per letter.
        if rest.contains(/^\s*\(?a\)\s/) {
            rest = rest.replacing(/^\s*\(?a\)\s*/, with: "").replacing(/\s*[,;]?\s*(?:and\s+)?\(?[b-h]\)\s*/, with: "\n")
            return rest.split(separator: "\n").map { String($0).trimmingWhitespace.replacing(/[.]$/, with: "") }.joined(separator: "\n")
        }
        let parts = rest.split(separator: /(?i)\s*,?\s+and\s+(?=(?:the|its|our|their)\s+[\w ]{2,40}?\s+(?:changed\s+to|to\s+(?:say|be|read))\b)/).map(String.init)
        let changes = parts.map { part -> String in
            if let wish = part.wholeMatch(of: /(?i)(?<reference>(?:the|its|our|their)\s+.+?)\s+(?:changed\s+to|updated\s+to|set\s+to|to\s+be|to\s+say|to\s+read)\s*:?\s+(?<value>.+)/) {
                return "change " + wish.reference + " to " + quoted(wish.value)
            }
            return part
        }
        return changes.joined(separator: "\n")
    }

    /// The sentences after the ones that only give context ("We've started recruiting helpers, so …"): a sentence
    /// without an instruction verb or a quote before the first that has one.
    static func withoutContext(_ text: String) -> String? {
        var sentences: [String] = []
        var start = text.startIndex
        for end in text.ranges(of: /[.!?]\s+/) {
            sentences.append(String(text[start..<end.lowerBound]))
            start = end.upperBound
        }
        sentences.append(String(text[start...]))
        guard sentences.count >= 2 else { return nil }
        let verbs = Set(ValueSanity.instructionVerbs).union(["link", "please", "could", "can", "would"])
        // "…, so we need a new page called Volunteer": the request inside a context sentence.
        var rest = sentences.map { $0.trimmingWhitespace }
        if let first = rest.first, let need = first.firstMatch(of: /(?i)\b(?:so|and)\s+(?:we|i)\s+(?:need|want|would\s+like|'d\s+like)\s+(?<thing>(?:a|an)\s+.+)$/) {
            rest[0] = "add " + need.thing
        }
        guard let firstInstruction = rest.firstIndex(where: { sentence in
            let word = sentence.split(separator: " ").first.map { $0.lowercased() } ?? ""
            return verbs.contains(word) || sentence.hasPrefix("add ")
        }) else { return nil }
        // From the first instruction on, a sentence that starts with an instruction is a part of its own; any other
        // continues the part before it ("… so it says: Yes. It is open source under …" is one value).
        var chunks: [String] = []
        for sentence in rest[firstInstruction...] {
            let word = sentence.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let cleaned = sentence.replacing(/(?i)^(?:please\s+|could\s+you\s+(?:please\s+)?|can\s+you\s+(?:please\s+)?|would\s+you\s+(?:please\s+)?)/, with: "")
            if chunks.isEmpty || verbs.contains(word) {
                chunks.append(cleaned)
            } else if sentence.lowercased().contains(/^(?:thanks|thank\s+you|cheers|many\s+thanks|kind\s+regards|best)\b/) {
                continue
            } else if chunks[chunks.count - 1].contains(/(?i)(?:\b(?:say|says|read|reads|should\s+be|to)\s*:|["“])/) {
                chunks[chunks.count - 1] += ". " + sentence
            } else if !sentence.lowercased().contains(/^(?:i|we|it|this|that|they|he|she|my|our|people|nothing|no)\b/) {
                chunks.append(cleaned)
            }
        }
        let kept = chunks
            .map { $0.replacing(/(?i)^link\s+it\s+(?:from|in|to)\s+the\s+(?:top\s+|main\s+)?(?:menu|navigation|nav)\s*,?\s*(?=(?:right\s+|just\s+)?(?:after|before)\s)/, with: "move it ")
                .replacing(/(?i)^link\s+it\s+(?:from|in|to)\s+the\s+(?:top\s+|main\s+)?(?:menu|navigation|nav)\b/, with: "add it to the menu") }
            .map { $0.replacing(/(?i)^(?<move>move\s+it\s+(?:after|before)\s+[\w' ]+?)\s*,?\s+so\s+.*$/, with: { $0.move + " in the menu" }) }
        guard !kept.isEmpty, kept.count < sentences.count || kept[0] != sentences[0] else { return nil }
        return kept.joined(separator: "\n")
    }

    /// "Make the CTA buttons orange so they pop" → "Make the CTA buttons orange": the purpose is no part of it.
    static func withoutPurpose(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<main>.+?)\s*,?\s+so\s+(?:that\s+)?(?:they|it|people|visitors|readers|customers|users|we)\s+[^"“]+/),
              let verb = match.main.split(separator: " ").first?.lowercased(), ValueSanity.instructionVerbs.contains(verb) else { return nil }
        return String(match.main)
    }

    /// "First, Omar … Second, the heading …": each numbered sentence an instruction of its own.
    static func enumerated(_ text: String) -> String? {
        let parts = text.split(separator: /(?i)(?:^|[.;]\s+)(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|also|finally|lastly|and\s+finally)\s*,\s*/).map { String($0).trimmingWhitespace.replacing(/[.!]$/, with: "") }.filter { !$0.isEmpty }
        guard parts.count >= 2, text.lowercased().contains(/\b(?:first(?:ly)?|second(?:ly)?)\s*,/) else { return nil }
        // A first part without a marker is context ("Two small things, if I may").
        let instructions = parts.filter { !$0.lowercased().contains(/^(?:two|three|a\s+few|some|couple\s+of)\s+(?:small\s+|little\s+|quick\s+)?(?:things|changes|requests|points)/) }
        guard instructions.count >= 2 else { return nil }
        // One instruction per line: the interpreter does them one after another.
        return instructions.joined(separator: "\n")
    }

    /// "pls add img 06 to careers page" → "add the image /img/work/06.jpg to careers page", when exactly one of the
    /// site's images has that number for its name.
    static func imageNumber(_ text: String, images: [String]) -> String? {
        guard let match = text.firstMatch(of: /(?i)\b(?:img|image|picture|photo|pic)\s+(?:no\.?\s*|number\s+|#)?(?<number>\d{1,3})\b(?!\.)/) else { return nil }
        let number = Int(match.number) ?? -1
        let found = images.filter { path in
            let stem = path.split(separator: "/").last?.split(separator: ".").first.map(String.init) ?? ""
            return Int(stem.filter(\.isNumber)) == number && stem.filter(\.isLetter).count <= 8
        }
        guard found.count == 1 else { return nil }
        return String(text[..<match.range.lowerBound]) + "the image " + found[0] + String(text[match.range.upperBound...])
    }

    /// "Where it says 'Brand identities …' put 'Logos, brand books …' instead" → "change “…” to “…”".
    static func whereItSays(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:on\s+the\s+[\w ]+?page\s*,?\s+)?(?:where|wherever)\s+it\s+(?:says|reads)\s+(?<old>"[^"]+"|“[^”]+”|'[^']+')\s*,?\s+(?:please\s+)?(?:put|write|use|say|have\s+it\s+say|make\s+it\s+say|change\s+it\s+to)\s+(?<new>"[^"]+"|“[^”]+”|'[^']+')(?:\s+instead)?/) else { return nil }
        return "change " + quoted(match.old) + " to " + quoted(match.new)
    }

    /// "the second box under Why this site works - change its text to: …", "the first picture - caption should be
    /// …" → "change the text of the second box … to “…”".
    static func itsField(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?)\s*[-—–:,]+\s*(?:please\s+)?(?:change|set|update|make)\s+(?:its|the)\s+(?<field>text|title|caption|alt\s+text|description|label|heading|quote|answer|price|name|role|link|url)\s+(?:to|into)\s*:?\s+(?<value>.+)/)
            ?? text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+.+?)\s*[-—–:,]+\s*(?:its\s+|the\s+)?(?<field>text|title|caption|alt\s+text|description|label|heading|quote|answer|price|name|role|link|url)\s+(?:should|must|needs\s+to)\s+(?:be|say|read|now\s+be)\s*:?\s+(?<value>.+)/) {
            let reference = String(match.reference).replacing(/(?i)\s+(?:box|tile|block)(?=\s|$)/, with: " card")
                .replacing(/(?i)\s+(?:under|in|below)\s+(?:the\s+)?['"“]?[A-Z][^'"”]*?['"”]?(?:\s+section)?$/, with: "")
            return "change the " + match.field + " of " + reference + " to " + quoted(match.value)
        }
        return nil
    }

    /// "replace 'A 64-bit Linux or macOS machine' with '…' on the installation page" → "on the installation page
    /// replace '…' with '…'"; "in the installation page's requirements list please replace …" likewise.
    static func pageAfterQuotes(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?<verb>replace|change|swap|rename|update)\s+(?<old>"[^"]+"|“[^”]+”|'[^']+')\s+(?<join>with|to|for|into)\s+(?<new>"[^"]+"|“[^”]+”|'[^']+')\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[\w' -]{1,40}?\s+(?:page|post))[.!]?/) {
            let parts: [Substring] = ["on the", match.page, match.verb, match.old, match.join, match.new]
            return parts.joined(separator: " ")
        }
        if let match = text.firstMatch(of: /(?i)^in\s+(?:the\s+|our\s+)?(?<page>[\w' -]{1,40}?\s+(?:page|post))(?:'s|’s)\s+[\w -]{1,30}?\s+(?:list|section)\s*,?\s+(?:please\s+)?/) {
            var rest = String(text[match.range.upperBound...])
            let list = text[match.range].replacing(/(?i)^in\s+(?:the\s+|our\s+)?[\w' -]{1,40}?\s+(?:page|post)(?:'s|’s)\s+/, with: "").replacing(/\s*,?\s+(?:please\s+)?$/, with: "")
            rest = rest.replacing(/(?i)\b(?:that|this|the\s+same)\s+list\b/, with: "the " + list + " on the " + match.page)
            return "on the " + match.page + " " + rest
        }
        return nil
    }

    /// "On the About page, add a line 'X' at the top of the What we do list" → "… list on the About page": the page
    /// after the thing it holds, where the list and item rules read it.
    static func pageLast(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:on|in)\s+(?:the\s+|our\s+)?(?<page>[\w' -]{1,40}?\s+(?:page|post))\s*,?\s+(?:please\s+)?(?<rest>.+?)[.!]?/),
              match.rest.contains(/["“']/), !match.rest.lowercased().contains(" on the ") else { return nil }
        return match.rest + " on the " + match.page
    }

    /// "the headings need to be set in Georgia with a serif fallback" → "make the headings font Georgia".
    static func setInFont(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?<thing>headings?|titles?|body\s+text|body|text|paragraphs?)\s+(?:need\s+to|needs\s+to|should|must|have\s+to|has\s+to)\s+(?:be\s+)?(?:set\s+)?in\s+(?<font>[A-Z][\w ]{1,30}?)(?:\s*,?\s+with\s+(?:a\s+)?(?:serif|sans[-\s]?serif|monospace|system)\s+fallback)?[.!]?/) else { return nil }
        let thing = String(match.thing).lowercased().hasPrefix("head") || String(match.thing).lowercased().hasPrefix("title") ? "headings" : "body text"
        return "make the " + thing + " font " + match.font
    }

    /// "make the footer a soft sage green instead" → "make the footer sage green".
    static func softColour(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<head>(?:make|turn|paint|colou?r|change)\s+(?:the\s+|our\s+|my\s+)?[\w ]{1,30}?)\s+(?:(?:to|into)\s+)?(?:a\s+|an\s+)?(?:nice\s+|soft\s+|gentle\s+|muted\s+|calm\s+|lovely\s+|subtle\s+)+(?<colour>[a-z][\w -]{1,25}?)(?:\s+(?:colou?r|shade|tone))?(?:\s+instead)?[.!?]?/) else { return nil }
        return match.head + " " + match.colour
    }

    /// "change the primary accent from the current purple to exactly rgb(234, 88, 12)" → "change the primary accent
    /// to rgb(234, 88, 12)"; "make the wide blocks 80rem instead of 72rem" → "make the wide blocks 80rem".
    static func fromCurrent(_ text: String) -> String? {
        var out = text
        out = out.replacing(/(?i)\s+from\s+(?:the\s+)?(?:current|old|existing|present)\s+[\w#(), ]{1,30}?\s+to\s+(?:exactly\s+|precisely\s+|just\s+)?/, with: " to ")
        out = out.replacing(/(?i)\s+to\s+(?:exactly|precisely)\s+/, with: " to ")
        out = out.replacing(/(?i)\s+instead\s+of\s+(?:the\s+)?(?:current\s+)?[\w#.%(), -]{1,30}?[.!]?$/, with: "")
        out = out.replacing(/(?i)\bwide\s+(?:blocks|sections|areas|parts)\b/, with: "wide width")
        return out == text ? nil : out
    }

    /// "set the card background (the surface colour) to #fafaf9" → "set the surface colour to #fafaf9": the name in
    /// brackets is the one the site uses.
    static func bracketName(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)\bthe\s+[\w ]{1,30}?\s+\((?:the\s+|i\.e\.\s+|aka\s+|a\.k\.a\.\s+)(?<name>[\w ]{2,30}?)\)/) else { return nil }
        return String(text[..<match.range.lowerBound]) + "the " + match.name + String(text[match.range.upperBound...])
    }

    /// "the installation page says 100 MB of free disk space but it's actually more like 250 MB now" → "change
    /// “100 MB” on the installation page to “250 MB”": a number corrected, with its unit.
    static func numberCorrection(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?:(?:on|in)\s+(?:the\s+|our\s+)?(?<page>[\w ]{2,30}?)\s+page\s*,?\s+)?(?:it|the\s+(?<subject>[\w ]{1,30}?)(?:\s+page)?)\s+(?:says|said|reads|states|claims|mentions|lists)\s+[^.]*?(?<old>\b\d[\d.,]*\s*(?:mb|gb|kb|tb|%|px|rem|minutes?|mins?|hours?|days?|weeks?|people|seats|rooms|staff)\b)[^.]*?\bbut\s+(?:it'?s|its|it\s+is|that'?s|we|they|the\s+real\s+(?:number|figure)\s+is)?\s*(?:actually|actualy|acutally|really|in\s+fact|now)\s+(?:more\s+like\s+|closer\s+to\s+|about\s+|around\s+|roughly\s+)?(?<new>\d[\d.,]*\s*(?:mb|gb|kb|tb|%|px|rem|minutes?|mins?|hours?|days?|weeks?|people|seats|rooms|staff)\b)/) else { return nil }
        let unit = { (value: Substring) in value.lowercased().replacing(/[\d.,\s]/, with: "") }
        guard unit(match.old) == unit(match.new), match.old != match.new else { return nil }
        let page = match.page ?? match.subject
        return "change " + quoted(match.old) + (page.map { " on the " + $0 + " page" } ?? "") + " to " + quoted(match.new)
    }

    /// "Please amend the About page so that it says we have been building websites since 2011, not 2014" → "change
    /// “2014” on the About page to “2011”".
    static func notYear(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?:the\s+(?<page>[\w ]{2,30}?)\s+page\b)?[^.]*?\b(?:says?|reads?|read|mention|mentions)\s+[^.]*?\b(?<new>(?:19|20)\d\d)\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?<old>(?:19|20)\d\d)\b/), match.old != match.new else { return nil }
        return "change " + quoted(match.old) + (match.page.map { " on the " + $0 + " page" } ?? "") + " to " + quoted(match.new)
    }

    /// "make the header chocolate brown, with cream-coloured writing on it" → "make the header chocolate brown" and
    /// "make the header text cream".
    static func colourWithWriting(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<verb>make|turn|paint|colou?r)\s+(?:the\s+)?(?<area>header|footer|menu|navigation)\s+(?<bg>[\w -]+?)\s*,?\s+(?:with|and)\s+(?<fg>[\w -]+?)(?:[\s-]colou?red)?\s+(?:writing|text|words|letters|lettering)(?:\s+on\s+it)?(?:\s+so\s+.*)?[.!]?/) else { return nil }
        let area = String(match.area), background = String(match.bg), text = String(match.fg)
        return "make the \(area) \(background)\nmake the \(area) text \(text)"
    }

    /// "festival page pic should be project-3 not project-1" → "replace project-1 with project-3 on the festival page".
    static func pictureShouldBe(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)^(?:(?:on|in)\s+)?(?:the\s+)?(?<page>[\w' -]{2,40}?)\s+(?:page|post)(?:'s)?\s*,?\s+(?:the\s+)?(?:main\s+|big\s+)?(?:pic|picture|image|photo)\s+(?:should|needs\s+to)\s+be\s+(?<new>[\w.\/-]+)\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?<old>[\w.\/-]+)[.!]?$/)
            ?? text.firstMatch(of: /(?i)^(?:the\s+)?(?:main\s+|big\s+)?(?:pic|picture|image|photo)\s+on\s+the\s+(?<page>[\w' -]{2,40}?)\s+(?:page|post)\s+(?:should|needs\s+to)\s+be\s+(?<new>[\w.\/-]+)\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?<old>[\w.\/-]+)[.!]?$/)
        else { return nil }
        return "replace " + match.old + " with " + match.new + " on the " + match.page + " page"
    }

    /// "add a testimonial from Grace & Tom, married June 2025: "She handled the rain plan …"" → "add a testimonial
    /// "She handled …" - Grace & Tom, married June 2025".
    static func testimonialFrom(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<head>(?:please\s+)?(?:add|include|put)\s+(?:a|another|one\s+more|a\s+new)\s+(?:testimonial|review|quote))\s+from\s+(?<who>[^:"“]{2,60}?)\s*:\s*(?<quote>"[^"]+"|“[^”]+”)[.!]?/) else { return nil }
        return match.head + " " + match.quote + " - " + match.who
    }

    /// "place a link to the London Team page in the menu at the top, after Services" → "add London Team to the
    /// menu after Services".
    static func linkInMenu(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?:place|put|add|include|pop)\s+(?:a\s+)?(?:link|button|tab|item)\s+(?:to|for)\s+(?:the\s+|our\s+)?(?<page>[\w' -]+?)(?:\s+page)?\s+(?:in|to|on|into)\s+the\s+(?:main\s+|top\s+)?(?:menu|navigation|nav|navbar|nav\s+bar)(?:\s+(?:at|along)\s+the\s+top)?\s*,?\s*(?<position>(?:right\s+|just\s+)?(?:after|before)\s+[\w' ]+?)?\s*[?.!]*$/) else { return nil }
        return "add " + match.page + " to the menu" + (match.position.map { " " + $0 } ?? "")
    }

    /// "The Hello World post was actually written on the 28th of February 2026, not the 1st of March" → "change the
    /// date of the Hello World post to the 28th of February 2026".
    static func wasWrittenOn(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[\w' -]+?\s+(?:post|article|entry|page|project|case\s+study))\s+was\s+(?:actually\s+|really\s+|in\s+fact\s+|originally\s+)?(?:written|published|posted|finished|completed|launched|made|created|dated|done)\s+(?:on\s+|in\s+)?(?<date>[^,;.]+?)(?=\s*,\s*not\b|\s*[,;.]|\s*$)/) else { return nil }
        return "change the date of " + match.reference + " to " + match.date
    }

    /// "The FAQ answer to the free question is now wrong - it should say: …" → "change the FAQ answer to the free
    /// question to “…”".
    static func isWrongShouldSay(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?<reference>\bthe\s+[^.!?]{2,80}?)\s+is\s+(?:now\s+|still\s+)?(?:wrong|outdated|out\s+of\s+date|incorrect|out-of-date|not\s+right)\s*[-—–,;.:]+\s*(?:so\s+)?(?:it|that|this)\s+should\s+(?:now\s+)?(?:say|read|be)\s*:?\s+(?<value>.+)$/) else { return nil }
        return "change " + match.reference + " to " + quoted(match.value)
    }

    /// "The big headline still says Design that earns attention, which is the old studio's line - please make it
    /// Light, patience and a good eye instead" → "change the big headline to “…”".
    static func stillSays(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?<reference>\bthe\s+[\w ]{2,40}?)\s+(?:still\s+|currently\s+|now\s+)?(?:says|reads|shows)\s+[^.!?]*?(?:[-—–;]|\.\s+)\s*(?:so\s+)?(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:make|change|set|update|turn)\s+it\s+(?:to\s+|into\s+|say\s+|read\s+)?:?\s*(?<value>.+?)(?:\s+instead)?$/) else { return nil }
        return "change " + match.reference + " to " + quoted(match.value)
    }

    /// "project-3 alt text is wrong" → "change the alt text of project-3": the agent asks what it should say.
    static func fieldIsWrong(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?<thing>[\w.\/-]+?)(?:'s)?\s+(?<field>alt\s+text|caption|description|title)\s+is\s+(?:wrong|incorrect|outdated|off|bad|not\s+right)/) else { return nil }
        return "change the " + match.field + " of " + match.thing
    }

    /// "hero image: /img/work/01.jpg" → "add the hero image /img/work/01.jpg".
    static func heroImage(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?:hero|header|banner|main|top)\s+(?:image|picture|photo|pic)\s*[:=]?\s*(?:should\s+be\s+|to\s+)?(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))(?<rest>.*)/) else { return nil }
        return "add the hero image " + match.file + match.rest
    }

    /// "footer © Widget Inc." → "set the footer to “© Widget Inc.”".
    static func settingWithoutColon(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?<slot>footer(?:\s+text)?|tagline|site\s+title|description)\s+(?<value>©.+|"[^"]+"|“[^”]+”)/) else { return nil }
        return "set the " + match.slot + " to " + quoted(match.value)
    }

    /// "header_bg #0f172a, header_text #f8fafc" → "make the header background #0f172a and make the header text
    /// #f8fafc": settings named by key (or words) with a colour or length each.
    static func tokenList(_ text: String) -> String? {
        let parts = text.split(separator: /\s*[,;]\s*(?:and\s+)?/).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        guard parts.count >= 1, text.contains("_") || parts.count >= 2 else { return nil }
        var changes: [String] = []
        for part in parts {
            guard let pair = part.wholeMatch(of: /(?i)(?:the\s+)?(?<key>[a-z][a-z_ ]{1,30}?)\s*(?::|=|to)?\s+(?<value>#[0-9a-f]{3,8}|\d+(?:\.\d+)?(?:px|rem|em|%)|[a-z]+(?:\s+[a-z]+)?)/) else { return nil }
            let key = String(pair.key).replacingOccurrences(of: "_bg", with: " background").replacingOccurrences(of: "_", with: " ")
            changes.append("make the " + key + " " + pair.value)
        }
        guard changes.count == parts.count else { return nil }
        return changes.joined(separator: " and ")
    }

    /// "the heading above the pictures, 'Selected work', would read better as 'Recent projects'" → "change
    /// “Selected work” to “Recent projects”".
    static func readBetterAs(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)(?<old>"[^"]+"|“[^”]+”|'[^']+')[^"“']*?\s+(?:would|should|could|might|will)\s+(?:read|look|sound|work|be)\s+(?:better|nicer|best)\s+as\s+(?<new>"[^"]+"|“[^”]+”|'[^']+')/) else { return nil }
        return "change " + quoted(match.old) + " to " + quoted(match.new)
    }

    /// "Omar Haddad … is now Chief Product Officer at Pennywise, so his title should be updated" → "change Omar
    /// Haddad's role to “Chief Product Officer at Pennywise”".
    static func nowHasRole(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?<name>[A-Z][\w'-]+\s+[A-Z][\w'-]+)\s+(?:[^,.]*?\s+and\s+)?(?:is|works\s+as)\s+now\s+(?:the\s+|a\s+|an\s+)?(?<role>[^,.;]+?)\s*[,;]\s*(?:so\s+)?(?:his|her|their)\s+(?:title|role|job\s+title|position|job)\s+(?:should|must|needs\s+to)\s+(?:be\s+)?(?:updated|changed|say\s+so|reflect\s+that)/)
            ?? text.firstMatch(of: /(?<name>[A-Z][\w'-]+\s+[A-Z][\w'-]+)\s+(?:[^,.]*?\s+and\s+)?is\s+now\s+(?:the\s+|a\s+|an\s+)?(?<role>[^,.;]+?)(?:\s*[,;]\s*so\s+[^.]*?(?:title|role|position)\b[^.]*)?$/)
        else { return nil }
        return "change " + match.name + "'s role to " + quoted(match.role)
    }

    /// "the small line beneath the big title … is a touch too plain. Would you be so kind as to change it to read: …"
    /// → "change the small line beneath … to “…”": "it" is what the sentence before named.
    static func backReference(_ text: String) -> String? {
        guard let ask = text.firstMatch(of: /(?i)(?:^|[.!?]\s+)[^.!?]*?\b(?:change|make|set|update|turn|have)\s+(?:it|that|this)\s+(?:to\s+read|to\s+say|read|say|to|into)\s*:?\s+(?<value>.+)$/) else { return nil }
        let before = String(text[..<ask.range.lowerBound])
        guard let thing = before.firstMatch(of: /(?i)(?<reference>\bthe\s+[\w' ]{2,80}?)\s+(?:is|looks|seems|feels|reads|sounds|was|are)\s+[^.!?]*$/) else { return nil }
        return "change " + thing.reference + " to " + quoted(String(ask.value).replacing(/[.]$/, with: ""))
    }

    /// "the grey writing under the pictures is hard to read. Could it be made a darker grey" → "make the captions
    /// darker".
    static func hardToRead(_ text: String) -> String? {
        guard let thing = text.firstMatch(of: /(?i)(?<reference>\bthe\s+[\w ]{2,40}?)\s+(?:is|are)\s+(?:a\s+bit\s+|quite\s+|very\s+|really\s+|too\s+)?(?:hard|difficult|tough|impossible)\s+to\s+(?:read|see)/),
              let how = text.firstMatch(of: /(?i)\b(?<direction>darker|lighter|bigger|larger|smaller|bolder)\b/) else { return nil }
        return "make " + thing.reference + " " + how.direction
    }

    /// "the dark band at the very bottom should be dark green instead" (after `plainer`: "the footer should be dark
    /// green instead") → "make the footer dark green".
    static func lookOnly(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<reference>(?:the|our|my)\s+[\w ]{2,40}?)\s+(?:should|could|must|needs\s+to)\s+(?:be|become|look|turn)\s+(?<value>[\w# -]+?)(?:\s+instead|\s+please|\s+now)*/),
              StyleIntent.colour(in: String(match.value).split(separator: " ").map(String.init)) != nil || String(match.value).contains(/\d(?:px|rem|em|%)\b/) else { return nil }
        return "make " + match.reference + " " + match.value
    }

    /// "add 'Git 2.30 or newer' to requirements on installation page" → "… to the requirements on the installation
    /// page": articles left out by a hurried typist.
    static func articled(_ text: String) -> String? {
        let result = text.replacing(/(?i)\b(?<prep>to|from|on|in|of)\s+(?!the\b|a\b|an\b|our\b|my\b|his\b|her\b|their\b|its\b|it\b|this\b|that\b|\d)(?<word>[a-z][a-z-]+)\b(?=\s+(?:page|post|list|section|menu|on|in)\b|\s*$)/, with: { $0.prep + " the " + $0.word })
        return result == text ? nil : result
    }

    /// "delete the third bullet point under What we do on the About page" → "remove the third item from the What we do
    /// list on the About page".
    static func ordinalBullet(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:delete|remove|drop|cut)\s+the\s+(?<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(?:bullet(?:\s+point)?|item|point|line|entry|step)\s+(?:under|in|of|from|below)\s+(?:the\s+)?(?<list>.+?)(?:\s+(?:list|section|heading))?\s+(?:on|in)\s+the\s+(?<page>.+?\s+(?:page|post))/) else { return nil }
        return "remove the " + match.ordinal + " item from the " + match.list + " list on the " + match.page
    }

    /// "set the sidebar width to 14rem, it's eating too much space" → "set the sidebar width to 14rem".
    static func withoutReason(_ text: String) -> String? {
        // "Swap the hero headline to 'Websites that convert' - stronger USP above the fold".
        if let match = text.wholeMatch(of: /(?i)(?<main>.+?(?:"[^"]+"|“[^”]+”|'[^']+'))\s*(?:\s[-—–]+\s|[—–]\s*)[^"“']+/) {
            return String(match.main).replacing(/(?i)^swap\s+(?=.+\s+(?:to|into)\s)/, with: "change ")
        }
        guard let match = text.wholeMatch(of: /(?i)(?<main>.+?)\s*[,;—–]\s*(?:it'?s|it\s+is|they'?re|they\s+are|that'?s|because|since|as|cause|cos|(?:it|that|this|they)\s+(?:feels?|looks?|seems?|reads?|sounds?|would|will|'d))\s+[^"“]+/),
              let verb = match.main.split(separator: " ").first?.lowercased(), ValueSanity.instructionVerbs.contains(verb)
        else { return nil }
        return String(match.main)
    }

    /// "the heading above the form that says Start a project should read …" → "the heading “Start a project” should
    /// read …": a thing named by the words it shows, wherever it is said to be.
    static func describedByWords(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)\b(?<article>the|a|an)\s+(?<noun>(?:[\w-]+\s+){0,2}?(?:button|link|heading|headline|title|card|line|box|tab|menu\s+item|label|text|sentence|paragraph|bit|quote|question|answer|caption|item|entry|guide|page|post|section|picture|image|photo))(?:\s+(?:above|below|under|over|near|next\s+to|beside|at|in|on|of)\s+(?:the\s+)?[\w ]{2,30}?)?\s*,?\s+(?:that|which|where\s+it)\s+(?:currently\s+|still\s+|now\s+)?(?:says|reads|is\s+called|is\s+titled|is\s+named|shows)\s*:?\s+(?<old>"[^"]+"|“[^”]+”|'[^']+'|[^"“,;:—–]+?)(?=\s*[,;:—–]|\s+-\s|\s+(?:on|in)\s+the\s+[\w ]{1,30}?\s+(?:page|post)\b|\s+(?:should|to|can|could|must|needs?|into|with|so|and)\b)/)
        else { return nil }
        return String(text[..<match.range.lowerBound]) + "the " + match.noun + " " + quoted(match.old) + String(text[match.range.upperBound...])
    }

    /// "Our tagline 'We build things' feels old — please make it 'We design and build for small businesses'" →
    /// "change our tagline to “…”".
    static func makeIt(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:.*?[.!]\s+)?(?<reference>(?:the|our|my)\s+[^"“'—–]{2,40}?)(?:\s+(?:"[^"]+"|“[^”]+”|'[^']+'))?\s+(?:feels?|is|looks?|seems?|sounds?|reads?)\s+[^"“—–;]{2,40}?\s*(?:[—–;,.]|\s-)\s*(?:so\s+)?(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:make|change|set|update|turn)\s+it\s+(?:to\s+|into\s+|say\s+|read\s+)?:?\s*(?<value>"[^"]+"|“[^”]+”|'[^']+'|[A-Z0-9].+)/)
        else { return nil }
        return "change " + match.reference + " to " + quoted(match.value)
    }

    /// "the installation requirements should also mention 4 GB of RAM" → "add “4 GB of RAM” to the installation
    /// requirements".
    static func shouldMention(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<list>(?:the|our|my)\s+[\w ]{2,40}?)\s+(?:should|must|needs?\s+to)\s+(?:also\s+)?(?:mention|include|list|contain|have)\s+(?<item>.+)/) else { return nil }
        return "add " + quoted(match.item) + " to " + match.list
    }

    /// "Our brand colour is #e4572e — use it for links and buttons" → "make the links and buttons #e4572e".
    static func brandColour(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:our|my|the)\s+(?:brand|main|accent|primary|company|logo|house)\s+colou?r\s+is\s+(?<colour>#[0-9a-f]{3,8}|[a-z]+(?:\s+[a-z]+)?)\s*(?:[—–,;.:]|\s-)\s*(?:so\s+)?(?:please\s+)?(?:use|apply|put)\s+(?:it|that|this)\s+(?:for|on|as|to)\s+(?:the\s+|our\s+|my\s+|all\s+the\s+)?(?<targets>.+)/)
        else { return nil }
        return "make the " + match.targets + " " + match.colour
    }

    /// "The Hello World post URL should be /blog/welcome/ instead" → "change the Hello World post URL to …".
    static func pageAddress(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?<page>.+?)\s+(?<kind>post|page|article)(?:'s|’s)?\s+(?:url|address|link|path|slug|web\s+address)\s+(?:should|must|needs\s+to)\s+(?:be|become|now\s+be|change\s+to|be\s+changed\s+to)\s+(?<url>\/\S*?)(?:\s+instead)?/)
        else { return nil }
        return "change the " + match.page + " " + match.kind + " URL to " + match.url
    }

    /// "make headings Georgia" → "use Georgia for headings".
    static func fontFor(_ text: String) -> String? {
        // The font's name is capitalised ("(?i)" would let "[A-Z]" take "bigger").
        guard let match = text.wholeMatch(of: /(?i)(?:make|set|put|turn)\s+(?:the\s+|all\s+(?:the\s+)?|my\s+|our\s+)?(?<target>headings?|headlines?|titles?|body(?:\s+text)?|text|paragraphs|body\s+copy)\s+(?:to\s+|into\s+)?(?<font>[\w-]+(?:\s+[\w-]+){0,3})/),
              match.font.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }) else { return nil }
        return "use " + match.font + " for " + match.target
    }

    /// "i want that the button in header say Lets talk" → "change the button in the header to “Lets talk”".
    static func iWantThat(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:i|we)\s+(?:want|would\s+like|wish|need)\s+(?:that\s+)?(?<reference>(?:the|our|my)\s+.+?)\s+(?:say|says|read|reads|show|shows|to\s+say|to\s+read|will\s+say|should\s+say)\s*:?\s+(?<value>.+)/)
        else { return nil }
        let reference = String(match.reference).replacing(/(?i)\s(?<prep>in|on|of)\s+(?<thing>header|footer|menu|hero|navigation|nav)\b/, with: { " " + $0.prep + " the " + $0.thing })
        return "change " + reference + " to " + quoted(match.value)
    }

    /// "New FAQ entry. Q: Can I use it offline? A: Yes, …" → "add a FAQ question “…” with the answer “…”".
    static func questionAndAnswer(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)\bQ\s*[:.]\s*(?<q>.+?\?)\s*A\s*[:.]\s*(?<a>.+)$/) else { return nil }
        return "add a FAQ question " + quoted(match.q) + " with the answer " + quoted(match.a)
    }

    /// "add another feature card: Secure hosting - Every page is served over HTTPS" → "add a feature called “…”
    /// saying “…”"; "add a testimonial: 'I read every post twice.' - Priya Shah, product designer" → "add a
    /// testimonial from Priya Shah, product designer: “…”".
    static func listItemWithText(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?:add|put|insert|include)\s+(?:a|an|another|one\s+more|a\s+new)\s+(?:new\s+)?testimonial(?<place>\s+(?:to|on|in)\s+[^:]+?)?\s*:\s*(?<quote>"[^"]+"|“[^”]+”|'[^']+'|[^-—–]+?)\s*[-—–]+\s*(?<who>[^"“]+)/) {
            return "add a testimonial from " + match.who.trimmingWhitespace + ": " + quoted(match.quote) + (match.place.map { String($0) } ?? "")
        }
        if let match = text.wholeMatch(of: /(?i)(?:add|put|insert|include)\s+(?:a|an|another|one\s+more|a\s+new)\s+(?:new\s+|fourth\s+|third\s+|fifth\s+|second\s+|sixth\s+)?(?:feature(?:\s+card)?|card|benefit|item)(?<place>\s+(?:to|on|in)\s+[^:]+?)?\s*:\s*(?:the\s+)?(?:title|heading|name)\s*:?\s+(?<title>[^,;]+?)\s*[,;]\s*(?:and\s+)?(?:the\s+)?(?:text|description|body|blurb)\s*:?\s+(?<body>.+)/) {
            return "add a feature called " + quoted(match.title) + " saying " + quoted(match.body) + (match.place.map { String($0) } ?? "")
        }
        if let match = text.wholeMatch(of: /(?i)(?:add|put|insert|include)\s+(?:a|an|another|one\s+more|a\s+new)\s+(?:new\s+)?(?<noun>feature(?:\s+card)?|card|benefit)(?<place>\s+(?:to|on|in)\s+[^:]+?)?\s*:\s*(?<title>[^-—–:]+?)\s*(?:\s[-—–]+\s|[—–:])\s*(?<body>.+)/) {
            return "add a feature called " + quoted(match.title) + " saying " + quoted(match.body) + (match.place.map { String($0) } ?? "")
        }
        return nil
    }

    /// "The Careers page isn't in the navigation - add it after Services" → "add Careers to the menu after Services".
    static func pageNotInMenu(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+|our\s+|my\s+)?(?<page>[\w' -]{2,40}?)\s+page\s+(?:isn'?t|is\s+not|is\s+missing|doesn'?t\s+(?:show|appear))\s+(?:up\s+)?(?:in|on|from)\s+the\s+(?:navigation|menu|nav|navbar|nav\s+bar|top\s+menu|main\s+menu)(?:\s+(?:bar|yet))?\s*[-—–,;.]*\s*(?:so\s+)?(?:please\s+)?(?:add|put)\s+it(?:\s+(?:there|in|back))?(?<rest>.*)/)
        else { return nil }
        let rest = String(match.rest).replacing(/(?i)^\s*(?:in|to)\s+(?:the\s+)?(?:navigation|menu|nav)\b/, with: "")
        return "add " + match.page + " to the menu" + rest
    }

    /// "On the about page there's a list of what we do. Add one more point at the end: …" → "add “…” to the list on
    /// the about page".
    static func listAddition(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?:(?:on|in)\s+(?<page>(?:the\s+|our\s+|my\s+)?[\w ]{2,40}?\s+(?:page|post))\s*,?\s+)?there'?s\s+(?:a|the)\s+(?<list>[\w ]*?list|[\w ]*?bullets|[\w ]*?steps)(?:\s+(?:of|with)\s+[^.:]+?)?\s*[.;,]\s*(?:please\s+)?add\s+(?:one\s+more|another|a\s+new|an\s+extra|a)\s+(?:point|item|bullet(?:\s+point)?|entry|line|step)(?:\s+at\s+the\s+(?:end|bottom))?\s*:\s*(?<item>.+)/) {
            let page = match.page.map { " on " + $0 } ?? ""
            return "add " + quoted(match.item) + " to the list" + page
        }
        return nil
    }

    /// "we no longer need 100MB free disk space, drop that requirement" → "remove “100MB free disk space”".
    static func noLongerNeeded(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:we|you|it|the\s+\w+|users?|people)\s+(?:no\s+longer|don'?t|do\s+not|doesn'?t|does\s+not)\s+(?:need|require|needs|requires)\s+(?<item>.+?)\s*(?:\s+any\s*more)?\s*[,;.—–-]+\s*(?:so\s+)?(?:please\s+)?(?:drop|remove|delete|cut|take\s+out|get\s+rid\s+of)\s+(?:that|this|it)(?:\s+\w+)?/)
        else { return nil }
        return "remove " + quoted(String(match.item).replacing(/(?i)\s+any\s*more$/, with: ""))
    }

    /// "The guide called 'Your first project' should be titled 'Build your first project'" → "rename “…” to “…”".
    static func renameCalled(_ text: String) -> String? {
        // "the tip box titled Good to know should be titled Handy tip instead" (unquoted).
        if let match = text.wholeMatch(of: /(?i)(?:(?:in|on)\s+(?:the\s+)?(?<page>[\w ]{2,30}?)(?:\s+page)?\s*,\s*)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:box|callout|card|section|heading|guide|page|post|tip|note|warning|item|entry|tab|link|button)\s+(?:titled|called|named|headed|labelled|labeled)\s+(?<old>[^"“'].+?)\s+(?:should|must|needs\s+to)\s+(?:be\s+)?(?:titled|called|named|headed|labelled|labeled|renamed(?:\s+to)?|retitled(?:\s+to)?)\s+(?<new>.+?)(?:\s+instead)?/) {
            return "change " + quoted(match.old) + (match.page.map { " on the " + $0 + " page" } ?? "") + " to " + quoted(match.new)
        }
        guard let match = text.wholeMatch(of: /(?i)(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:guide|page|post|article|doc|project|entry|tutorial|section)\s+(?:called|titled|named)\s+(?<old>"[^"]+"|“[^”]+”|'[^']+')\s+(?:should|must|needs\s+to)\s+(?:be\s+)?(?:titled|called|named|renamed(?:\s+to)?|retitled(?:\s+to)?|read)\s+(?<new>.+)/)
        else { return nil }
        return "rename " + quoted(match.old) + " to " + quoted(match.new)
    }

    /// "replace the words Ideas, work and notes with Small team, careful work wherever they appear" → "replace
    /// “Ideas, work and notes” with “Small team, careful work” everywhere".
    static func replaceEverywhere(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:.*?\b)?(?:replace|swap|change)\s+(?:the\s+|all\s+)?(?:words?\s+|text\s+|phrase\s+|wording\s+|sentence\s+)?(?<old>.+?)\s+(?:with|by|for|to)\s+(?<new>.+?)\s*,?\s+(?:wherever\s+(?:it|they)\s+(?:appears?|occurs?|comes?\s+up|is|are|shows?\s+up)|everywhere(?:\s+on\s+the\s+site)?|on\s+(?:every|each|all)\s+pages?|across\s+the\s+(?:whole\s+)?(?:site|website)|throughout(?:\s+the\s+(?:site|website))?|site-?wide)(?:[.!,]?\s.*|[.!])?/)
        else { return nil }
        return "replace " + quoted(match.old) + " with " + quoted(match.new) + " everywhere"
    }

    /// "Give the site a tagline: …" → "set the tagline to “…”"; "give the Pricing page the description …" → "set the
    /// description of the Pricing page to “…”".
    static func giveField(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:give|add)\s+(?<owner>.+?)\s+(?:a|an|the)\s+(?:new\s+|short\s+)?(?<field>tagline|slogan|description|seo\s+description|meta\s+description|title|subtitle|caption|heading|alt\s+text|footer(?:\s+text)?)\s*(?:to|of|:|saying|that\s+says|reading)?\s+(?<value>.+)/)
        else { return nil }
        let owner = String(match.owner).lowercased()
        if owner.contains(/^(?:the\s+|our\s+|my\s+)?(?:site|website|blog|docs)$/) {
            return "set the " + match.field + " to " + quoted(match.value)
        }
        if owner == "it" { return nil }
        return "set the " + match.field + " of " + match.owner + " to " + quoted(match.value)
    }

    /// "the tidy desk post - date it 12 March 2025", "Date the first post 5 Jan 2025" → "change the date of … to …".
    static func datePost(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?<post>(?:the\s+|my\s+|our\s+)?.+?\s+(?:post|article|entry|page))\s*[-—–:,]+\s*(?:please\s+)?(?:date|backdate)\s+it\s+(?:to\s+|on\s+|as\s+)?(?<date>.+)/) {
            return "change the date of " + match.post + " to " + match.date
        }
        if let match = text.wholeMatch(of: /(?i)(?:date|backdate)\s+(?<post>(?:the\s+|my\s+|our\s+).+?\s+(?:post|article|entry))\s+(?:to\s+|on\s+|as\s+)?(?<date>(?:\d|the\s+\d|[A-Z][a-z]+\s+\d).+)/) {
            return "change the date of " + match.post + " to " + match.date
        }
        return nil
    }

    /// "punch up the hero CTA: label it See our work and have it drive traffic to /blog/" → "change the hero CTA
    /// to “See our work” and point it at /blog/".
    static func labelIt(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:[\w ]{0,20}?\s+(?:up\s+)?)?(?<reference>(?:the|our|my)\s+[^:]{2,50}?)\s*[:—–-]+\s*(?:please\s+)?(?:label|call|name|title|retitle|relabel)\s+it\s+(?<value>.+?)(?:\s+and\s+(?:have|make|get|let)\s+it\s+(?:drive\s+(?:traffic|people|visitors|users)|send\s+(?:people|visitors|users)|go|point|link|lead)\s+(?:to|at)\s+(?<url>\S+))?/)
        else { return nil }
        let reference = String(match.reference)
        let change = "change " + reference + (reference.lowercased().contains(/\b(?:button|cta|link)\b/) && !reference.lowercased().contains(/\b(?:label|text)\b/) ? " label" : "") + " to " + quoted(match.value)
        return change + (match.url.map { " and point it at " + $0 } ?? "")
    }

    /// "Maya's quote needs updating, she now wants it to say: …" → "change Maya's quote to “…”".
    static func updatingWants(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<reference>.+?)\s+(?:needs?|could\s+use|wants?|requires?)\s+(?:updating|changing|fixing|an?\s+update|a\s+tweak|a\s+change|to\s+(?:be\s+)?(?:updated|changed|fixed))\s*[,;.:—–-]*\s*(?:(?:she|he|they|i|we|the\s+\w+)\s+(?:now\s+)?(?:wants?|would\s+like|'d\s+like|asked\s+for|asks\s+for)\s+(?:it|that|this)\s+to|(?:please\s+)?(?:make|have|let)\s+it|it\s+should(?:\s+now)?|it\s+needs\s+to)\s+(?:say|read|be)\s*:?\s+(?<value>.+)/)
        else { return nil }
        return "change " + cleanReference(match.reference) + " to " + quoted(match.value)
    }

    /// "my mum wants the footer to say © 2026 …", "I'd like the tagline to read …" → "change the footer to “…”".
    static func wantsToSay(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?:[\w'’ ]{1,30}?\s+)?(?:wants?|would\s+like|'d\s+like|need|needs|asked\s+for|asks\s+for|prefer|prefers)\s+(?<reference>(?:the|our|my|his|her|their)\s+.+?)\s+to\s+(?:say|read|show|display|be\s+changed\s+to)\s*:?\s+(?<value>.+)/)
        else { return nil }
        return "change " + match.reference + " to " + quoted(match.value)
    }

    /// "the heading “Start a project” on the contact page should read Let's talk instead", "could the little intro
    /// above the contact form say '…' instead" → "change … to “…”".
    static func shouldSay(_ text: String) -> String? {
        if let match = text.wholeMatch(of: /(?i)(?:(?:on|in)\s+(?<page>(?:the\s+|our\s+|my\s+)?[\w ]{2,40}?\s+(?:page|post))\s*,\s*)?(?<reference>.+?)\s+(?:should|must|needs?\s+to|has\s+to|ought\s+to|is\s+to|can|could|would|will)\s+(?:now\s+|instead\s+|also\s+|rather\s+|actually\s+)*(?<verb>read|say|be|become|show|display|state|be\s+changed\s+to|be\s+updated\s+to)\s*:?\s+(?<value>.+)/) {
            // "should be bold", "could be better": a look or a wish, not words — only quoted, capitalised or several
            // words are text after "be".
            let value = String(match.value)
            if value.lowercased().contains(/^(?:titled|called|named|headed|labell?ed|renamed|retitled)\b/) { return nil }
            if ["be", "become"].contains(String(match.verb).lowercased()),
               !(value.first.map { "\"“'".contains($0) || $0.isUppercase || $0.isNumber } ?? false) && value.split(separator: " ").count < 3
                || !(value.first.map { "\"“'".contains($0) } ?? false) && (StyleIntent.colour(in: value.split(separator: " ").map(String.init)) != nil || value.contains(/\d(?:px|rem|em|%)\b/)) {
                return nil
            }
            let page = match.page.map { " on " + $0 } ?? ""
            return "change " + cleanReference(match.reference) + page + " to " + quoted(match.value)
        }
        if let match = text.wholeMatch(of: /(?i)(?:(?:on|in)\s+(?<page>(?:the\s+|our\s+|my\s+)?[\w ]{2,40}?\s+(?:page|post))\s*,\s*)?(?:could|can|would)\s+(?<reference>(?:the|our|my)\s+.+?)\s+(?:say|read|show)\s*:?\s+(?<value>.+)/) {
            let page = match.page.map { " on " + $0 } ?? ""
            return "change " + match.reference + page + " to " + quoted(match.value)
        }
        return nil
    }

    /// "change the big title on the first page into: …" → "change … to “…”".
    static func into(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(?i)(?<verb>change|turn|update|set|make|edit)\s+(?<reference>.+?)\s+into\s*:?\s+(?<value>.+)/) else { return nil }
        return "change " + match.reference + " to " + quoted(match.value)
    }

    // MARK: - Spelling

    /// Words that look like typos of slot words or colour names but are words of their own.
    static let realWords: Set<String> = ["reading", "leading", "loading", "heating", "seating", "shading", "trading", "grey", "gray", "red", "tan", "rose", "read", "bred", "fed", "bed", "led", "ted", "wed", "tree", "free", "been", "seen", "keen", "when", "then", "them", "they", "wine", "line", "lime", "time", "mine", "fine", "pine", "gold", "bold", "cold", "hold", "told", "sold", "fold", "mold", "blur", "blush", "black", "block", "back", "lack", "slack", "plum", "plus", "tell", "teal", "real", "seal", "deal", "meal", "aqua", "navy", "wavy", "text", "next", "page", "pages", "form", "farm", "foam", "from", "font", "fonts", "front"]

    /// "make the foter backround dark gren" → "make the footer background dark green": one edit away from exactly one
    /// slot word or colour name (four letters or more), outside quotes.
    static func spelled(_ text: String) -> String? {
        guard !text.contains(where: { "\"“”".contains($0) }) else { return nil }
        let slotWords = KeywordSpelling.slots.union(["footer", "header", "background", "text", "links", "border", "heading", "headings",
                                                     "should", "could", "would", "rounder", "rounded", "square", "bigger", "smaller", "darker",
                                                     "lighter", "wider", "narrower", "bolder", "description", "question", "answer"])
        let colours = Set(ColorWords.hex.keys.filter { !$0.contains(" ") && !$0.contains("-") }).union(CSSNamedColors.hex.keys.filter { $0.count <= 8 })
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { typed -> String in
            // "roundr,": the punctuation after a word stays.
            let tail = String(typed.reversed().prefix { ",;:.!?".contains($0) }.reversed())
            let word = typed.dropLast(tail.count)
            let lowered = word.lowercased()
            guard lowered.count >= 4, lowered.allSatisfy(\.isLetter), !realWords.contains(lowered), !slotWords.contains(lowered), !colours.contains(lowered) else { return String(typed) }
            let close = (slotWords.union(colours)).filter { candidate in
                abs(candidate.count - lowered.count) <= 1 && KeywordSpelling.distance(lowered, candidate) == 1
                    && (candidate.count > 4 || KeywordSpelling.isSwap(lowered, candidate) || candidate.count == lowered.count + 1)
            }
            guard close.count == 1, let fix = close.first else { return String(typed) }
            changed = true
            return fix + tail
        }
        return changed ? words.joined(separator: " ") : nil
    }
}
