/// The entries of a YAML block mapping inside some lines of a file, located so one entry can be replaced,
/// added or removed while every other line stays byte-identical.
///
/// Used for the top level of `site.yaml`, its `tokens:`, front matter and component props.
struct YAMLBlockMapping {
    /// One `key: value` entry: the key line plus its continuation lines (nested blocks, indentless lists).
    struct Entry {
        var key: String
        var lines: Range<Int>
        /// What follows `key:` on the key line, trimmed (empty for a nested block).
        var inlineValue: String
    }

    /// The lines that hold the mapping.
    var range: Range<Int>
    /// The indentation of the mapping's keys.
    var indent: Int

    func entries(in text: TextLines) -> [Entry] {
        var result: [Entry] = []
        for index in range {
            let line = text[index]
            guard !TextLines.isBlankOrComment(line), TextLines.indentation(of: line) <= indent else { continue }
            if let (key, value) = Self.keyAndValue(line, indent: indent) {
                if var last = result.popLast() {
                    last.lines = last.lines.lowerBound..<Self.trimmedEnd(last.lines.lowerBound, index, in: text)
                    result.append(last)
                }
                result.append(Entry(key: key, lines: index..<index + 1, inlineValue: value))
            }
        }
        if var last = result.popLast() {
            last.lines = last.lines.lowerBound..<Self.trimmedEnd(last.lines.lowerBound, range.upperBound, in: text)
            result.append(last)
        }
        return result
    }

    func entry(_ key: String, in text: TextLines) -> Entry? {
        entries(in: text).first { $0.key == key }
    }

    /// Replaces the entry for `key` with `newLines`, or adds them after the last entry.
    /// Returns the range the new lines occupy.
    @discardableResult
    func set(_ key: String, to newLines: [String], in text: inout TextLines) -> Range<Int> {
        if let existing = entry(key, in: text) {
            text.replace(existing.lines, with: newLines)
            return existing.lines.lowerBound..<existing.lines.lowerBound + newLines.count
        }
        let position = entries(in: text).last?.lines.upperBound ?? range.lowerBound
        text.insert(newLines, at: position)
        return position..<position + newLines.count
    }

    /// Sets `key` to a value, written in block style at this mapping's indentation. A string replacing a
    /// quoted string keeps the quoting style the file used.
    @discardableResult
    func set(_ key: String, value: YAMLValue, in text: inout TextLines) -> Range<Int> {
        if case .string(let string) = value, let existing = entry(key, in: text), existing.lines.count == 1,
           let quote = existing.inlineValue.first, quote == "\"" || quote == "'" {
            let pad = String(repeating: " ", count: indent)
            let scalar = quote == "\"" ? YAMLScalar.doubleQuoted(string) : YAMLScalar.singleQuoted(string)
            let keyText = text[existing.lines.lowerBound].dropFirst(indent).prefix { $0 != ":" }
            return set(key, to: [pad + keyText + ": " + scalar], in: &text)
        }
        return set(key, to: YAMLValue.entryLines(key: key, value: value, indent: indent), in: &text)
    }

    /// Removes the entry for `key`; returns whether it existed.
    @discardableResult
    func remove(_ key: String, in text: inout TextLines) -> Bool {
        guard let existing = entry(key, in: text) else { return false }
        text.replace(existing.lines, with: [])
        return true
    }

    /// The range of the entry's nested lines (after the key line), and their indentation.
    func children(of entry: Entry, in text: TextLines) -> YAMLBlockMapping? {
        let nested = entry.lines.lowerBound + 1..<entry.lines.upperBound
        guard let first = nested.first(where: { !TextLines.isBlankOrComment(text[$0]) }) else { return nil }
        return YAMLBlockMapping(range: nested, indent: TextLines.indentation(of: text[first]))
    }

    /// Splits a line `key: value` at `indent`; nil when the line is not a mapping key at that indentation.
    static func keyAndValue(_ line: String, indent: Int) -> (String, String)? {
        guard TextLines.indentation(of: line) == indent else { return nil }
        let body = line.dropFirst(indent)
        guard let first = body.first, first != "-", first != "#" else { return nil }
        var key = ""
        var rest: Substring
        if first == "\"" || first == "'" {
            guard let close = body.dropFirst().firstIndex(of: first) else { return nil }
            key = String(body[body.index(after: body.startIndex)..<close])
            rest = body[body.index(after: close)...]
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst()
        } else {
            var index = body.startIndex
            while index < body.endIndex {
                if body[index] == ":" {
                    let next = body.index(after: index)
                    if next == body.endIndex || body[next] == " " || body[next] == "\r" { break }
                }
                index = body.index(after: index)
            }
            guard index < body.endIndex else { return nil }
            key = String(body[..<index]).trimmingWhitespace
            rest = body[body.index(after: index)...]
        }
        guard !key.isEmpty else { return nil }
        return (key, String(rest).trimmingWhitespace)
    }

    /// The end of an entry that runs from `start` up to `end`, without trailing blank and comment lines.
    private static func trimmedEnd(_ start: Int, _ end: Int, in text: TextLines) -> Int {
        var upper = end
        while upper > start + 1, TextLines.isBlankOrComment(text[upper - 1]) { upper -= 1 }
        return upper
    }
}
