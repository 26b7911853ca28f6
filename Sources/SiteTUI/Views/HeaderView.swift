package import Foundation

/// The top row: product, context and host, and flags such as read-only or stopped live updates.
package struct HeaderView {
    package var state: AppState
    package var timeZone: TimeZone

    package init(state: AppState, timeZone: TimeZone = .current) {
        self.state = state
        self.timeZone = timeZone
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        guard rect.height >= 1 else { return }
        let bar = CellStyle(reverse: true)
        var left = [Segment(" sitectl ", bar.emphasized), Segment(" context \(state.contextName)", bar)]
        if !state.host.isEmpty { left.append(Segment(" (\(state.host))", bar)) }
        screen.putSegments(left, row: rect.row, in: rect, highlight: true)
        var flags: [String] = []
        if state.readonly { flags.append("READ-ONLY") }
        switch state.connection {
        case .connecting: flags.append("◌ connecting…")
        case .live: flags.append("● live")
        case .down(let since, _): flags.append("○ unreachable since \(Format.clock(since, in: timeZone))")
        case .signedOut: flags.append("○ signed out")
        }
        let right = flags.joined(separator: "  ") + " "
        let col = rect.right - DisplayWidth.of(right)
        if col > rect.col + DisplayWidth.of(" sitectl  context \(state.contextName)") {
            screen.put(right, row: rect.row, col: col, style: bar, clip: rect)
        }
    }
}
