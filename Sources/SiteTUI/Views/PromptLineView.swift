/// The bottom input line over the status row: `/filter`, `:command`, or a question that needs typed text.
package struct PromptLineView {
    package var prompt: Prompt

    package init(prompt: Prompt) { self.prompt = prompt }

    package func draw(into screen: inout Screen, row: Int, width: Int) {
        let rect = Rect(row: row, col: 0, width: width, height: 1)
        screen.fill(rect)
        let warning = if case .confirmDelete = prompt.kind { true } else { false }
        var col = screen.put(" " + prompt.label, row: row, col: 0,
                             style: CellStyle(bold: true, color: warning ? .danger : .accent), clip: rect)
        let room = max(1, rect.right - col - 1)
        let characters = prompt.editor.characters
        let cursor = prompt.editor.cursor
        var start = 0
        while start < cursor, DisplayWidth.of(String(characters[start..<cursor])) >= room { start += 1 }
        let cursorCol = col + DisplayWidth.of(String(characters[start..<cursor]))
        col = screen.put(String(characters[start...]), row: row, col: col, clip: rect)
        screen.cursor = (row, min(cursorCol, rect.right - 1))
    }
}
