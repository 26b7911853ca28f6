import Foundation
import SiteCompiler

/// A page's tags (front matter `tags`, which the compiler turns into /tags/ pages): "add the tag travel to the
/// first post", "tag the tidy desk post with workspace and habits", "remove the tag branding from the Harbour
/// Festival project", "the spring update post should be tagged news".
struct TagIntent: RequestIntent {
    /// `tags: [a, b]` on one line, as people and the starter sites write it.
    private static func write(_ tags: [String], to editor: inout FrontMatterEditor) {
        let line = "tags: " + YAMLValue.list(tags.map { .string($0) }).flowText
        if let range = editor.range {
            YAMLBlockMapping(range: range, indent: 0).set("tags", to: [line], in: &editor.lines)
        } else {
            editor.set("tags", value: .list(tags.map { .string($0) }))
        }
    }

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        var message = request.message
        // "Harbour Festival should be tagged identity instead of branding": one tag for another.
        if let swap = message.wholeMatch(of: /(?i)(?<page>.+?)\s+should\s+be\s+tagged\s+(?:with\s+|as\s+)?(?<new>[\w -]+?)\s+(?:instead\s+of|rather\s+than|not)\s+(?<old>[\w -]+?)(?:\s+any\s*more)?[.!]?/) {
            message = swap.page + " shouldn't be tagged " + swap.old + ", tag it " + swap.new + " instead"
        } else if let swap = message.wholeMatch(of: /(?i)(?:change|replace|swap)\s+(?:the\s+)?(?:tag\s+)?(?<old>[\w-]+)\s+tag\s+(?:on|of|for)\s+(?<page>.+?)\s+(?:to|with|for)\s+(?<new>[\w -]+?)[.!]?/) {
            message = swap.page + " shouldn't be tagged " + swap.old + ", tag it " + swap.new + " instead"
        }
        // "swap branding tag for photography": on the one page that has that tag.
        if let swap = message.wholeMatch(of: /(?i)(?:swap|replace|change|switch)\s+(?:the\s+)?(?<old>[\w-]+)\s+tag\s+(?:for|with|to|into)\s+(?:the\s+)?(?<new>[\w-]+)(?:\s+tag)?[.!]?/) {
            let tagged = request.site.pages.filter { page in
                (request.site.files.text(page.path).map { FrontMatterEditor($0).list("tags") } ?? []).contains { $0.caseInsensitiveCompare(String(swap.old)) == .orderedSame }
            }
            guard tagged.count == 1 else {
                return tagged.isEmpty ? .noChange("No page is tagged “\(swap.old)”.")
                    : .question(AgentQuestion(text: "Several pages are tagged “\(swap.old)”. On which should it become “\(swap.new)”?", options: tagged.map(\.title)))
            }
            message = tagged[0].title + " shouldn't be tagged " + swap.old + ", tag it " + swap.new + " instead"
        }
        var adding = true
        var tagsText: String
        var pageText: String
        if let match = message.wholeMatch(of: /(?i)(?:add|put|give|attach)\s+(?:the\s+|a\s+)?tags?\s+(?<tags>.+?)\s+(?:to|too|on|onto)\s+(?<page>.+?)[.!]?/) {
            (tagsText, pageText) = (String(match.tags), String(match.page))
        } else if let match = message.wholeMatch(of: /(?i)tag\s+(?<page>.+?)\s+(?:with|as)\s+(?<tags>.+?)[.!]?/) {
            (tagsText, pageText) = (String(match.tags), String(match.page))
        } else if let match = message.wholeMatch(of: /(?i)tag\s+(?<page>.+?\s+(?:post|page|article|project|case\s+study))\s+(?<tags>[\w-]+(?:\s*(?:,|\band\b|&)\s*[\w-]+)*)[.!]?/) {
            // "tag the Hello World post news", "tag it news" (after a step that named the post).
            (tagsText, pageText) = (String(match.tags), String(match.page))
        } else if let match = message.wholeMatch(of: /(?i)(?<page>.+?)\s+should\s+(?:be\s+tagged|have\s+the\s+tags?)\s+(?:with\s+|as\s+)?(?<tags>.+?)[.!]?/) {
            (tagsText, pageText) = (String(match.tags), String(match.page))
        } else if let match = message.wholeMatch(of: /(?i)(?<page>.+?)\s+(?:shouldn'?t|should\s+not|should\s+no\s+longer)\s+be\s+tagged\s+(?<old>[^,;]+?)(?:\s+any\s*more)?\s*[,;]?\s*(?:and\s+)?(?:tag\s+it|use|make\s+it)\s+(?<new>.+?)(?:\s+instead)?[.!]?/) {
            // "… shouldn't be tagged branding any more, tag it identity instead": one tag for another.
            let name = Phrase.withoutArticles(String(match.page)).replacing(/(?i)\s+(?:page|post|article|project|case\s+study)$/, with: "")
            guard case .one(let page) = request.site.findPage(name) else { return nil }
            let old = String(match.old).trimmingWhitespace, new = Phrase.value(String(match.new)).trimmingWhitespace
            var current = FrontMatterEditor(try request.workspace.text(page.path)).list("tags")
            guard current.contains(where: { $0.caseInsensitiveCompare(old) == .orderedSame }) else {
                return .noChange("“\(page.title)” is not tagged “\(old)”\(current.isEmpty ? "" : "; its tags are \(Phrase.list(current.map { "“\($0)”" }))").")
            }
            current = current.map { $0.caseInsensitiveCompare(old) == .orderedSame ? new : $0 }
            var seen = Set<String>()
            current = current.filter { seen.insert($0.lowercased()).inserted }
            var workspace = request.workspace
            try workspace.editFrontMatter(page.path, step: "tags: \(current)") { Self.write(current, to: &$0) }
            return .change(workspace, summary: "Replaced the tag “\(old)” with “\(new)” on “\(page.title)”. Its tags: \(Phrase.list(current.map { "“\($0)”" })).")
        } else if let match = message.wholeMatch(of: /(?i)(?:remove|delete|drop|take)\s+(?:the\s+)?tags?\s+(?<tags>.+?)\s+(?:from|off)\s+(?<page>.+?)[.!]?/) {
            (tagsText, pageText) = (String(match.tags), String(match.page))
            adding = false
        } else {
            return nil
        }
        // "with beginnings as well", "news too": the addition's words are no part of the tag.
        tagsText = tagsText.replacing(/(?i)\s+(?:as\s+well|too|also|please|as\s+a\s+tag|tags?)$/, with: "")
        let tags = tagsText.split(separator: /\s*(?:,|\band\b|&)\s*/).map { Phrase.value(String($0)).trimmingWhitespace }.filter { !$0.isEmpty }
        guard !tags.isEmpty, tags.allSatisfy({ $0.count <= 40 && $0.split(separator: " ").count <= 3 }) else { return nil }
        let name = Phrase.withoutArticles(pageText).replacing(/(?i)\s+(?:page|post|article|project)$/, with: "")
        let page: PageRecord
        switch request.site.findPage(name) {
        case .one(let found): page = found
        case .ambiguous(let pages):
            return .question(AgentQuestion(text: "Which page should get the tag\(tags.count > 1 ? "s" : "") \(Phrase.list(tags.map { "“\($0)”" }))?", options: pages.map(\.title)))
        case .none:
            // "the first post": by place among the posts.
            let posts = request.site.pages.filter(\.isPost)
            if let ordinal = SlotNames.ordinals.firstIndex(where: { name.lowercased().hasPrefix($0 + " post") || name.lowercased() == $0 }), ordinal < posts.count,
               name.lowercased().contains("post") || name.lowercased() == SlotNames.ordinals[ordinal] {
                page = posts[ordinal]
            } else {
                return .noChange("There is no page called “\(name)”. Posts: \(Phrase.list(request.site.pages.filter(\.isPost).map { "“\($0.title)”" })).")
            }
        }
        let editor = FrontMatterEditor(try request.workspace.text(page.path))
        var current = editor.list("tags")
        var workspace = request.workspace
        if adding {
            let new = tags.filter { tag in !current.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
            guard !new.isEmpty else { return .noChange("“\(page.title)” is already tagged \(Phrase.list(tags.map { "“\($0)”" })).") }
            current += new
            try workspace.editFrontMatter(page.path, step: "tags: \(current)") { Self.write(current, to: &$0) }
            return .change(workspace, summary: "Tagged “\(page.title)” \(Phrase.list(new.map { "“\($0)”" })). Its tags: \(Phrase.list(current.map { "“\($0)”" })); each tag has a page at /tags/<tag>/.")
        }
        let gone = current.filter { tag in tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
        guard !gone.isEmpty else {
            return .noChange("“\(page.title)” has no tag \(Phrase.list(tags.map { "“\($0)”" }))\(current.isEmpty ? "" : "; its tags are \(Phrase.list(current.map { "“\($0)”" }))").")
        }
        current.removeAll { gone.contains($0) }
        try workspace.editFrontMatter(page.path, step: "tags: \(current)") { editor in
            if current.isEmpty { editor.remove("tags") } else { Self.write(current, to: &editor) }
        }
        return .change(workspace, summary: "Removed the tag\(gone.count > 1 ? "s" : "") \(Phrase.list(gone.map { "“\($0)”" })) from “\(page.title)”." + (current.isEmpty ? " It has no tags now." : " Its tags: \(Phrase.list(current.map { "“\($0)”" })).")) 
    }
}
