import Foundation
import SiteCompiler

/// Text added to the end of a page's body, word for word: "add a heading "Opening hours" to the about page
/// saying We are open Monday to Friday, 9 to 5.", "add a paragraph to the contact page: Parking is free after
/// 6pm.", "append "All prices include VAT." to the pricing page". Nothing is written that the request does not
/// give; "add a section about our history" (no words) asks for them.
struct BodyTextIntent: RequestIntent {
    /// Body text as typed: quotes removed, its own punctuation kept ("Parking is free after 6pm.").
    private static func prose(_ raw: String) -> String {
        Phrase.unquoted(raw) ?? raw.trimmingWhitespace
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        var heading: String?
        var body: String?
        var pageName: String
        if let match = message.wholeMatch(of: /(?i)(?:add|put|insert|append|create)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:sub)?(?:heading|section\s+heading|section\s+title|title|section)\s+(?:called\s+|titled\s+|named\s+|saying\s+)?(?<heading>"[^"]+"|“[^”]+”|[^,:"“]+?)\s+(?:to|on|at\s+the\s+(?:bottom|end)\s+of)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)(?:\s+page)?(?:\s*[,:]?\s*(?:saying|that\s+says|with\s+the\s+text|with\s+text|followed\s+by|and\s+under\s+it|reading)\s*:?\s*(?<body>.+))?[.!]?/) {
            heading = Phrase.value(String(match.heading))
            body = match.body.map { Self.prose(String($0)) }
            pageName = String(match.page)
        } else if let match = message.wholeMatch(of: /(?i)(?:add|put|insert|append)\s+(?:a\s+|an\s+|this\s+|the\s+)?(?:paragraph|line|sentence|note|text|short\s+note)?\s*(?:saying\s+|that\s+says\s+|reading\s+)?(?<body>"[^"]+"|“[^”]+”)\s+(?:to|on|at\s+the\s+(?:bottom|end)\s+of)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)(?:\s+page)?[.!]?/) {
            body = Self.prose(String(match.body))
            pageName = String(match.page)
        } else if let match = message.wholeMatch(of: /(?i)(?:add|put|insert|append)\s+(?:a\s+|an\s+)?(?:paragraph|line|sentence|note|short\s+note)\s+(?:to|on|at\s+the\s+(?:bottom|end)\s+of)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^,:"“]+?)(?:\s+page)?\s*(?::|saying|that\s+says|reading)\s*(?<body>.+)/) {
            body = Self.prose(String(match.body))
            pageName = String(match.page)
        } else {
            return nil
        }
        let name = pageName.lowercased().contains(/^(?:home|homepage|front)$/) ? "home" : pageName
        let page: PageRecord
        switch request.site.findPage(name) {
        case .one(let found): page = found
        case .ambiguous(let pages): return .question(AgentQuestion(text: "Which page should the text go on?", options: pages.map(\.title)))
        case .none: return nil
        }
        if let heading, heading.isEmpty || heading.count > 120 || heading.contains("\n") { return nil }
        // "add a section about our history": a topic, not the words to put there.
        if let heading, body == nil, heading.lowercased().contains(/^(?:about|on|for|with|explaining|describing)\b/) {
            return .question(AgentQuestion(text: "What should the new section on “\(page.title)” say? Give the heading and the text word for word (“add a heading \"Our history\" to the \(page.title) page saying …”): the offline agent does not write prose."))
        }
        var text = try request.workspace.text(page.path)
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        var added: [String] = []
        if let heading { added.append("## " + heading) }
        if let body, !body.isEmpty { added.append(body) }
        text += "\n" + added.joined(separator: "\n\n") + "\n"
        var workspace = request.workspace
        workspace.write(page.path, text, step: "Appended \(added.count) block(s) to \(page.path)")
        var summary = "Added " + [heading.map { "the heading “\($0)”" }, body.map { "the text “\($0.prefix(80))\($0.count > 80 ? "…" : "")”" }].compactMap { $0 }.joined(separator: " and ")
        summary += " at the end of “\(page.title)”."
        if let heading, heading.contains(/\{#[\w-]+\}\s*$/) { summary += " The {#…} at its end gives the heading its id." }
        return .change(workspace, summary: summary)
    }
}
