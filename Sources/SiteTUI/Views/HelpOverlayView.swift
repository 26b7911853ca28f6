/// The `?` overlay: every key and command from ``KeyMap`` and ``Palette``, grouped by where it applies, flowed into
/// as many columns as fit; j/k show the next or previous column when there are more than fit.
package struct HelpOverlayView {
    package var readonly: Bool
    package var scroll: Int

    package init(readonly: Bool, scroll: Int = 0) {
        self.readonly = readonly
        self.scroll = scroll
    }

    package func draw(into screen: inout Screen, in area: Rect) {
        let rect = area.inset(by: 0)
        screen.fill(rect)
        screen.box(rect, title: "Help · j/k more · any other key closes", style: CellStyle(color: .accent))
        screen.mark(rect, .blocked)
        let inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height > 0, inner.width > 0 else { return }
        var sections = KeyHints.help(readonly: readonly).map(Self.lines(for:))
        if readonly { sections.append([[Segment("Read-only: keys that change something are hidden.", CellStyle(color: .warning))]]) }
        // Whole sections per column (a section longer than the screen is cut into pieces).
        var layout: [[[Segment]]] = [[]]
        for section in sections {
            for piece in stride(from: 0, to: section.count, by: inner.height).map({ Array(section[$0..<min($0 + inner.height, section.count)]) }) {
                if !layout[layout.count - 1].isEmpty, layout[layout.count - 1].count + piece.count > inner.height { layout.append([]) }
                layout[layout.count - 1] += piece
            }
        }
        let visible = max(1, min(3, inner.width / 44))
        let columnWidth = inner.width / visible
        let first = Self.clampedScroll(scroll, lines: layout.count, capacity: visible)
        for (index, column) in layout.dropFirst(first).prefix(visible).enumerated() {
            for (offset, line) in column.enumerated() where offset < inner.height {
                let cell = Rect(row: inner.row + offset, col: inner.col + index * columnWidth, width: columnWidth - 1, height: 1)
                screen.putSegments(line, row: cell.row, in: cell)
            }
        }
        if first + visible < layout.count {
            let marker = " j: more → "
            screen.put(marker, row: rect.bottom, col: rect.right - DisplayWidth.of(marker) - 1, style: CellStyle(reverse: true))
        }
        if first > 0 {
            screen.put(" ← k ", row: rect.bottom, col: rect.col + 2, style: CellStyle(reverse: true))
        }
    }

    static func clampedScroll(_ scroll: Int, lines: Int, capacity: Int) -> Int {
        max(0, min(scroll, lines - capacity))
    }

    private static func lines(for section: (title: String, hints: [KeyHint])) -> [[Segment]] {
        let keyWidth = min(26, (section.hints.map { DisplayWidth.of($0.key) }.max() ?? 0) + 1)
        return [[Segment(section.title, CellStyle(bold: true, underline: true))]]
            + section.hints.map { hint in
                [Segment("  " + DisplayWidth.pad(hint.key, to: keyWidth), CellStyle(bold: true, color: .accent)),
                 Segment(hint.action)]
            } + [[]]
    }
}
