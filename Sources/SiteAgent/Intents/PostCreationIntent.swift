import SiteCompiler
import Yams

/// New blog posts. With text ("… titled \"We're live!\" with the text: …") the post is written as given and
/// published; without text the offline agent cannot write the article, so it asks for the text or offers an
/// empty draft.
struct PostCreationIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.firstMatch(of: /(?i)^(?:write|add|create|publish|post|draft|make|start|new)\s+(?:a\s+|an\s+|one\s+|the\s+)?(?:new\s+)?(?:blog\s*post|blog\s+article|blog\s+entry|news\s+post|news\s+item|post|article|blog)\b(?<rest>.*)$/) else { return nil }
        guard let section = blogSection(request.site) else {
            return .unsupported("The site has no blog section (a folder under content/ with an _index.md) to put posts in.")
        }
        var rest = String(match.rest)
        // "New post: "Sourdough for beginners", dated 14 February 2026": a colon right after "post" introduces
        // the title, not the body.
        if let lead = rest.prefixMatch(of: /^\s*:\s*/) { rest = " " + rest[lead.range.upperBound...] }
        var body: String?
        if let intro = rest.firstMatch(of: /(?i)\s*,?\s*(?:with the text|with text|with the body|with body|that says|saying|which says|reading|with the content|with content)\s*:?\s*(?<body>.+)$/) {
            body = String(intro.body).trimmingWhitespace
            rest = String(rest[..<intro.range.lowerBound])
        } else if let colon = rest.firstMatch(of: /^(?<head>[^:"“]*(?:"[^"]*"|“[^”]*”)?[^:"“]*):\s*(?<body>.+)$/),
                  !colon.head.trimmingWhitespace.isEmpty {
            body = String(colon.body).trimmingWhitespace
            rest = String(colon.head)
        }
        // "for 3 March 2025": the post's date, not part of its title.
        var date: String?
        if let written = WrittenDate.extract(from: rest) {
            date = written.date
            rest = written.rest
        }
        var title: String?
        var topic: String?
        if let titled = rest.firstMatch(of: /(?i)\b(?:titled|called|named|entitled|with the title|with title)\s+(?<title>"[^"]+"|“[^”]+”|'[^']+'|.+?)\s*$/) {
            title = Phrase.value(String(titled.title))
        } else if let about = rest.firstMatch(of: /(?i)\b(?:about|on|for|announcing)\s+(?<topic>.+?)\s*$/) {
            topic = Phrase.value(String(about.topic))
        } else if let quoted = Phrase.unquoted(rest) {
            title = quoted
        }
        if let body, !body.isEmpty {
            let postTitle = title ?? topic.map(Self.title(fromTopic:)) ?? Self.title(fromBody: body)
            return try write(title: postTitle, body: body, date: date, draft: false, section: section, request)
        }
        let draftTitle = title ?? topic.map(Self.title(fromTopic:)) ?? "New Post"
        let question = AgentQuestion(
            text: "Offline mode cannot write the article for you. Reply with the text of the post and I will publish it as “\(draftTitle)”, or I can create an empty draft titled “\(draftTitle)” for you to fill in.",
            options: ["Create an empty draft titled “\(draftTitle)”"])
        switch request.answer(to: question) {
        case .option: return try write(title: draftTitle, body: nil, date: date, draft: true, section: section, request)
        case .other(let text) where text.split(separator: " ").count >= 3:
            return try write(title: draftTitle, body: text, date: date, draft: false, section: section, request)
        default: return .question(question)
        }
    }

    private func write(title: String, body: String?, date given: String?, draft: Bool, section: PageRecord, _ request: AgentRequest) throws -> Resolution {
        let date = given ?? request.today
        let folder = String(section.path.dropLast("_index.md".count))
        var slug = URLSlug.make(title)
        var suffix = 2
        while request.site.files["\(folder)\(slug).md"] != nil {
            slug = URLSlug.make(title) + "-\(suffix)"
            suffix += 1
        }
        let path = "\(folder)\(slug).md"
        var lines = ["---", "title: \(YAMLScalar.render(title))", "date: \(date)"]
        if draft { lines.append("draft: true") }
        lines += ["---", ""]
        if let body { lines += [body, ""] }
        var workspace = request.workspace
        workspace.write(path, lines.joined(separator: "\n"), step: draft ? "new draft post" : "new post")
        let url = section.url + slug + "/"
        if draft {
            return .change(workspace, summary: "Created an empty draft “\(title)” (\(path), dated \(date)); it is not published. Write the text there or send it to me, then say “publish the \(title) post”.")
        }
        return .change(workspace, summary: "Published a post “\(title)” dated \(date) at \(url), with the text you gave. It appears in the \(section.title.lowercased()) list, the sitemap and the RSS feed after the build.")
    }

    /// The section posts go in: `/blog/` if there is one, else the first section with dated pages.
    private func blogSection(_ site: SiteSnapshot) -> PageRecord? {
        let sections = site.pages.filter { $0.isSection && !$0.isHome }
        return sections.first { ["blog", "news", "posts", "journal"].contains($0.fileName) }
            ?? sections.first { section in site.pages.contains { $0.sectionURL == section.url && $0.date != nil } }
            ?? sections.first
    }

    /// "our launch" → "Our Launch".
    static func title(fromTopic topic: String) -> String {
        Phrase.titleCased(topic)
    }

    /// The first sentence of the text, shortened.
    static func title(fromBody body: String) -> String {
        let sentence = body.split(whereSeparator: { ".!?\n".contains($0) }).first.map(String.init) ?? body
        let words = sentence.split(separator: " ").prefix(8).joined(separator: " ")
        return words.isEmpty ? "New Post" : words
    }
}
