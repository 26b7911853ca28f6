import Foundation
import SiteCompiler

/// Questions about the site's files rather than changes: "what does project-2.svg show?", "where is
/// /img/work/03.jpg used?". Answered from the pages that show the file and the alt text they give it.
struct FileQuestionIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        // "What does the picture on the installation page show?": the pictures of that page.
        if let asked = request.message.wholeMatch(of: /(?i)(?:what|which)\s+(?:does|is|do|are)\s+the\s+(?:picture|image|photo|diagram|illustration|pictures|images|photos)\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^?]+?)(?:\s+page)?\s*(?:show|shows|of|depict)?[?.!]*/),
           case .one(let page) = request.site.findPage(String(asked.page).lowercased().contains(/^(?:home|homepage|front)$/) ? "home" : String(asked.page)),
           let text = request.site.files.text(page.path) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var shown: [String] = []
            for (index, line) in lines.enumerated() {
                guard let src = line.firstMatch(of: /^\s*(?:-\s+)?(?:src|image):\s*(?<src>\S+\.(?i:jpe?g|png|gif|webp|avif|svg))\s*$/) else { continue }
                let near = Self.item(around: index, in: lines)
                let alt = near.compactMap { $0.firstMatch(of: /^\s*(?:-\s+)?(?:alt|image_alt):\s*(?<alt>.+)$/).map { Phrase.value(String($0.alt)) } }.first
                shown.append("\(src.src)" + (alt.map { " (alt text “\($0)”)" } ?? " (no alt text)"))
            }
            guard !shown.isEmpty else { return .noChange("“\(page.title)” shows no pictures yet. The offline agent cannot look at pictures; say “add the image /img/… to the \(page.title) page with alt text …” to show one.") }
            return .noChange("“\(page.title)” shows \(Phrase.list(shown)). The offline agent cannot look at pictures; the alt text is what the site says each shows.")
        }
        // "what does the diagram image show?": a file named by its name without folder and extension.
        if let named = request.message.wholeMatch(of: /(?i)(?:what|which)\s+(?:does|is)\s+the\s+(?<stem>[\w-]{3,})\s+(?:image|picture|photo|file|graphic)\s*(?:show|shows|of|depict)?[?.!]*/),
           let file = request.site.files.paths.first(where: { $0.hasPrefix("static/") && ImageIntent.isImage($0) && ($0.split(separator: "/").last?.split(separator: ".").first.map { $0.lowercased() == named.stem.lowercased() } ?? false) }) {
            var asked = request
            asked.message = "what does " + file.dropFirst("static".count) + " show"
            return try resolve(asked)
        }
        // "what does the Pennywise image show?": a picture named by the words of its caption or alt text.
        if let named = request.message.wholeMatch(of: /(?i)(?:what|which)\s+(?:does|is)\s+the\s+(?<words>[\w' -]{3,40}?)\s+(?:image|picture|photo|graphic|illustration|pic)\s*(?:show|shows|of|depict)?[?.!]*|(?:what|which)\s+(?:does|is)\s+the\s+(?:image|picture|photo|graphic|illustration|pic)\s+(?:of|for)\s+(?:the\s+)?(?<of>[\w' -]{3,40}?)\s*(?:show|shows|depict)?[?.!]*/) {
            let words = SlotNames.tokens(String(named.words ?? named.of ?? ""))
            var sources = Set<String>()
            for page in request.site.pages {
                guard !words.isEmpty, let text = request.site.files.text(page.path) else { continue }
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (index, line) in lines.enumerated() {
                    guard let src = line.firstMatch(of: /^\s*(?:-\s+)?(?:src|image):\s*(?<src>\S+\.(?i:jpe?g|png|gif|webp|avif|svg))\s*$/) else { continue }
                    let near = Self.item(around: index, in: lines).compactMap { $0.firstMatch(of: /^\s*(?:-\s+)?(?:alt|image_alt|caption|title|name):\s*(?<text>.+)$/).map { String($0.text) } }
                    if near.contains(where: { text in let have = SlotNames.tokens(text); return words.allSatisfy { word in have.contains { NameMatcher.sameWord(word, $0) } } }) {
                        sources.insert(String(src.src))
                    }
                }
            }
            if sources.count == 1, let url = sources.first {
                var asked = request
                asked.message = "what does " + url + " show"
                return try resolve(asked)
            }
        }
        guard let match = request.message.wholeMatch(of: /(?i)(?:what|which)\s+(?:does|is|'s)\s+(?:the\s+)?(?:image\s+|picture\s+|file\s+)?(?<file>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))\s*(?:show|of|depict|contain)?[?.!]*|where\s+(?:is|are|do\s+we\s+use|does\s+the\s+site\s+use)\s+(?:the\s+)?(?:image\s+|picture\s+|file\s+)?(?<used>[\w.\/-]+\.(?:jpe?g|png|gif|webp|avif|svg))(?:\s+used|\s+shown)?[?.!]*/) else { return nil }
        let typed = String(match.file ?? match.used ?? "")
        let site = request.site
        let images = site.files.paths.filter { $0.hasPrefix("static/") && ImageIntent.isImage($0) }
        let name = typed.split(separator: "/").last.map(String.init) ?? typed
        guard let file = images.first(where: { "/" + $0.dropFirst("static/".count) == typed || $0.hasSuffix("/" + name) }) else {
            return .noChange("There is no image \(typed) in the site's static/ folder. Images: \(Phrase.list(images.prefix(8).map { "/" + $0.dropFirst("static/".count) })).")
        }
        let url = "/" + file.dropFirst("static/".count)
        var uses: [String] = []
        for page in site.pages {
            guard let text = site.files.text(page.path), text.contains(url) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.contains(url) {
                // The alt text next to it (same list item or block), when there is one.
                let near = Self.item(around: index, in: lines)
                let alt = near.compactMap { $0.firstMatch(of: /^\s*(?:-\s+)?(?:alt|image_alt):\s*(?<alt>.+)$/).map { Phrase.value(String($0.alt)) } }.first
                uses.append("on “\(page.title)”" + (alt.map { " with the alt text “\($0)”" } ?? " without alt text"))
            }
        }
        guard !uses.isEmpty else {
            return .noChange("\(url) is in static/ but no page uses it yet. The offline agent cannot look at pictures; say “add the image \(url) to the … page with alt text …” to show it.")
        }
        return .noChange("\(url) is used \(Phrase.list(uses)). The offline agent cannot look at the picture itself; the alt text is what the site says it shows.")
    }

    /// The lines of the list item (or component block) that holds line `index`: back to its "- " line, on until the
    /// next item or the block's end — never a neighbour's alt text.
    static func item(around index: Int, in lines: [String]) -> ArraySlice<String> {
        var first = index
        while first > 0, !lines[first].contains(/^\s*-\s/), !lines[first - 1].hasPrefix(":::"), index - first < 6 { first -= 1 }
        var last = index
        while last + 1 < lines.count, !lines[last + 1].contains(/^\s*-\s|^:::/), last - index < 6 { last += 1 }
        return lines[first...last]
    }
}
