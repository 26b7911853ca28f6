/// Decides a request by trying each ``RequestIntent`` in order.
///
/// When a request resumes with an answer the intent does not recognise as one of its options, the answer is
/// tried as a request of its own ("make it pop" → "use the docs theme"); failing that the question is asked
/// again.
struct Interpreter {
    var intents: [any RequestIntent]

    /// The intents of the embedded agent, most specific first.
    static let embedded = Interpreter(intents: [
        SmallTalkIntent(),
        UndoIntent(),
        UnsupportedIntent(),
        VagueIntent(),
        ThemeIntent(),
        NavIntent(),
        SiteSettingIntent(),
        TokenIntent(),
        ComponentPropIntent(),
        ComponentRemoveIntent(),
        ComponentAddIntent(),
        PublishIntent(),
        PostCreationIntent(),
        PageURLIntent(),
        PageCreationIntent(),
        PageRenameIntent(),
        PageDeletionIntent(),
    ])

    func resolve(_ context: AgentContext) throws -> Resolution {
        let site = try SiteSnapshot(files: context.source)
        let request = AgentRequest(context: context, site: site)
        if let answer = context.answer?.trimmingWhitespace, !answer.isEmpty, let asked = context.question,
           !asked.options.isEmpty, !AnswerMatcher.isStrongPick(answer, among: asked.options),
           answer.split(separator: " ").count <= 12,
           let standalone = try standaloneResolution(of: answer, context: context, site: site) {
            // "switch to the docs theme" answering "make it pop": a request of its own beats a loose option match.
            return standalone
        }
        guard let resolution = try firstResolution(request) else {
            if context.answer == nil, let combined = try compound(context) { return combined }
            return Self.notUnderstood(request.message)
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
    private func compound(_ context: AgentContext) throws -> Resolution? {
        let parts = context.message.split(separator: /(?i)\s*(?:;|\band then\b|,\s*then\b|\band also\b|,?\s+and\b|\.\s+)\s*/)
            .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return nil }
        var current = context
        var workspace = Workspace(files: context.source)
        var summaries: [String] = []
        // "make the buttons black and the header red": later parts may leave out the first part's verb.
        let verb = parts[0].split(separator: " ").first.map(String.init) ?? ""
        for part in parts {
            var step = current
            step.message = part
            let site = try SiteSnapshot(files: step.source)
            var found = try firstResolution(AgentRequest(context: step, site: site))
            if found == nil, !part.lowercased().hasPrefix(verb.lowercased()) {
                step.message = verb + " " + part
                found = try firstResolution(AgentRequest(context: step, site: site))
            }
            guard let resolution = found else { return nil }
            switch resolution {
            case .change(let done, let summary):
                workspace.steps += done.steps
                workspace.warnings += done.warnings
                workspace.files = done.files
                current.source = done.files
                summaries.append(summary)
            case .noChange(let reason):
                summaries.append(reason)
            case .question, .unsupported, .revert:
                return nil
            }
        }
        guard workspace.files != context.source else { return .noChange(summaries.joined(separator: " ")) }
        return .change(workspace, summary: summaries.joined(separator: " "))
    }

    /// The answer read as a new request, when that gives a decision other than another question.
    private func standaloneResolution(of answer: String, context: AgentContext, site: SiteSnapshot) throws -> Resolution? {
        var standalone = context
        standalone.message = answer
        standalone.answer = nil
        standalone.question = nil
        guard let resolution = try firstResolution(AgentRequest(context: standalone, site: site)) else { return nil }
        if case .question = resolution { return nil }
        if case .noChange = resolution { return nil }
        return resolution
    }

    private func firstResolution(_ request: AgentRequest) throws -> Resolution? {
        for intent in intents {
            if let resolution = try intent.resolve(request) { return resolution }
        }
        return nil
    }

    static func notUnderstood(_ message: String) -> Resolution {
        .unsupported(
            "The offline agent could not work out what to change from “\(message)”. It understands requests such as "
                + "“add a pricing page”, “make the header dark blue”, “rename the About page to Our Story”, "
                + "“add Careers to the menu”, “change the hero headline to \"…\"”, “publish the spring update post” "
                + "or “undo”. For anything else, configure a model backend.")
    }
}
