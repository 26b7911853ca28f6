/// The bottom two rows: the status message, then the key hints.
package struct FooterView {
    package var state: AppState

    package init(state: AppState) { self.state = state }

    package func draw(into screen: inout Screen, in rect: Rect) {
        guard rect.height >= 1 else { return }
        let hintRow = rect.bottom - 1
        var segments: [Segment] = []
        var hints = KeyHints.footer(for: state)
        // The input line covers the status row: a message about it (a bad site name) takes the hints' row.
        if state.prompt != nil, let status = state.status, status.kind == .error {
            screen.putRow(" " + status.text, row: hintRow, in: rect, style: CellStyle(bold: true, color: .danger))
            return
        }
        // Too wide: drop hints before the last two (help and quit stay findable).
        let room = rect.width - (state.readonly ? 11 : 0)
        while hints.count > 2, hints.reduce(0, { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.action) + 3 }) > room {
            hints.remove(at: hints.count - 3)
        }
        for hint in hints {
            segments.append(Segment(" " + hint.key, CellStyle(bold: true, color: .accent)))
            segments.append(Segment(" " + hint.action + " "))
        }
        if state.readonly { segments.append(Segment("  read-only", CellStyle(dim: true, color: .warning))) }
        screen.putSegments(segments, row: hintRow, in: rect)
        guard rect.height >= 2, let status = state.status else { return }
        let style: CellStyle =
            switch status.kind {
            case .info: .plain
            case .success: CellStyle(color: .success)
            case .error: CellStyle(bold: true, color: .danger)
            }
        screen.putRow(" " + status.text, row: hintRow - 1, in: rect, style: style)
    }
}
