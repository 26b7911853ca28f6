import Foundation
import SiteCompiler

/// The order of a page's sections (component blocks): "move the testimonials above the gallery", "put the
/// features section after the hero", "move the FAQ to the top of the page". The block's lines move as they are.
struct SectionOrderIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.firstMatch(of: /(?i)^(?:move|put|place|show)\s+(?:the\s+)?(?<what>.+?)\s+(?<relation>above|below|before|after|under|over|to\s+the\s+top|to\s+the\s+bottom|at\s+the\s+top|at\s+the\s+bottom|first|last)(?:\s+(?:of\s+)?(?:the\s+)?(?<other>.+?))?[.!]?$/) else { return nil }
        var other = match.other.map(String.init)
        var pageName: String?
        if let text = other, let onPage = text.firstMatch(of: /(?i)^(?<rest>.*?)\s*\b(?:on|of|in)\s+(?:the\s+)?(?<page>[^"“”]+?)(?:\s+page)?$/) {
            other = onPage.rest.isEmpty ? nil : String(onPage.rest)
            pageName = String(onPage.page)
        }
        let relation = match.relation.lowercased()
        let edge = relation.contains("top") || relation == "first" ? 0 : relation.contains("bottom") || relation == "last" ? 1 : nil
        if edge != nil, let text = other, SlotNames.tokens(text).allSatisfy({ ["page", "list", "home"].contains($0) }) || text.lowercased() == "page" {
            if text.lowercased().contains("home") { pageName = "home" }
            other = nil
        }
        var pages = request.site.pages
        if let pageName {
            guard case .one(let page) = request.site.findPage(pageName) else { return nil }
            pages = [page]
        }
        // Pages where the section named exists (and the other one, when given).
        var found: [(page: PageRecord, moving: Int, anchor: Int?)] = []
        for page in pages {
            guard let text = request.site.files.text(page.path) else { continue }
            let blocks = ComponentBlockEditor(text).blocks
            guard let moving = Self.block(named: String(match.what), in: blocks) else { continue }
            if let other {
                guard let anchor = Self.block(named: other, in: blocks), anchor != moving else { continue }
                found.append((page, moving, anchor))
            } else if edge != nil {
                found.append((page, moving, nil))
            }
        }
        guard !found.isEmpty else { return nil }
        if found.count > 1, let home = found.first(where: { $0.page.isHome }) { found = [home] }
        guard found.count == 1, let place = found.first else {
            return .question(AgentQuestion(text: "Several pages have those sections. On which page?", options: found.map { "\($0.page.title) (\($0.page.url))" }))
        }
        var editor = ComponentBlockEditor(try request.workspace.text(place.page.path))
        let blocks = editor.blocks
        let moving = blocks[place.moving]
        let lines = Array(editor.lines.lines[moving.lines])
        let targetIndex: Int
        var after: Bool
        if let anchor = place.anchor {
            after = ["below", "after", "under"].contains(relation)
            targetIndex = anchor
        } else {
            after = edge == 1
            targetIndex = edge == 1 ? blocks.count - 1 : 0
        }
        if targetIndex == place.moving || (after && targetIndex == place.moving - 1) || (!after && targetIndex == place.moving + 1) {
            return .noChange("The \(moving.name) section is already there on “\(place.page.title)”. Order: \(Phrase.list(blocks.map(\.name))).")
        }
        let anchor = blocks[targetIndex].lines
        let before = editor.lines.count
        editor.remove(moving)
        // The anchor's lines move up by what was removed when it came after the moved section.
        let removed = before - editor.lines.count
        let shift = anchor.lowerBound > moving.lines.lowerBound ? removed : 0
        let anchorRange = anchor.lowerBound - shift..<anchor.upperBound - shift
        if after {
            editor.lines.insert([""] + lines, at: anchorRange.upperBound)
        } else {
            editor.lines.insert(lines + [""], at: anchorRange.lowerBound)
        }
        var workspace = request.workspace
        workspace.write(place.page.path, editor.text, step: "moved the \(moving.name) section")
        let order = ComponentBlockEditor(editor.text).blocks.map(\.name)
        return .change(workspace, summary: "Moved the \(moving.name) section on “\(place.page.title)”. The sections are now: \(Phrase.list(order)).")
    }

    /// The index of the block a phrase names ("the testimonials", "the features section", "the contact form").
    static func block(named phrase: String, in blocks: [ComponentBlockSpan]) -> Int? {
        let tokens = SlotNames.tokens(phrase).filter { !["section", "block", "part", "area"].contains($0) }
        guard !tokens.isEmpty else { return nil }
        let matches = blocks.indices.filter { index in
            SlotMatcher.match(tokens, groups: [EditSurface.componentNames(blocks[index].name)], page: nil).map { $0.leftover == 0 } ?? false
        }
        return matches.count == 1 ? matches[0] : nil
    }
}
