internal import Foundation

/// A page file split into its front matter and Markdown body.
package struct PageSource: Sendable {
    /// The parsed front matter (empty when the file has none).
    package var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    package var body: String
    /// Lines of the file before `body` starts, so body positions can be turned into file positions.
    package var bodyLineOffset: Int
}

extension PageSource {
    /// Splits and parses a page. Errors (bad YAML, wrongly typed keys) are thrown together; warnings (unknown
    /// keys that look like typos) are appended to `warnings`.
    package static func parse(_ source: SourceText, warnings: inout [Diagnostic]) throws(CompileFailure) -> PageSource {
        var text = source.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else {
            return PageSource(frontMatter: FrontMatter(), body: text, bodyLineOffset: 0)
        }
        guard
            let closing = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingTrailingCR()
                return line == "---" || line == "..."
            })
        else {
            throw CompileFailure(diagnostics: [
                .error(
                    "front matter is not closed",
                    in: source,
                    line: 1,
                    column: 1,
                    hint: "end the front matter with a line \"---\""
                )
            ])
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        var reader = FrontMatterReader(source: source)
        if let node = try YAMLNode.parse(yaml, source: source, lineOffset: 1) {
            reader.read(node)
        }
        warnings += reader.diagnostics.filter { $0.severity == .warning }
        if reader.diagnostics.hasErrors { throw CompileFailure(diagnostics: reader.diagnostics) }
        return PageSource(frontMatter: reader.frontMatter, body: body, bodyLineOffset: closing + 1)
    }
}

extension Substring {
    fileprivate func trimmingTrailingCR() -> Substring {
        hasSuffix("\r") ? dropLast() : self
    }
}

/// Reads the front matter mapping into ``FrontMatter`` with located errors.
private struct FrontMatterReader {
    let source: SourceText
    var frontMatter = FrontMatter()
    var diagnostics: [Diagnostic] = []

    mutating func read(_ node: YAMLNode) {
        guard let entries = node.entries else {
            fail(node, "front matter must be a mapping of keys to values, found \(node.typeDescription)")
            return
        }
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "title": frontMatter.title = text(value, entry.key)
            case "description": frontMatter.description = text(value, entry.key)
            case "summary": frontMatter.summary = text(value, entry.key)
            case "slug": frontMatter.slug = text(value, entry.key)
            case "layout": frontMatter.layout = text(value, entry.key)
            case "date": frontMatter.date = date(value, entry.key)
            case "updated": frontMatter.updated = date(value, entry.key)
            case "draft":
                if value.isNull { break }
                if let flag = value.bool {
                    frontMatter.draft = flag
                } else {
                    fail(value, "\"draft\" must be true or false")
                }
            case "weight":
                if value.isNull { break }
                if let weight = value.int {
                    frontMatter.weight = weight
                } else {
                    fail(value, "\"weight\" must be a whole number")
                }
            case "tags": frontMatter.tags = list(value, entry.key)
            case "aliases": frontMatter.aliases = list(value, entry.key)
            default:
                frontMatter.params[entry.key] = value
                if let hint = Suggestion.hint(for: entry.key, among: FrontMatter.knownKeys) {
                    diagnostics.append(
                        .warning(
                            "unknown front matter key \"\(entry.key)\"",
                            in: source,
                            line: entry.line,
                            column: entry.column,
                            hint: hint
                        )
                    )
                }
            }
        }
    }

    private mutating func text(_ node: YAMLNode, _ key: String) -> String? {
        if node.isNull { return nil }
        guard let text = node.string else {
            fail(node, "\"\(key)\" must be text, found \(node.typeDescription)")
            return nil
        }
        return text
    }

    private mutating func date(_ node: YAMLNode, _ key: String) -> PageDate? {
        guard let raw = text(node, key) else { return nil }
        guard let date = PageDate(parsing: raw) else {
            fail(
                node,
                "\"\(key)\" is not a date: \"\(raw)\"",
                hint: "write dates as YYYY-MM-DD or 2024-05-01T09:30:00Z"
            )
            return nil
        }
        return date
    }

    private mutating func list(_ node: YAMLNode, _ key: String) -> [String] {
        if node.isNull { return [] }
        if let single = node.string { return [single] }
        guard let items = node.items else {
            fail(node, "\"\(key)\" must be a list of text, found \(node.typeDescription)")
            return []
        }
        return items.compactMap { text($0, key) }
    }

    private mutating func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(message, in: source, line: node.line, column: node.column, hint: hint))
    }
}
