/// A text file as lines, so an edit can replace a few lines and keep every other byte as it was.
///
/// Splitting on `\n` and joining with `\n` round-trips exactly (a final newline becomes a last empty line;
/// a `\r` before `\n` stays on its line).
struct TextLines: Equatable {
    var lines: [String]

    init(_ text: String) {
        // Split on the scalar: Swift treats "\r\n" as one Character, which a Character split would miss.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    var text: String { lines.joined(separator: "\n") }

    var count: Int { lines.count }

    subscript(index: Int) -> String {
        get { lines[index] }
        set { lines[index] = newValue }
    }

    /// Replaces `range` with `newLines`, keeping a Windows line ending if the replaced text used one.
    mutating func replace(_ range: Range<Int>, with newLines: [String]) {
        let crlf = range.lowerBound < lines.count && lines[range.lowerBound].hasSuffix("\r")
        lines.replaceSubrange(range, with: crlf ? newLines.map { $0 + "\r" } : newLines)
    }

    /// Inserts `newLines` before line `index`.
    mutating func insert(_ newLines: [String], at index: Int) {
        replace(index..<index, with: newLines)
    }

    /// The index of the last line, ignoring the empty line a final newline leaves.
    var contentEnd: Int {
        var end = lines.count
        while end > 0, lines[end - 1].trimmingWhitespace.isEmpty { end -= 1 }
        return end
    }

    /// Leading spaces of a line.
    static func indentation(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// Whether the line holds nothing for YAML (blank, or only a comment).
    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
