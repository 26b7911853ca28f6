import Foundation
import SiteCompiler
/// Decides a request by trying each ``RequestIntent`` in order.
///
/// When a request resumes with an answer the intent does not recognise as one of its options, the answer is
/// tried as a request of its own ("make it pop" → "use the docs theme"); failing that the question is asked
/// again.
struct Interpreter {
    var intents: [any RequestIntent]
    /// Installed themes, for the default token values replies quote.
    var schemas: ThemeSchemas?

    /// Most instructions one message may hold: each is a full edit, and a 700-part message kept a worker busy
    /// for 19 s in an attack run.
    static let maxInstructions = 20

    /// The intents of the embedded agent, most specific first; `themes` gives component props their names.
    static func embedded(themes: ThemeLibrary? = nil) -> Interpreter {
        var interpreter = base
        let schemas = ThemeSchemas(library: themes)
        interpreter.schemas = schemas
        if let index = interpreter.intents.firstIndex(where: { $0 is ComponentAddIntent }) {
            interpreter.intents[index] = ComponentAddIntent(schemas: schemas)
        }
        if let index = interpreter.intents.firstIndex(where: { $0 is QuotedTextIntent }) {
            interpreter.intents[index] = QuotedTextIntent(slots: SlotIntent(schemas: schemas))
        }
        if let index = interpreter.intents.firstIndex(where: { $0 is ComponentPropIntent }) {
            interpreter.intents.insert(contentsOf: [NamedPropIntent(schemas: schemas) as any RequestIntent, SlotIntent(schemas: schemas), ScalarListIntent(schemas: schemas), ListItemIntent(schemas: schemas), SectionOrderIntent()], at: index + 1)
        }
        // Last: looks asked for in any word order, once nothing more specific understood the message.
        interpreter.intents.append(StyleIntent(schemas: schemas))
        return interpreter
    }

    private static let base = Interpreter(intents: [
        SmallTalkIntent(),
        FileQuestionIntent(),
        UndoIntent(),
        UnsupportedIntent(),
        VagueIntent(),
        SocialLinkIntent(),
        TagIntent(),
        ThemeIntent(),
        NavIntent(),
        SiteSettingIntent(),
        TokenIntent(),
        QuotedTextIntent(),
        ComponentPropIntent(),
        ComponentRemoveIntent(),
        ComponentAddIntent(),
        ImageIntent(),
        BodyListIntent(),
        BodyTextIntent(),
        PublishIntent(),
        PostCreationIntent(),
        PageURLIntent(),
        PageCreationIntent(),
        PageRenameIntent(),
        PageDeletionIntent(),
    ])

    /// Resolves the request, then checks the names the change would store (``ValueSanity``): a value that
    /// swallowed another instruction or runs long becomes a question instead of a version.
    func resolve(_ context: AgentContext) throws -> Resolution {
        // "Before I change anything: the headline would become “… and point the button at /about/” … What should
        // it say?" answered: the answer replaces that value in the message, and the rest of the message (the other
        // instruction) is left for a request of its own, as the question said.
        if let asked = context.question, asked.text.hasPrefix("Before I change anything:"),
           let answer = context.answer?.trimmingWhitespace, !answer.isEmpty {
            var plain = context
            plain.question = nil
            plain.answer = nil
            if case .change(let workspace, _) = try decide(plain),
               let (_, value) = ValueSanity.suspect(from: context.source, to: workspace.files),
               let range = context.message.range(of: value) {
                let said = Self.answeredValue(answer)
                // "I meant the callout box on the About page, not the site title: …": a correction, not the value — it
                // is a request of its own (a name that long would be stored as it is, quoted).
                if answer.lowercased().contains(/^(?:i\s+meant|i\s+mean|no[,.!]|nope|not\s+the|sorry|actually|wrong\s+(?:one|thing))\b/)
                    || said.count > ValueSanity.maxNameLength && asked.text.contains(/the (?:site title|menu label|page title|post title) would become/) {
                    var fresh = context
                    fresh.message = answer
                    fresh.question = nil
                    fresh.answer = nil
                    return try resolve(fresh)
                }
                plain.message = String(context.message[..<range.lowerBound]) + "“" + said + "”" + String(context.message[range.upperBound...])
                let resolution = try resolve(plain)
                // The rest of the old value was another instruction: say it was not done, never drop it silently.
                let left = value.hasPrefix(said) ? String(value.dropFirst(said.count)).replacing(/^[\s,;.]*(?:and\s+|then\s+)?/, with: "") : ""
                if case .change(let workspace, let summary) = resolution, !left.isEmpty {
                    return .change(workspace, summary: summary + " Not done: “\(left.prefix(120))” — send it as a request of its own.")
                }
                return resolution
            }
        }
        var resolution = try decide(context)
        if case .change(var workspace, var summary) = resolution {
            FullStops.restore(source: context.source, files: &workspace.files, message: context.message + "\n" + (context.answer ?? ""), summary: &summary)
            resolution = .change(workspace, summary: summary)
        }
        if case .change(let workspace, _) = resolution,
           let question = ValueSanity.question(from: context.source, to: workspace.files, message: context.message + "\n" + (context.answer ?? "")) {
            return .question(question)
        }
        // "There is no page called …": nothing was done because what the request names does not exist. That is a
        // refusal (exit 1 for scripts), not "no change needed" (exit 0), which is kept for requests already done
        // and for choices to leave things as they are.
        if case .noChange(let reason) = resolution, !Self.isSatisfied(reason) {
            return .unsupported(reason)
        }
        return resolution
    }

    /// A no-change reply that means the request holds already (or the person chose to keep things).
    static func isSatisfied(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return lowered.contains("already") || lowered.contains("nothing changed") || lowered.contains("as they are")
            || lowered.hasPrefix("kept ") || lowered.hasPrefix("left ") || lowered.contains("queued behind") || lowered.hasPrefix("nothing to change")
            || lowered.contains("cannot look at pictures") || lowered.contains("cannot look at the picture")
    }

    /// Long messages are first read sentence by sentence (``Segments``): the instructions inside a letter or a
    /// forwarded e-mail, done all together or not at all. When that reading makes no change, the message is
    /// decided whole; the reading's specific reason replaces only the generic refusal.
    private func decide(_ context: AgentContext) throws -> Resolution {
        guard context.answer == nil, !Self.segmenting, let parts = Segments.parts(context.message) else {
            return try decideWhole(context)
        }
        let site = try snapshot(context.source, installedThemes: context.installedThemes)
        let segmented = try Self.$segmenting.withValue(true) { try segmentedResolution(parts, context, site: site) }
        if case .change? = segmented { return segmented! }
        let whole = try decideWhole(context)
        guard let segmented, case .unsupported(let reason) = whole, Self.isNotUnderstood(reason) else { return whole }
        return segmented
    }

    /// Whether a decision is already inside a sentence-by-sentence reading (its parts are not read so again).
    @TaskLocal static var segmenting = false

    /// The instructions of a long message done one after another over the same files: the change of them all, or
    /// the reason one of them cannot be done (nil when no sentence is an instruction).
    private func segmentedResolution(_ given: [Segments.Part], _ context: AgentContext, site: SiteSnapshot) throws -> Resolution? {
        var parts: [String] = []
        for var part in given {
            // "On the project page, …" where the site has no page of that name: the words were no page's name.
            if let scoped = part.text.prefixMatch(of: /(?i)on\s+the\s+(?<name>[\w&' -]{1,40}?)\s+(?:page|post),\s+/) {
                let name = String(scoped.name)
                if !name.lowercased().contains(/^(?:home|homepage|front|main)$/), case .none = site.findPage(name) {
                    part.text = String(part.text[scoped.range.upperBound...])
                }
            }
            if part.certain { parts.append(part.text); continue }
            // "It says 2014 but we actually opened in 2011": a statement that is a request when it makes a change.
            var alone = context
            alone.message = part.text
            if case .change? = try firstResolution(AgentRequest(context: alone, site: site)) { parts.append(part.text) }
        }
        guard !parts.isEmpty, parts.count <= Self.maxInstructions else { return nil }
        if parts.count == 1 {
            var alone = context
            alone.message = parts[0]
            let resolution = try decideWhole(alone)
            if case .unsupported(let reason) = resolution, Self.isNotUnderstood(reason) { return nil }
            return resolution
        }
        if let combined = try compound(context, parts: parts), case .change = combined { return combined }
        var current = context
        var workspace = Workspace(files: context.source)
        var summaries: [String] = []
        for (index, part) in parts.enumerated() {
            current.message = part
            let which = "part \(index + 1) (“\(part.prefix(80))”)"
            switch try decideWhole(current) {
            case .change(let done, let summary):
                workspace.steps += done.steps
                workspace.warnings += done.warnings
                workspace.files = done.files
                current.source = done.files
                summaries.append(summary)
            case .noChange(let reason) where reason.lowercased().contains("already"):
                summaries.append(reason)
            case .question(let question):
                return .unsupported("Nothing was changed: \(which) needs an answer first — \(question.text) Send it on its own, and the other parts with it or after it.")
            case .unsupported(let reason) where !Self.isNotUnderstood(reason):
                return .unsupported("Nothing was changed: I cannot do \(which). \(reason)")
            default:
                return .unsupported("Nothing was changed: I could not work out \(which). Say it another way (for example “change the footer to …”), or send it on its own.")
            }
        }
        guard workspace.files != context.source else { return .noChange(summaries.joined(separator: " ")) }
        return .change(workspace, summary: summaries.joined(separator: " "))
    }

    private func decideWhole(_ context: AgentContext) throws -> Resolution {
        let site = try snapshot(context.source, installedThemes: context.installedThemes)
        let request = AgentRequest(context: context, site: site)
        if let answer = context.answer?.trimmingWhitespace, !answer.isEmpty, let asked = context.question,
           !asked.options.isEmpty, !AnswerMatcher.isStrongPick(answer, among: asked.options),
           answer.split(separator: " ").count <= 12,
           let standalone = try standaloneResolution(of: answer, context: context, site: site) {
            // "switch to the docs theme" answering "make it pop": a request of its own beats a loose option match.
            return standalone
        }
        // "Call the site Northwind Tea and make the buttons green": clauses that each start with a verb are
        // separate instructions, so no value can swallow the next one.
        let clauses = context.answer == nil ? Self.verbClauses(AgentRequest.withoutPleas(context.message)).count : 1
        if clauses > Self.maxInstructions {
            return .unsupported("This message holds \(clauses) separate instructions; the offline agent does at most \(Self.maxInstructions) in one request. Send them in smaller groups.")
        }
        if context.answer == nil, clauses > 1,
           let combined = try compound(context, parts: Self.verbClauses(AgentRequest.withoutPleas(context.message))) {
            return combined
        }
        // "1) tagline: Websites for small businesses 2) square corners": a numbered list, one instruction each; a
        // part that cannot be done stops the whole message (nothing is stored with a part left out).
        if context.answer == nil, context.message.contains(/^\s*1[).:]\s+\S.*\s2[).:]\s+\S/) {
            let parts = context.message.split(separator: /(?:^|\s+)\d{1,2}[).:]\s+/).map { String($0).trimmingWhitespace.replacing(/[,;]$/, with: "") }.filter { !$0.isEmpty }
            if parts.count >= 2 {
                if let combined = try compound(context, parts: parts) { return combined }
                return Self.diagnosis(of: try resolvedParts(parts, context, site: site))
                    ?? .unsupported("I could not do every item of this list, so nothing was changed. Send the items one at a time to see which one I cannot do.")
            }
        }
        // "The text font should be Helvetica, the headings too": the normalised message holds the clauses.
        if context.answer == nil, clauses == 1 {
            let normalised = Self.verbClauses(request.message)
            if normalised.count > 1, normalised.count <= Self.maxInstructions, let combined = try compound(context, parts: normalised) {
                return combined
            }
        }
        // "Change the gallery title to Recent projects and the testimonials title to Kind words": the second
        // instruction leaves out its verb.
        if context.answer == nil, clauses == 1, let parts = Self.ellipticalParts(request.message),
           let combined = try compound(context, parts: parts) {
            return combined
        }
        guard let resolution = try firstResolution(request) else {
            if context.answer == nil, let combined = try compound(context) { return combined }
            // "we're hiring a back-end developer now. can you fix the careers page": context first, then the request
            // in a sentence of its own — when the earlier sentences hold no instruction, the last one is the request.
            if context.answer == nil {
                var sentences: [String] = []
                var start = context.message.startIndex
                for end in context.message.ranges(of: /[.!?]\s+/) {
                    sentences.append(String(context.message[start..<end.lowerBound]) + String(context.message[end].prefix(1)))
                    start = end.upperBound
                }
                sentences.append(String(context.message[start...]))
                sentences = sentences.map(\.trimmingWhitespace).filter { !$0.isEmpty }
                if sentences.count >= 2, let last = sentences.last,
                   !sentences.dropLast().contains(where: { sentence in
                       let first = sentence.split(separator: " ").first.map { $0.lowercased() } ?? ""
                       return ValueSanity.instructionVerbs.contains(first) || sentence.contains(where: { "\"“”".contains($0) })
                   }) {
                    var alone = context
                    alone.message = last
                    if let resolution = try firstResolution(AgentRequest(context: alone, site: site)) {
                        switch resolution {
                        case .change, .question: return resolution
                        default: break
                        }
                    }
                }
            }
            // "Header background navy, header text white": settings listed without a verb — each part is a look.
            if context.answer == nil, let first = request.message.split(separator: " ").first?.lowercased(),
               !ValueSanity.instructionVerbs.contains(first) {
                var parts = request.message.split(separator: /\s*[,;]\s*(?:and\s+)?|\s+and\s+/).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                // "header black, writing white": the writing of the header named just before.
                for index in parts.indices.dropFirst() {
                    if let area = parts[index - 1].firstMatch(of: /(?i)\b(?<area>header|footer|top\s+bar|nav(?:igation)?\s+bar)\b/),
                       parts[index].contains(/(?i)^(?:the\s+)?(?:writing|text|words|letters|font\s+colou?r|lettering)\s/) {
                        parts[index] = String(area.area) + " " + parts[index].replacing(/(?i)^the\s+/, with: "")
                    }
                }
                // "title Flow & Rest, tagline Slow yoga notes": a setting and its value without a colon.
                parts = parts.enumerated().map { index, part in
                    if let setting = part.wholeMatch(of: /(?i)(?:site\s+)?(?<key>title|tagline|footer|author|description|headline|subheadline|subtitle)\s+(?!(?:to|is|should|colou?r|background|font)\b)(?<value>.+)/) {
                        return "set the " + (setting.key.lowercased() == "title" ? "site title" : String(setting.key)) + " to " + Rephrasing.quoted(setting.value)
                    }
                    return index == 0 ? "make " + part : part
                }
                if parts.count > 1, let combined = try compound(context, parts: parts) { return combined }
            }
            if let missing = Self.missing(request) { return missing }
            return Self.notUnderstood(request.message)
        }
        // "rename the Work menu item to Portfolio, change the … button to …, and add Wedding date as a field …": when
        // the parts could not all be done, one edit must not stand for the whole message (the rest silently
        // dropped) — say which part is the problem instead.
        if context.answer == nil, case .change = resolution, clauses > 1 {
            let parts = try resolvedParts(Self.verbClauses(AgentRequest.withoutPleas(context.message)), context, site: site)
            let actionable = parts.filter { part in
                switch part.resolution {
                case .change?, .question?: return true
                default: return false
                }
            }
            if actionable.count >= 2, let reason = Self.diagnosis(of: parts) { return reason }
        }
        guard case .question(let question) = resolution, let answer = context.answer?.trimmingWhitespace, !answer.isEmpty,
              let asked = context.question, asked == question || asked.options == question.options && asked.text.hasSuffix(question.text)
        else { return resolution }
        // The answer picked no option: maybe it is a request of its own.
        if let alternative = try standaloneResolution(of: answer, context: context, site: site) { return alternative }
        return .question(AgentQuestion(text: "I didn't understand “\(answer)”. " + question.text, options: question.options))
    }

    /// "make the header dark blue and add Blog to the menu": when the whole message is not understood but each
    /// part is a clear edit (or needs none), the parts are applied one after another and reported together.
    private func compound(_ context: AgentContext, parts given: [String]? = nil) throws -> Resolution? {
        var parts = given ?? context.message.split(separator: /(?i)\s*(?:;|\band then\b|,\s*then\b|\band also\b|,?\s+and\b|\.\s+)\s*/)
            .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        // "set the title to Making Things and the tagline to Notes from the workbench; also make headings Georgia":
        // a part may itself be one verb with several objects.
        if given != nil {
            parts = parts.flatMap { part in
                Self.ellipticalParts(part.replacing(/[;,]$/, with: "").replacing(/(?i)^(?:please|pls|kindly|and|also)\s+/, with: "")) ?? [part]
            }
        }
        guard parts.count > 1 else { return nil }
        guard parts.count <= Self.maxInstructions else {
            return .unsupported("This message holds \(parts.count) separate instructions; the offline agent does at most \(Self.maxInstructions) in one request. Send them in smaller groups.")
        }
        var current = context
        var workspace = Workspace(files: context.source)
        var summaries: [String] = []
        // "make the buttons black and the header red": later parts may leave out the first part's verb.
        let verb = parts[0].split(separator: " ").first.map(String.init) ?? ""
        // "change the Hello World post's date to … and its description to …": "its" is what the first part named.
        // "the tidy desk post's": lower-case words after "the" belong to the name too.
        let owner = (parts[0].firstMatch(of: /\b[Tt]he\s+(?:[\w-]+\s+){0,5}?[\w-]+(?:'s|’s)(?=\s)/)
            ?? parts[0].firstMatch(of: /(?:[Tt]he\s+)?(?:[A-Z0-9][\w-]*\s+)*[\w-]+(?:'s|’s)(?=\s)/)).map { String($0.0) }
        var previousPart: String?
        var lastPage: String?
        // The list item the step before added ("add a feature "Illustration" …, then move it to the top").
        var lastItem: String?
        for var part in parts {
            if let owner = owner ?? lastPage.map({ "the " + $0 + " page's" }), part.contains(/(?i)(?:^|\s)its\s/) {
                part = part.replacing(/(?i)(^|\s)its\s/, with: { $0.1 + owner + " " })
            }
            // "change Omar Haddad's role to … and his quote to …": a person named first.
            if let owner, owner.first?.isUppercase == true, part.contains(/(?i)(?:^|\s)(?:his|her|their)\s/) {
                part = part.replacing(/(?i)(^|\s)(?:his|her|their)\s/, with: { $0.1 + owner + " " })
            }
            // "change the hero button to Browse projects and point it at /work/": the link of what was just renamed.
            if let point = part.wholeMatch(of: /(?i)(?:point|link|send|direct)\s+(?:it|that|this|them)\s+(?:at|to|towards)\s+(?<url>.+)/),
               let previous = previousPart?.firstMatch(of: /(?i)^(?:change|set|update|rename|make)\s+(?<reference>.+?)\s+(?:to|into)\s+/) {
                part = previous.reference + " should go to " + point.url
            }
            // "Change the big headline to … and the button under it to …": "it" is what the part before named.
            if let previous = previousPart?.firstMatch(of: /(?i)^(?:change|set|update|rename|make)\s+(?<reference>.+?)\s+(?:to|into)\s+/),
               part.contains(/(?i)\b(?:under|below|beneath|above|next\s+to|beside)\s+it\b/) {
                part = part.replacing(/(?i)\b(?<where>under|below|beneath|above|next\s+to|beside)\s+it\b/, with: { $0.where + " " + previous.reference })
            }
            if let lastItem, part.contains(/(?i)^(?:move|put|place|remove|delete|drop)\s+(?:it|that|this)\b/) {
                part = part.replacing(/(?i)^(?<verb>\w+)\s+(?:it|that|this)\b/, with: { $0.verb + " " + lastItem })
            } else if let lastPage {
                if part.contains(/(?i)^(?:put|add|place|include|show|link|date|tag|publish|rename|move|hide|give)\s+(?:it|that|this)\b/) {
                    part = part.replacing(/(?i)^(?<verb>\w+)\s+(?:it|that|this)\b/, with: { $0.verb + " the " + lastPage + " page" })
                } else if part.contains(/(?i)\s(?:to|on|from|in|for|of)\s+(?:it|that\s+one)$/) {
                    part = part.replacing(/(?i)\s(?<word>to|on|from|in|for|of)\s+(?:it|that\s+one)$/, with: { " " + $0.word + " the " + lastPage + " page" })
                }
            }
            // "remove the blog from the menu, add careers instead": "instead" adds nothing, and a part that names no
            // place goes where the part before it did (the menu).
            part = part.replacing(/(?i)\s+instead[.!]?$/, with: "")
            if let previousPart, previousPart.lowercased().contains(/\b(?:menu|nav|navigation|navbar)\b/),
               part.lowercased().contains(/^(?:add|put|remove|delete|drop)\s/), !part.lowercased().contains(/\b(?:to|from|in|on|into|onto)\s/) {
                part += part.lowercased().contains(/^(?:add|put)\s/) ? " to the menu" : " from the menu"
            }
            // "remove the Company field from the contact form and add a Budget field instead": the same form.
            if let previousPart, previousPart.lowercased().contains(/\b(?:contact\s+)?form\b/),
               part.lowercased().contains(/^(?:add|put|include)\s+(?:a|an|the)\s+[\w' -]{1,30}?\s+field$/) {
                part += " to the contact form"
            }
            previousPart = part
            lastItem = part.firstMatch(of: /(?i)^(?:add|create|insert)\s+(?:a|an|another|one\s+more)\s+(?<faq>faq\s+)?(?<noun>feature|card|question|entry|testimonial|plan|tier|image|item)\s+(?:called\s+|named\s+|titled\s+)?(?:"(?<q1>[^"]+)"|“(?<q2>[^”]+)”|'(?<q3>[^']+)')/)
                .map { "the \($0.faq != nil || $0.noun.lowercased() == "entry" ? "question" : String($0.noun)) “\(String($0.q1 ?? $0.q2 ?? $0.q3 ?? ""))”" }
            var step = current
            step.message = part
            let site = try snapshot(step.source, installedThemes: step.installedThemes)
            var found = try firstResolution(AgentRequest(context: step, site: site))
            if found == nil, !part.lowercased().hasPrefix(verb.lowercased()) {
                step.message = verb + " " + part
                found = try firstResolution(AgentRequest(context: step, site: site))
            }
            guard let resolution = found else { return nil }
            switch resolution {
            case .change(let done, let summary):
                let pages = done.files.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") && done.files[$0] != current.source[$0] }
                lastPage = pages.count == 1 ? done.files.text(pages[0]).flatMap { FrontMatterEditor($0).string("title") } : nil
                workspace.steps += done.steps
                workspace.warnings += done.warnings
                workspace.files = done.files
                current.source = done.files
                summaries.append(summary)
            case .noChange(let reason):
                // "already …" is a part done; "There is no page called …" is a part not understood, and a
                // version must not be stored with it silently left out.
                guard reason.lowercased().contains("already") else { return nil }
                summaries.append(reason)
            case .question, .unsupported, .revert:
                return nil
            }
        }
        guard workspace.files != context.source else { return .noChange(summaries.joined(separator: " ")) }
        return .change(workspace, summary: summaries.joined(separator: " "))
    }

    /// "Set the title to Widget Docs, the description to Everything about Widget, and the primary colour to
    /// #8b5cf6", "Rename 'Selected work' to 'Latest projects' and 'What clients say' to 'Client love'", "make the
    /// primary colour tomato, the corners 6px and the body font Verdana": one verb, several objects — each part
    /// gets the verb. Nil when the message is not such a list.
    static func ellipticalParts(_ message: String) -> [String]? {
        guard let head = message.prefixMatch(of: /(?i)^(?<verb>change|set|update|make|rename|retitle|switch|turn)\s+/) else { return nil }
        let verb = String(head.verb)
        let rest = String(message[head.range.upperBound...]).replacing(/[.!]$/, with: "")
        // Split at ", " / " and " / ", and " outside quotes, where the next chunk starts with an article or a quote.
        var parts: [String] = []
        var current = ""
        var inDouble = false, inCurly = false, inSingle = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if character == "\"" { inDouble.toggle() }
            if character == "“" { inCurly = true }
            if character == "”" { inCurly = false }
            if character == "'", (index == rest.startIndex || rest[rest.index(before: index)] == " " || inSingle) { inSingle.toggle() }
            if !inDouble, !inCurly, !inSingle {
                let tail = rest[index...]
                if let joiner = tail.prefixMatch(of: /(?i)(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)(?=(?:the|its|our|my|his|her|their)\s|['"“])/) {
                    parts.append(current)
                    current = ""
                    index = joiner.range.upperBound
                    continue
                }
            }
            current.append(character)
            index = rest.index(after: index)
        }
        parts.append(current)
        let cleaned = parts.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        // Every part names something and its new value ("… to …" or, for make/turn, a value after the name).
        guard cleaned.count >= 2, cleaned.count <= maxInstructions,
              verb.lowercased() == "make" || verb.lowercased() == "turn" || cleaned.allSatisfy({ $0.lowercased().contains(/\s(?:to|into)\s/) })
        else { return nil }
        return cleaned.map { verb + " " + $0 }
    }

    /// The message cut before every joiner (",", ";", "and", "then", "also", ". ") that a verb follows, outside
    /// quotes: "call the site X and make the buttons green" → two clauses; "add a page called Terms and Conditions"
    /// stays one.
    static func verbClauses(_ message: String) -> [String] {
        let words = message.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let joiners: Set<String> = ["and", "then", "also"]
        /// An instruction starts at `index`: a verb (not cut by punctuation) followed by at least two words.
        func startsInstruction(_ index: Int) -> Bool {
            guard index + 2 < words.count else { return false }
            let verb = words[index].lowercased()
            if ValueSanity.instructionVerbs.contains(verb) { return true }
            // "… and take Blog out of the menu".
            if verb == "take", words[index + 1 ..< min(words.count, index + 5)].contains(where: { ["out", "off", "away", "down"].contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) { return true }
            // "…; also the footer should say …", "…. The headline should read …": a thing and its new words.
            let ahead = words[index..<min(words.count, index + 8)].joined(separator: " ").lowercased()
            return ahead.contains(/^(?:also\s+)?(?:the|our|my)\s+(?:[\w'’-]+\s+){0,4}?(?:should|must)\s+(?:say|read|be|become)\b/)
                // "…. Header button should say Hire us": a new sentence naming a thing and its new words.
                || words[index].first?.isUppercase == true && index > 0 && words[index - 1].hasSuffix(".")
                    && ahead.contains(/^(?:[\w'’-]+\s+){1,3}?(?:should|must)\s+(?:say|read|be|become|go|link|point)\b/)
                // "… and also on the london team page change …": a page, then the verb.
                || ahead.contains(/^(?:also\s+)?(?:on|in)\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:page|post)\s*,?\s+(?:change|make|add|set|replace|remove|update|put|rename|delete)\b/)
        }
        var clauses: [String] = []
        var current: [String] = []
        var inQuote = false
        var index = 0
        while index < words.count {
            let word = words[index]
            let lowered = word.lowercased()
            if !inQuote, !current.isEmpty, joiners.contains(lowered), startsInstruction(index + 1) {
                clauses.append(current.joined(separator: " "))
                current = []
                index += 1
                continue
            }
            // "… and also change …", "… and then make …": two joiners in a row.
            if !inQuote, !current.isEmpty, joiners.contains(lowered), index + 1 < words.count, joiners.contains(words[index + 1].lowercased()),
               startsInstruction(index + 2) {
                clauses.append(current.joined(separator: " "))
                current = []
                index += 2
                continue
            }
            for character in word where "\"“”".contains(character) { inQuote.toggle() }
            if !inQuote, let last = word.last, ",;.".contains(last) {
                let skip = index + 1 < words.count && joiners.contains(words[index + 1].lowercased()) ? 2 : 1
                if startsInstruction(index + skip) {
                    // A full stop ends the sentence the first clause says ("… in 2025. Then put …"); commas go.
                    current.append(last == "." ? word : String(word.dropLast()))
                    clauses.append(current.joined(separator: " "))
                    current = []
                    index += skip
                    continue
                }
            }
            current.append(word)
            index += 1
        }
        if !current.isEmpty { clauses.append(current.joined(separator: " ")) }
        return clauses.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// The answer read as a new request, when that gives a decision other than another question.
    private func standaloneResolution(of answer: String, context: AgentContext, site: SiteSnapshot) throws -> Resolution? {
        var standalone = context
        standalone.message = answer
        standalone.answer = nil
        standalone.question = nil
        // "What should change on “Services”?" answered "change the description to …": that page's description,
        // not the site's.
        if let asked = context.question?.text.firstMatch(of: /(?:on|in) “(?<page>[^”]+)”\?/),
           !answer.lowercased().contains(/\b(?:page|post|site|website|menu)\b/) {
            var scoped = standalone
            // The page goes before the new value ("change the description on the About page to …"), never after it.
            let plain = answer.replacing(/[.!]$/, with: "")
            if let to = plain.firstMatch(of: /\s(?:to|into|with)\s/), !plain[..<to.range.lowerBound].contains(where: { "\"“".contains($0) }) {
                scoped.message = String(plain[..<to.range.lowerBound]) + " on the " + asked.page + " page" + String(plain[to.range.lowerBound...])
            } else {
                scoped.message = plain + " on the " + asked.page + " page"
            }
            if let resolution = try firstResolution(AgentRequest(context: scoped, site: site)), case .change = resolution { return resolution }
        }
        guard let resolution = try firstResolution(AgentRequest(context: standalone, site: site)) else { return nil }
        if case .question = resolution { return nil }
        if case .noChange = resolution { return nil }
        return resolution
    }

    /// The site as the intents see it, with its theme's default tokens.
    private func snapshot(_ files: SiteFiles, installedThemes: [String] = []) throws -> SiteSnapshot {
        var site = try SiteSnapshot(files: files)
        if let theme = site.theme, let manifest = schemas?.manifest(of: theme) {
            site.themeTokens = Dictionary(manifest.tokens.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { a, _ in a })
        }
        for theme in installedThemes {
            if let manifest = schemas?.manifest(of: theme) { site.themeComponents[theme] = Set(manifest.components.map { $0.name.lowercased() }) }
        }
        return site
    }

    /// The first intent's decision on the message; when no intent understands it, on the other ways to say it
    /// (``Rephrasing``) — a rewrite counts only when it makes a change or asks a question.
    ///
    /// A rewrite also beats a question or refusal about the message as said ("add another feature card: Secure
    /// hosting - Every page …" asked for the card's title), but only with a change.
    private func firstResolution(_ request: AgentRequest, rephrasing: Bool = true) throws -> Resolution? {
        let original = try intentResolution(request)
        switch original {
        case .change?, .revert?: return original
        case .noChange(let reason)? where Self.isSatisfied(reason): return original
        default: break
        }
        guard rephrasing, Self.rephrasingDepth < 2 else { return original }
        var question: Resolution?
        let images = request.site.files.paths.filter { $0.hasPrefix("static/") && ImageIntent.isImage($0) }.map { "/" + $0.dropFirst("static/".count) }
        for candidate in Rephrasing.candidates(request.message, images: images) + [Self.verbatim(request.message, site: request.site)].compactMap({ $0 }) {
            var context = request.context
            context.message = candidate
            // "change the hero CTA label to “See our work” and point it at /blog/": a rewrite of several clauses is
            // done clause by clause (one edit must not take the whole rewrite and drop the rest).
            let clauses = candidate.contains("\n") ? candidate.split(separator: "\n").map(String.init)
                : context.answer == nil ? Self.verbClauses(candidate) : [candidate]
            var found: Resolution?
            if clauses.count > 1 {
                guard clauses.count <= Self.maxInstructions else { continue }
                found = try Self.$rephrasingDepth.withValue(Self.rephrasingDepth + 1) { try compound(context, parts: clauses) }
            } else {
                found = try Self.$rephrasingDepth.withValue(Self.rephrasingDepth + 1) {
                    try intentResolution(AgentRequest(context: context, site: request.site))
                }
            }
            switch found {
            case .change?: return found
            // A rewrite's question only answers a message nothing understood — never over a specific reply.
            case .question? where question == nil && original == nil: question = found
            default: continue
            }
        }
        if case .question? = original { return original }
        if original == nil, question == nil {
            // "increase the font size of the body text to 18px" → "make the text bigger": the theme's own answer,
            // even when it is "this theme has no text size".
            for candidate in Rephrasing.refusalCandidates(request.message) {
                var context = request.context
                context.message = candidate
                if let found = try intentResolution(AgentRequest(context: context, site: request.site)) { return found }
            }
        }
        return question ?? original
    }

    /// "on the home page where it says we build things can you change that to …", "on the london team page change
    /// three developers and a project manager to two plumbers and a van": the site's own words, unquoted. The
    /// words must be found as they are on the page (or the site); the rewrite quotes them for ``QuotedTextIntent``.
    /// "where it says small businesses since 2014 to say since 1998": the new words start at "since", so only
    /// "since 2014" is replaced.
    static func verbatim(_ message: String, site: SiteSnapshot) -> String? {
        var text = message.replacing(/[.!?]+$/, with: "").trimmingWhitespace
        var pageName: String?
        if let scoped = text.firstMatch(of: /(?i)^(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?:[\w' -]{1,40}?\s+(?:list|section|table|box|card|part|paragraph)\s+(?:on|in)\s+(?:the\s+|our\s+)?)?(?<page>[\w' -]{1,40}?)\s+(?:page|post)\s*,?\s+/) {
            pageName = String(scoped.page)
            text = String(text[scoped.range.upperBound...])
        }
        var pairs: [(old: String, new: String)] = []
        if let said = text.wholeMatch(of: /(?i)(?:(?:change|fix|update)\s+(?:the\s+|our\s+)?(?<page>[\w' -]{1,40}?)\s+(?:page|post)\s+)?where\s+it\s+(?:says?|reads?)\s+(?<old>.+?)\s*,?\s+(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?(?:(?:change|replace|update|make)\s+(?:that|it|this)\s+(?:to|with|into)(?:\s+(?:say|read))?|to\s+(?:say|read)|to)\s+(?<new>.+)/) {
            if let page = said.page { pageName = String(page) }
            pairs.append((String(said.old), String(said.new)))
        } else if let instead = text.firstMatch(of: /(?i)\b(?:say|read|be|says|reads)\s+(?:"(?<a1>[^"]+)"|“(?<a2>[^”]+)”|'(?<a3>[^']+)'|(?<a4>[^"“']+?))\s+(?:instead\s+of|rather\s+than|not)\s+(?:"(?<b1>[^"]+)"|“(?<b2>[^”]+)”|'(?<b3>[^']+)'|(?<b4>[^"“'?.!]+?))[?.!]?(?:\s+.*)?$/) {
            // "the button … to say 'Read our story' instead of 'Learn more'", "Could the tagline say Leaks fixed fast
            // instead of We build things?": the words there now, and the new ones.
            let new = String(instead.a1 ?? instead.a2 ?? instead.a3 ?? instead.a4 ?? "")
            let old = String(instead.b1 ?? instead.b2 ?? instead.b3 ?? instead.b4 ?? "")
            pairs.append((old, new))
        } else if let change = text.wholeMatch(of: /(?i)(?:please\s+)?(?:change|replace|update|correct|swap)\s+(?<rest>.+)/) {
            let rest = String(change.rest)
            for joiner in rest.ranges(of: /\s(?:to|with|for)\s/) {
                pairs.append((String(rest[..<joiner.lowerBound]), String(rest[joiner.upperBound...])))
            }
        }
        let given = pageName
        for (said, newValue) in pairs {
            var old = said.trimmingWhitespace.replacing(/^["“']|["”']$/, with: "")
            // "change the Say hello heading to …": the words between "the" and the kind of thing.
            if let named = old.wholeMatch(of: /(?i)(?:the|our|my)\s+(?<words>.+?)\s+(?:heading|title|button|link|label|line|section|card|box|text|menu\s+item|item|tab|bit|sentence|paragraph)/) {
                old = String(named.words)
            }
            var pageName = given
            // "change three developers and a project manager on the london team page to …"
            if let scoped = old.wholeMatch(of: /(?i)(?<words>.+?)\s+(?:on|in)\s+(?:the\s+|our\s+)?(?:[\w' -]{1,40}?\s+(?:list|section|table|box|card|part|paragraph)\s+(?:on|in)\s+(?:the\s+|our\s+)?)?(?<page>[\w' -]{1,40}?)\s+(?:page|post)/) {
                old = String(scoped.words)
                pageName = String(scoped.page)
            }
            var scope = site.pages
            if let pageName {
                guard case .one(let page) = site.findPage(pageName.lowercased().contains(/^(?:home|homepage|front)$/) ? "home" : pageName) else { continue }
                scope = [page]
            }
            let originals = scope.compactMap { site.files.text($0.path) }
            let texts = originals.map { $0.lowercased() }
            let words = old.split(separator: " ")
            guard words.count >= 2, !old.contains(/["“”]/) else { continue }
            if old.lowercased().contains(/^(?:the|our|my|a|an|this|that|it|its)\s/), words.count < 4 { continue }
            var found: String?
            for original in originals {
                if let range = original.range(of: old, options: .caseInsensitive) { found = String(original[range]); break }
            }
            guard let found else { continue }
            // The site's own casing ("We build things"), for the summary and the match.
            old = found
            // The value ends where another instruction starts.
            let clauses = verbClauses(newValue)
            var value = clauses.first ?? newValue
            value = value.replacing(/(?i)^(?:say|read)\s+/, with: "")
            if let first = value.split(separator: " ").first?.lowercased(), first.count > 2,
               let index = old.lowercased().range(of: " " + first + " "), old.lowercased().distance(from: old.lowercased().startIndex, to: index.lowerBound) > 0 {
                old = String(old[old.index(old.startIndex, offsetBy: old.lowercased().distance(from: old.lowercased().startIndex, to: index.lowerBound) + 1)...])
            }
            let scoped = pageName.map { " on the " + $0 + " page" } ?? ""
            let first = "change “" + old + "”" + scoped + " to " + Rephrasing.quoted(value)
            // "… and the little line under it should say …": "it" is the headline that was just named.
            let isHeading = texts.contains { $0.contains("headline: " + old.lowercased()) || $0.contains("title: " + old.lowercased()) || $0.contains("# " + old.lowercased()) }
            let rest = clauses.dropFirst().map { isHeading ? $0.replacing(/(?i)\b(?<where>under|below|beneath)\s+it\b/, with: { $0.where + " the headline" }) : $0 }
            return ([first] + rest).joined(separator: "\n")
        }
        return nil
    }

    /// How many rewrites deep the current decision is: a rewrite's parts may be rewritten once more, no further.
    @TaskLocal static var rephrasingDepth = 0

    private func intentResolution(_ request: AgentRequest) throws -> Resolution? {
        var deferred: Resolution?
        for intent in intents {
            guard let resolution = try intent.resolve(request) else { continue }
            switch resolution {
            case .noChange, .unsupported:
                if deferred != nil { return deferred }
                if intent is any DefersRefusals {
                    deferred = resolution
                    continue
                }
                return resolution
            case .change, .question, .revert:
                return resolution
            }
        }
        return deferred
    }

    /// The words an answer gives as a value: “it should say "Small studio, big ideas"” → Small studio, big ideas.
    static func answeredValue(_ answer: String) -> String {
        if let quoted = answer.firstMatch(of: /"([^"]+)"|“([^”]+)”/), let text = quoted.output.1 ?? quoted.output.2 { return String(text) }
        let stripped = answer.replacing(/(?i)^(?:it\s+should\s+(?:say|read|be)|(?:just\s+)?say|make\s+it|call\s+it|use|only|just)\s*:?\s+/, with: "")
        return Phrase.value(stripped)
    }

    /// Each part of a message decided on its own, over the site `decide` already read.
    private func resolvedParts(_ parts: [String], _ context: AgentContext, site: SiteSnapshot) throws -> [(text: String, resolution: Resolution?)] {
        try parts.map { part in
            var alone = context
            alone.message = part
            return (part, try firstResolution(AgentRequest(context: alone, site: site)))
        }
    }

    /// Which part of a message of several instructions cannot be done on its own, said as the reason nothing was
    /// changed; nil when every part can be done.
    private static func diagnosis(of parts: [(text: String, resolution: Resolution?)]) -> Resolution? {
        for (index, (part, resolution)) in parts.enumerated() {
            let which = parts.count > 1 ? "part \(index + 1) (“\(part.prefix(80))”)" : "“\(part.prefix(80))”"
            switch resolution {
            case .change?, .noChange?: continue
            case .question(let question)?:
                return .unsupported("Nothing was changed: \(which) needs an answer first — \(question.text) Send it on its own, and the other parts with it or after it.")
            case .unsupported(let reason)?:
                return .unsupported("Nothing was changed: I cannot do \(which). \(reason)")
            default:
                return .unsupported("Nothing was changed: I could not work out \(which). Say it another way (for example “change the footer to …”), or send it on its own.")
            }
        }
        return nil
    }

    /// A message about something the site does not have — a page, or a kind of section — gets that said, with
    /// what the site has, instead of the generic refusal.
    static func missing(_ request: AgentRequest) -> Resolution? {
        let site = request.site
        let text = request.message
        let has = { (component: String) in
            site.pages.contains { site.files.text($0.path)?.contains(":::component " + component) == true }
        }
        let kinds: [(pattern: Regex<Substring>, component: String, noun: String, add: String)] = [
            (/(?i)\b(?:pricing|plans?|tiers?|price\s+list)\b/, "Pricing", "pricing section", "“add a pricing section to the home page with Basic at $9 a month and Pro at $29 a month”"),
            (/(?i)\b(?:testimonials?|reviews?)\b/, "Testimonials", "testimonials", "“add a testimonials section to the home page: 'Great work.' - Ana Ruiz, client”"),
            (/(?i)\b(?:faq|faqs|q&a)\b/, "FAQ", "FAQ", "“add an FAQ section to the home page with Is it free? Yes.”"),
            (/(?i)\bgallery\b/, "Gallery", "gallery", "“add a gallery of the images in /img to the home page”"),
        ]
        for kind in kinds where text.contains(kind.pattern) && !has(kind.component) {
            let themeHas = site.theme.flatMap { site.themeComponents[$0] }?.contains(kind.component.lowercased()) ?? true
            return .unsupported("The site has no \(kind.noun), so there is nothing of it to change. "
                + (themeHas ? "Add one first: \(kind.add)." : "Its theme (\(site.theme ?? "")) has no \(kind.component) component either."))
        }
        let generic: Set<String> = ["home", "homepage", "front", "main", "landing", "first", "last", "this", "that", "same", "next", "whole", "every", "each", "new", "other", "start", "index", "current", "my", "our"]
        for said in text.matches(of: /(?i)\bthe\s+(?<name>[\w' -]{2,40}?)\s+(?:page|post)\b/) {
            // "the date of the Release notes page": the name is what follows the last "the".
            let name = String(said.name).components(separatedBy: " the ").last?.trimmingWhitespace ?? ""
            guard !name.isEmpty, !generic.contains(name.lowercased()), !name.lowercased().split(separator: " ").contains(where: { generic.contains(String($0)) }) else { continue }
            if case .none = site.findPage(name) {
                return .unsupported("There is no page called “\(name)”. Pages: \(Phrase.list(site.pages.filter { !$0.isPost }.map(\.title)))"
                    + (site.pages.contains(where: \.isPost) ? "; posts: \(Phrase.list(site.pages.filter(\.isPost).prefix(8).map(\.title)))." : "."))
            }
        }
        return nil
    }

    /// The first words of ``notUnderstood(_:)``'s reason.
    private static let notUnderstoodPrefix = "The offline agent could not work out"

    /// Whether a refusal is the generic one (nothing understood), not a reason specific to the request.
    static func isNotUnderstood(_ reason: String) -> Bool { reason.hasPrefix(notUnderstoodPrefix) }

    static func notUnderstood(_ message: String) -> Resolution {
        .unsupported(
            notUnderstoodPrefix + " what to change from “\(message)”. It understands requests such as "
                + "“add a pricing page”, “make the header dark blue”, “rename the About page to Our Story”, "
                + "“add Careers to the menu”, “change the hero headline to \"…\"”, “publish the spring update post” "
                + "or “undo”. For anything else, configure a model backend.")
    }
}
