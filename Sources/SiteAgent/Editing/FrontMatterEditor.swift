import SiteCompiler
import Yams

/// Edits a page's YAML front matter one key at a time; the body and the other keys stay byte-identical.
struct FrontMatterEditor {
    /// The whole page file.
    var lines: TextLines

    init(_ text: String) {
        lines = TextLines(text)
    }

    var text: String { lines.text }

    /// The lines between the opening and closing `---`, or nil when the page has no front matter.
    var range: Range<Int>? {
        guard lines.count > 1, lines[0].trimmingWhitespace == "---" else { return nil }
        for index in 1..<lines.count where lines[index].trimmingWhitespace == "---" {
            return 1..<index
        }
        return nil
    }

    /// The first line of the Markdown body.
    var bodyStart: Int {
        range.map { $0.upperBound + 1 } ?? 0
    }

    /// The raw string of a scalar key (dates stay as written, `2026-03-01`).
    func string(_ key: String) -> String? {
        guard let range, let node = try? YAMLBudget.compose(lines.lines[range].joined(separator: "\n")) else { return nil }
        return node[key]?.string
    }

    /// A list of strings (`aliases`, `tags`); a single string counts as a one-item list.
    func list(_ key: String) -> [String] {
        guard let range, let node = try? YAMLBudget.compose(lines.lines[range].joined(separator: "\n")), let value = node[key] else { return [] }
        if let items = value.sequence { return items.compactMap(\.string) }
        return value.string.map { [$0] } ?? []
    }

    /// Whether `draft: true` is set.
    var isDraft: Bool {
        guard let range, let node = try? YAMLBudget.compose(lines.lines[range].joined(separator: "\n")) else { return false }
        return node["draft"]?.bool ?? false
    }

    /// Sets `key`, adding it (and the front matter itself) when absent.
    mutating func set(_ key: String, value: YAMLValue) {
        guard let range else {
            lines.insert(["---"] + YAMLValue.entryLines(key: key, value: value, indent: 0) + ["---"], at: 0)
            return
        }
        YAMLBlockMapping(range: range, indent: 0).set(key, value: value, in: &lines)
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    mutating func remove(_ key: String) -> Bool {
        guard let range else { return false }
        return YAMLBlockMapping(range: range, indent: 0).remove(key, in: &lines)
    }

    /// The Markdown body (everything after the front matter).
    var body: String {
        lines.lines[min(bodyStart, lines.count)...].joined(separator: "\n")
    }
}
