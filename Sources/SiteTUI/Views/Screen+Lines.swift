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
        // Linear in the line's length: a 30 KB paste must not cost seconds per key.
        let widths = characters.map { DisplayWidth.of($0) }
        var start = cursor
        var before = 0
        while start > 0, before + widths[start - 1] < room {
            start -= 1
            before += widths[start]
        }
        var end = cursor
        var used = before
        while end < characters.count, used + widths[end] < room {
            used += widths[end]
            end += 1
        }
        put(String(characters[start..<end]), row: row, col: col, clip: rect)
        self.cursor = (row, min(col + before, rect.right - 1))
    }
}
