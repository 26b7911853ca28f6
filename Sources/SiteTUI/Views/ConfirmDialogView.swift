/// A small centred y/n dialog for a mutating action.
package struct ConfirmDialogView {
    package var confirmation: Confirmation

    package init(confirmation: Confirmation) { self.confirmation = confirmation }

    package func draw(into screen: inout Screen, in area: Rect) {
        let prompt = confirmation.prompt
        let width = min(area.width - 2, max(DisplayWidth.of(prompt) + 4, 30))
        let lines = TextWrap.wrap(prompt, width: max(1, width - 4))
        let rect = area.centered(width: width, height: lines.count + 4)
        screen.fill(rect)
        screen.box(rect, title: "Confirm", style: CellStyle(bold: true, color: .warning))
        screen.mark(rect, .blocked)
        let inner = rect.inset(by: 1).insetHorizontally(1)
        for (offset, line) in lines.enumerated() where offset < inner.height {
            screen.putRow(line, row: inner.row + offset, in: inner, style: .strong)
        }
        if inner.height > lines.count {
            screen.putSegments([
                Segment("y", CellStyle(bold: true, color: .accent)), Segment(" yes   "),
                Segment("n", CellStyle(bold: true, color: .accent)), Segment(" no"),
            ], row: inner.bottom - 1, in: inner)
        }
    }
}
