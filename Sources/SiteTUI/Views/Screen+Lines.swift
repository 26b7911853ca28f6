extension Screen {
    /// Draws a warning line (such as "daemon unreachable since 12:04 — …") at the top of `rect` and returns the
    /// rest of `rect` below it; `rect` unchanged when there is no notice.
    package mutating func putNotice(_ notice: String?, in rect: Rect) -> Rect {
        guard let notice, rect.height >= 1 else { return rect }
        putRow(notice, row: rect.row, in: rect, style: CellStyle(bold: true, color: .warning))
        return Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: rect.height - 1)
    }
}


extension Screen {
    /// Draws the part of an input line that fits between `col` and the end of `rect` on `row`, scrolled sideways so
    /// the cursor stays in view, and puts the terminal cursor there.
    package mutating func putInput(_ editor: LineEditor, row: Int, col: Int, in rect: Rect) {
        let room = max(1, rect.right - col - 1)
        let characters = editor.characters
        let cursor = editor.cursor
        var start = 0
        while start < cursor, DisplayWidth.of(String(characters[start..<cursor])) >= room { start += 1 }
        var end = cursor
        while end < characters.count, DisplayWidth.of(String(characters[start...end])) < room { end += 1 }
        let cursorCol = col + DisplayWidth.of(String(characters[start..<cursor]))
        put(String(characters[start..<end]), row: row, col: col, clip: rect)
        self.cursor = (row, min(cursorCol, rect.right - 1))
    }
}
