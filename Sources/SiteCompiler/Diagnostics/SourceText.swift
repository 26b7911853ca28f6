internal import Foundation

/// A source file's text with its path, so diagnostics can quote the offending line.
package struct SourceText: Sendable {
    /// Path relative to the site (or theme) root, as shown in diagnostics.
    package var path: String
    /// The whole file.
    package var text: String

    /// A file to quote from.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The lines, split when a diagnostic needs them (most files never do).
    private var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The 1-based line without its line ending, or nil past the end.
    package func line(_ number: Int) -> String? {
        line(number, of: lines)
    }

    private func line(_ number: Int, of lines: [Substring]) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = String(lines[number - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// The 1-based column (in Unicode scalars) of the first occurrence of `needle` on a line, if any.
    package func column(of needle: String, onLine number: Int) -> Int? {
        column(of: needle, in: line(number))
    }

    private func column(of needle: String, in line: String?) -> Int? {
        guard let line, let range = line.range(of: needle) else { return nil }
        return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
    }

    /// The first line and column where `needle` occurs, if anywhere.
    package func firstLocation(of needle: String) -> (line: Int, column: Int)? {
        guard text.contains(needle) else { return nil }
        let lines = lines
        for number in 1...max(lines.count, 1) {
            if let column = column(of: needle, in: line(number, of: lines)) { return (number, column) }
        }
        return nil
    }
}
