/// The top row: product, context and host, and flags such as read-only or stopped live updates.
package struct HeaderView {
    package var state: AppState

    package init(state: AppState) { self.state = state }

    package func draw(into screen: inout Screen, in rect: Rect) {
        guard rect.height >= 1 else { return }
        let bar = CellStyle(reverse: true)
        var left = [Segment(" sitectl ", bar.emphasized), Segment(" context \(state.contextName)", bar)]
        if !state.host.isEmpty { left.append(Segment(" (\(state.host))", bar)) }
        screen.putSegments(left, row: rect.row, in: rect, highlight: true)
        var flags: [String] = []
        if state.readonly { flags.append("READ-ONLY") }
        flags.append(state.liveUpdates ? "● live updates" : "○ offline")
        let right = flags.joined(separator: "  ") + " "
        let col = rect.right - DisplayWidth.of(right)
        if col > rect.col + DisplayWidth.of(" sitectl  context \(state.contextName)") {
            screen.put(right, row: rect.row, col: col, style: bar, clip: rect)
        }
    }
}
