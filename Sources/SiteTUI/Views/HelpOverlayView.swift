/// The `?` overlay: every key, grouped by where it applies; two columns when the terminal is wide enough.
package struct HelpOverlayView {
    package var readonly: Bool

    /// Width of one column of sections.
    private static let columnWidth = 30

    package init(readonly: Bool) { self.readonly = readonly }

    package func draw(into screen: inout Screen, in area: Rect) {
        let sections = KeyHints.help(readonly: readonly).map(Self.lines(for:))
        let twoColumns = area.width >= 2 * Self.columnWidth + 6
        let half = (sections.count + 1) / 2
        let columns = twoColumns ? [Array(sections[..<half]), Array(sections[half...])] : [sections]
        let columnLines = columns.map { $0.enumerated().flatMap { index, lines in index == 0 ? lines : [[]] + lines } }
        var footer: [[Segment]] = []
        if readonly { footer = [[], [Segment("Read-only: chat, deploy and rollback are disabled.", CellStyle(color: .warning))]] }
        let height = (columnLines.map(\.count).max() ?? 0) + footer.count + 2
        let width = twoColumns ? 2 * Self.columnWidth + 4 : min(area.width - 2, Self.columnWidth + 4)
        let rect = area.centered(width: width, height: min(area.height, height))
        screen.box(rect, title: "Help · any key closes", style: CellStyle(color: .accent))
        let inner = rect.inset(by: 1).insetHorizontally(1)
        for (index, lines) in columnLines.enumerated() {
            let column = Rect(row: inner.row, col: inner.col + index * Self.columnWidth, width: Self.columnWidth,
                              height: inner.height).intersection(inner)
            for (offset, line) in lines.enumerated() where offset < column.height {
                screen.putSegments(line, row: column.row + offset, in: column)
            }
        }
        for (offset, line) in footer.enumerated() {
            let row = inner.bottom - footer.count + offset
            if row >= inner.row { screen.putSegments(line, row: row, in: inner) }
        }
    }

    private static func lines(for section: (title: String, hints: [KeyHint])) -> [[Segment]] {
        [[Segment(section.title, CellStyle(bold: true, underline: true))]]
            + section.hints.map { hint in
                [Segment("  " + DisplayWidth.pad(hint.key, to: 11), CellStyle(bold: true, color: .accent)),
                 Segment(hint.action)]
            }
    }
}
