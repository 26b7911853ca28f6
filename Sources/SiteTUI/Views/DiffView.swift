/// A version's diff: a stat line, then each file's unified diff with additions and deletions coloured.
package struct DiffView {
    package var modal: DiffModal

    package init(modal: DiffModal) { self.modal = modal }

    package func draw(into screen: inout Screen, in area: Rect) {
        let rect = area
        screen.fill(rect)
        screen.box(rect, title: "Diff · \(modal.site) v\(modal.from) → v\(modal.to)", style: CellStyle(color: .accent))
        screen.mark(rect, .blocked)
        let inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height > 0, inner.width > 0 else { return }
        if let error = modal.loadError {
            screen.putRow(error, row: inner.row, in: inner, style: CellStyle(color: .danger))
            return
        }
        guard let diff = modal.diff else {
            screen.putRow("Loading the diff…", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        let lines = Self.lines(diff)
        let start = max(0, min(modal.scroll, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            screen.putSegments([line], row: inner.row + offset, in: inner)
        }
    }

    /// Every line of the diff, styled.
    static func lines(_ diff: SiteAPI.VersionDiff) -> [Segment] {
        let additions = diff.files.reduce(0) { $0 + $1.additions }
        let deletions = diff.files.reduce(0) { $0 + $1.deletions }
        var lines = [Segment("\(diff.files.count) file\(diff.files.count == 1 ? "" : "s") changed, +\(additions) −\(deletions)", .strong)]
        if diff.files.isEmpty { lines.append(Segment("The two versions' sources are the same.", CellStyle(dim: true))) }
        for file in diff.files {
            lines.append(Segment(""))
            lines.append(Segment("\(file.change) \(file.path)  +\(file.additions) −\(file.deletions)", CellStyle(bold: true, color: .accent)))
            for line in file.unified.split(separator: "\n", omittingEmptySubsequences: false) {
                let text = String(line).replacingTabs()
                let style: CellStyle =
                    if text.hasPrefix("+++") || text.hasPrefix("---") { CellStyle(dim: true) }
                    else if text.hasPrefix("+") { CellStyle(color: .success) }
                    else if text.hasPrefix("-") { CellStyle(color: .danger) }
                    else if text.hasPrefix("@@") { CellStyle(color: .accent) }
                    else { .plain }
                lines.append(Segment(text, style))
            }
        }
        return lines
    }
}

extension String {
    /// Tabs as four spaces (a cell holds one character).
    func replacingTabs() -> String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") }
}

import SiteAPI
