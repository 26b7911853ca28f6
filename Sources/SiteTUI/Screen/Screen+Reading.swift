import Foundation

/// Reading a screen back: what a user would see, for tests and snapshots.
extension Screen {
    /// The characters of one row, trailing blanks removed.
    package func text(row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for col in 0..<width where !self[row, col].isContinuation {
            line.append(self[row, col].character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Every row as text.
    package var lines: [String] { (0..<height).map { text(row: $0) } }

    /// The whole screen as text, one line per row (a snapshot).
    package var rendered: String { lines.joined(separator: "\n") }

    /// Whether `needle` appears on some row.
    package func contains(_ needle: String) -> Bool { find(needle) != nil }

    /// The row and column where `needle` first appears, or nil.
    package func find(_ needle: String) -> (row: Int, col: Int)? {
        for row in 0..<height {
            let line = text(row: row)
            guard let range = line.range(of: needle) else { continue }
            return (row, DisplayWidth.of(line[line.startIndex..<range.lowerBound]))
        }
        return nil
    }

    /// The style at the start of the first occurrence of `needle`, or nil when it is not on screen.
    package func style(of needle: String) -> CellStyle? {
        find(needle).map { self[$0.row, $0.col].style }
    }

    /// Whether any cell carries a colour role (false under `NO_COLOR`).
    package var usesColor: Bool {
        for row in 0..<height {
            for col in 0..<width where self[row, col].style.color != nil { return true }
        }
        return false
    }
}

extension Screen: CustomStringConvertible {
    /// The rendered text, so test failures show the screen as a user would see it.
    package var description: String { "\n" + rendered + "\n" }
}
