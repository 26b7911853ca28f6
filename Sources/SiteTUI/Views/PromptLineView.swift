/// The bottom input line over the status row: `/filter`, `:command`, or a question that needs typed text.
package struct PromptLineView {
    package var prompt: Prompt

    package init(prompt: Prompt) { self.prompt = prompt }

    package func draw(into screen: inout Screen, row: Int, width: Int) {
        let rect = Rect(row: row, col: 0, width: width, height: 1)
        screen.fill(rect)
        let warning = if case .confirmDelete = prompt.kind { true } else { false }
        let col = screen.put(" " + prompt.label, row: row, col: 0,
                             style: CellStyle(bold: true, color: warning ? .danger : .accent), clip: rect)
        screen.putInput(prompt.editor, row: row, col: col, in: rect)
    }
}
