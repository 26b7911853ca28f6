/// A pure-Swift grid of styled cells that views render into.
///
/// The terminal flushes it to ncurses; tests read it back as text (`text(row:)`, `contains(_:)`) and styles. All
/// drawing is clipped to the grid, so a view never crashes on a small terminal.
package struct Screen: Equatable, Sendable {
    package let width: Int
    package let height: Int
    /// When false (`NO_COLOR`, `--no-color`), colour roles are dropped as cells are written; attributes stay.
    package let colorEnabled: Bool
    /// Where the terminal should show the cursor (the chat input), or nil to hide it.
    package var cursor: (row: Int, col: Int)? {
        get { cursorPosition.map { ($0.row, $0.col) } }
        set { cursorPosition = newValue.map { Position(row: $0.row, col: $0.col) } }
    }

    private var cells: [Cell]
    private var cursorPosition: Position?
    /// Regions views marked for mouse clicks (not part of equality: they follow from what is drawn).
    var hits: [Hit] = []

    package init(width: Int, height: Int, colorEnabled: Bool = true) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.colorEnabled = colorEnabled
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    package var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    /// The cell at a position; blank outside the grid.
    package subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < height, col >= 0, col < width else { return .blank }
        return cells[row * width + col]
    }

    /// Sets one cell, ignoring positions outside the grid.
    package mutating func set(row: Int, col: Int, _ cell: Cell) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        var cell = cell
        if !colorEnabled { cell.style.color = nil }
        cells[row * width + col] = cell
    }

    /// Writes `text` from (`row`, `col`) on one line, clipped to `clip` (default: the whole screen).
    /// Control characters are skipped; a wide character that does not fit is replaced by a space.
    /// - Returns: the column after the last one written.
    @discardableResult
    package mutating func put(_ text: String, row: Int, col: Int, style: CellStyle = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard row >= area.row, row < area.bottom else { return col }
        var column = col
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column >= area.right { break }
            if column >= area.col {
                if w == 2, column + 1 >= area.right {
                    set(row: row, col: column, Cell(character: " ", style: style))
                } else {
                    set(row: row, col: column, Cell(character: character, style: style))
                    if w == 2 { set(row: row, col: column + 1, Cell(character: " ", style: style, isContinuation: true)) }
                }
            }
            column += w
        }
        return column
    }

    /// Fills a rectangle with blanks in `style` (reverse video shows as a bar).
    package mutating func fill(_ rect: Rect, style: CellStyle = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for r in area.row..<area.bottom {
            for c in area.col..<area.right { set(row: r, col: c, Cell(character: " ", style: style)) }
        }
    }

    /// Writes `text` on a row of `rect`, padded with `style` to the rectangle's full width (a list row, a bar).
    package mutating func putRow(_ text: String, row: Int, in rect: Rect, style: CellStyle = .plain) {
        fill(Rect(row: row, col: rect.col, width: rect.width, height: 1).intersection(rect), style: style)
        put(DisplayWidth.truncate(text, to: rect.width), row: row, col: rect.col, style: style, clip: rect)
    }

    /// Draws a single-line box around `rect`, with an optional title in its top edge, and clears its inside.
    package mutating func box(_ rect: Rect, title: String? = nil, style: CellStyle = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect.inset(by: 1))
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", row: rect.row, col: rect.col, style: style)
        put("└" + horizontal + "┘", row: rect.bottom - 1, col: rect.col, style: style)
        for r in (rect.row + 1)..<(rect.bottom - 1) {
            put("│", row: r, col: rect.col, style: style)
            put("│", row: r, col: rect.right - 1, style: style)
        }
        if let title, rect.width > 4 {
            let text = " " + DisplayWidth.truncate(title, to: rect.width - 6) + " "
            put(text, row: rect.row, col: rect.col + 2, style: style.emphasized)
        }
    }
}

extension Screen {
    private struct Position: Equatable, Sendable {
        var row: Int
        var col: Int
    }

    package static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorPosition == rhs.cursorPosition
    }
}
