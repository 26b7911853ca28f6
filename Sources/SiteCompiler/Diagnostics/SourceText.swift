internal import Foundation
import Synchronization

/// A source file's text with its path, so diagnostics can quote the offending line.
package struct SourceText: Sendable {
    /// Path relative to the site (or theme) root, as shown in diagnostics.
    package var path: String
    /// The whole file.
    package var text: String {
        didSet { lineStarts = LineStarts() }
    }
    /// Where each line starts, found once when a diagnostic past the first lines needs it, so a file with thousands
    /// of findings is quoted in linear time (a 200,000-key site.yaml once took hours, one scan per finding).
    private var lineStarts = LineStarts()

    /// A file to quote from.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The lines, split when a diagnostic needs them (most files never do).
    private var lines: [Substring] {
        // Split on the byte: as Characters, "\r\n" is one and would never match "\n".
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
    }

    /// The 1-based line without its line ending, or nil past the end (found by scanning bytes: components ask
    /// for their line on every build, and most files are never split into lines).
    package func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        let utf8 = text.utf8
        var start = utf8.startIndex
        if number > 16 {
            let starts = lineStarts.starts(of: text)
            guard number <= starts.count else { return nil }
            start = starts[number - 1]
        } else {
            var current = 1
            while current < number {
                guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                start = utf8.index(after: newline)
                current += 1
            }
        }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        var line = String(decoding: utf8[start..<end], as: UTF8.self)
        if line.utf8.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
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
        guard let line, !needle.isEmpty else { return nil }
        let bytes = Array(line.utf8)
        guard let offset = ByteSearch.find(Array(needle.utf8), in: bytes, from: 0) else { return nil }
        // Scalars before the match: every byte that does not continue a multi-byte sequence starts one.
        return bytes[..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
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

/// The start of every line of a text, computed on first use and shared by copies of the ``SourceText``.
private final class LineStarts: Sendable {
    private let cached = Mutex<[String.Index]?>(nil)

    func starts(of text: String) -> [String.Index] {
        cached.withLock { cached in
            if let cached { return cached }
            let utf8 = text.utf8
            var starts = [utf8.startIndex]
            var index = utf8.startIndex
            while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
                index = utf8.index(after: newline)
                starts.append(index)
            }
            cached = starts
            return starts
        }
    }
}
