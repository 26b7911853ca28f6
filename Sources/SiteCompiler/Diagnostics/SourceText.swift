internal import Foundation

/// A source file's text with its path, so diagnostics can quote the offending line.
package struct SourceText: Sendable {
    /// Path relative to the site (or theme) root, as shown in diagnostics.
    package var path: String
    /// The whole file.
    package var text: String
    private let lines: [Substring]

    /// A file to quote from.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line without its line ending, or nil past the end.
    package func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = String(lines[number - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// The 1-based column (in Unicode scalars) of the first occurrence of `needle` on a line, if any.
    package func column(of needle: String, onLine number: Int) -> Int? {
        guard let line = line(number), let range = line.range(of: needle) else { return nil }
        return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
    }

    /// The first line and column where `needle` occurs, if anywhere.
    package func firstLocation(of needle: String) -> (line: Int, column: Int)? {
        for number in 1...max(lines.count, 1) {
            if let column = column(of: needle, onLine: number) { return (number, column) }
        }
        return nil
    }
}
