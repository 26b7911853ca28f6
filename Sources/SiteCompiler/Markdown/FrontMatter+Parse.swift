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
        // Byte offsets of each line's start and end (without "\r"), scanned only until the closing fence.
        let bytes = Array(text.utf8)
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return index
        }
        func isFence(_ start: Int, _ end: Int, _ fences: [String]) -> Bool {
            var stop = end
            if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            return fences.contains { $0.utf8.elementsEqual(bytes[start..<stop]) }
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(0, firstEnd, ["---"]) else {
            return PageSource(frontMatter: FrontMatter(), body: text, bodyLineOffset: 0)
        }
        var lineStart = firstEnd + 1
        var lineIndex = 1
        var closing: (index: Int, start: Int, end: Int)?
        while lineStart <= bytes.count, firstEnd < bytes.count {
            let end = lineEnd(from: lineStart)
            if isFence(lineStart, end, ["---", "..."]) {
                closing = (lineIndex, lineStart, end)
                break
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            lineIndex += 1
        }
        guard let closing else {
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
        let yamlStart = firstEnd + 1
        let yamlEnd = max(yamlStart, closing.start - 1)
        let yaml = closing.index > 1 ? String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self) : ""
        let body = closing.end < bytes.count ? String(decoding: bytes[(closing.end + 1)...], as: UTF8.self) : ""
        let closingLine = closing.index
        var reader = FrontMatterReader(source: source)
        if let node = try YAMLNode.parse(yaml, source: source, lineOffset: 1) {
            reader.read(node)
        }
        warnings += reader.diagnostics.filter { $0.severity == .warning }
        if reader.diagnostics.hasErrors { throw CompileFailure(diagnostics: reader.diagnostics) }
        return PageSource(frontMatter: reader.frontMatter, body: body, bodyLineOffset: closingLine + 1)
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
