import Foundation
import SiteCompiler

/// Checks the names a change gives the site before it is stored: a site title, tagline, menu label, page title
/// or page address that swallowed the rest of a sentence ("Northwind Tea and make the buttons green") or runs
/// long is a misunderstanding, and a misunderstanding must become a question, never a version.
enum ValueSanity {
    /// Longest title, menu label or address segment accepted without asking.
    static let maxNameLength = 60
    /// Longest tagline accepted without asking (a sentence is fine; a paragraph is a misreading).
    static let maxTaglineLength = 160
    /// Verbs that start an instruction; after "and", "then", "also", "," or ";" inside a value they show that the
    /// value swallowed another instruction.
    static let instructionVerbs = [
        "add", "make", "set", "change", "call", "rename", "remove", "delete", "create", "write", "publish", "put", "use",
        "move", "replace", "turn", "update", "switch", "give", "show", "hide", "insert", "drop", "paint", "colour", "color",
    ]

    /// The problem with `before` → `after`, as a question to ask instead of storing; nil when the names are sane.
    static func question(from before: SiteFiles, to after: SiteFiles) -> AgentQuestion? {
        guard let old = try? SiteSnapshot(files: before), let new = try? SiteSnapshot(files: after) else { return nil }
        var named: [(what: String, value: String)] = []
        if let title = new.title, title != old.title { named.append(("the site title", title)) }
        if let tagline = new.tagline, tagline != old.tagline { named.append(("the tagline", tagline)) }
        let oldLabels = Set(old.nav.map(\.label))
        for item in new.nav where !oldLabels.contains(item.label) { named.append(("the menu label", item.label)) }
        let oldTitles = Dictionary(old.pages.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        for page in new.pages where oldTitles[page.path] != page.title {
            named.append((page.isPost ? "the post title" : "the page title", page.title))
        }
        let oldURLs = Set(old.pages.map(\.url))
        for page in new.pages where !oldURLs.contains(page.url) {
            for segment in page.url.split(separator: "/") where segment.count > maxNameLength {
                return AgentQuestion(text: "Before I change anything: the new page's address \(page.url) would be \(segment.count) characters long, "
                    + "which usually means I took part of the request as its name. What should the page be called?")
            }
        }
        for (what, value) in named {
            if let clause = swallowedInstruction(in: value) {
                return AgentQuestion(text: "Before I change anything: \(what) would become “\(value)”, which looks like it also holds "
                    + "another instruction (“\(clause)”). What should \(what) be? You can send the other change separately.")
            }
            if value.count > (what == "the tagline" ? maxTaglineLength : maxNameLength) {
                return AgentQuestion(text: "Before I change anything: \(what) would become “\(value.prefix(80))…” (\(value.count) characters). "
                    + "Names that long usually mean I misread the request. What should \(what) be?")
            }
        }
        return nil
    }

    /// The instruction inside `value` ("make the buttons green" in "Northwind Tea and make the buttons green").
    static func swallowedInstruction(in value: String) -> String? {
        let words = value.split(whereSeparator: { $0 == " " }).map(String.init)
        for index in words.indices.dropFirst() {
            let previous = words[index - 1].lowercased()
            let joins = ["and", "then", "also", "&"].contains(previous) || previous.hasSuffix(",") || previous.hasSuffix(";")
            let word = words[index].lowercased().trimmingCharacters(in: .punctuationCharacters)
            if joins, instructionVerbs.contains(word), index + 1 < words.count {
                return words[index...].joined(separator: " ")
            }
        }
        return nil
    }
}
