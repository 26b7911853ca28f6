/// A rectangle of cells in screen coordinates (row 0 is the top line).
package struct Rect: Equatable, Sendable {
    package var row: Int
    package var col: Int
    package var width: Int
    package var height: Int

    package init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the last row.
    package var bottom: Int { row + height }
    /// One past the last column.
    package var right: Int { col + width }
    package var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `amount` cells on every side (the inside of a box).
    package func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, col: col + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The cells shared by both rectangles (empty when they do not overlap).
    package func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(col, other.col)
        return Rect(row: top, col: left, width: min(right, other.right) - left, height: min(bottom, other.bottom) - top)
    }

    /// A rectangle of the given size centred in this one, never larger than it.
    package func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, col: col + (self.width - w) / 2, width: w, height: h)
    }

    package func contains(row r: Int, col c: Int) -> Bool {
        r >= row && r < bottom && c >= col && c < right
    }
}
