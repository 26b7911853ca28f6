package import Foundation
import SiteAPI

/// The versions modal: number, creation time, origin, checks, live/preview markers and summary of each version,
/// newest first, with the selection highlighted.
package struct VersionsModalView {
    package var modal: VersionsModal
    package var timeZone: TimeZone
    /// Shown above the list when it may be stale or could not load, such as "daemon unreachable since 12:04 — …".
    package var notice: String?

    package init(modal: VersionsModal, timeZone: TimeZone, notice: String? = nil) {
        self.modal = modal
        self.timeZone = timeZone
        self.notice = notice
    }

    /// Where the modal goes inside `area`: nearly full width, tall enough for the list when it can be.
    package static func frame(in area: Rect, count: Int) -> Rect {
        area.centered(width: min(area.width - 2, 100), height: min(area.height - 2, max(count, 1) + 4))
    }

    package func draw(into screen: inout Screen, in area: Rect) {
        let rect = Self.frame(in: area, count: modal.versions.count + (notice == nil ? 0 : 1))
        screen.box(rect, title: "Versions · \(modal.site)", style: CellStyle(color: .accent))
        screen.mark(rect, .blocked)
        var inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height >= 2, inner.width > 0 else { return }
        if notice != nil {
            inner = screen.putNotice(notice, in: inner)
            guard !modal.versions.isEmpty, inner.height >= 2 else { return }
        }
        if modal.isLoading, modal.versions.isEmpty {
            screen.putRow("Loading versions…", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        guard !modal.versions.isEmpty else {
            screen.putRow("No versions yet.", row: inner.row, in: inner)
            return
        }
        let header = columns(["", "#", "CREATED", "ORIGIN", "CHECKS", "POINTERS", "SUMMARY"])
        screen.putSegments(header.map { Segment($0, CellStyle(bold: true, dim: true)) }, row: inner.row, in: inner)
        let rows = inner.height - 1
        let offset = max(0, min(modal.selected - rows + 1, modal.versions.count - rows))
        for (line, index) in (offset..<min(modal.versions.count, offset + rows)).enumerated() {
            let isSelected = index == modal.selected
            screen.putSegments(row(modal.versions[index], isSelected: isSelected), row: inner.row + 1 + line, in: inner,
                               highlight: isSelected)
            screen.mark(Rect(row: inner.row + 1 + line, col: inner.col, width: inner.width, height: 1),
                        .version(modal.versions[index].number))
        }
    }

    private func row(_ version: Version, isSelected: Bool) -> [Segment] {
        var pointers: [String] = []
        if version.isLive { pointers.append("[live]") }
        if version.isPreview { pointers.append("[preview]") }
        let texts = columns([
            isSelected ? "›" : "", String(version.number), Format.dateTime(version.createdAt, in: timeZone),
            version.origin, version.checkStatus.rawValue, pointers.joined(separator: " "), version.summary,
        ])
        let checks: ColorRole =
            switch version.checkStatus {
            case .passed: .success
            case .warnings: .warning
            case .failed: .danger
            }
        let styles: [CellStyle] = [
            CellStyle(bold: true, color: .accent), .strong, CellStyle(dim: true), .plain, CellStyle(color: checks),
            CellStyle(bold: true, color: version.isLive ? .success : .warning), .plain,
        ]
        return zip(texts, styles).map { Segment($0, $1) }
    }

    private func columns(_ values: [String]) -> [String] {
        let widths = [2, 4, 16, 7, 8, 16]
        return values.enumerated().map { index, value in
            index < widths.count ? DisplayWidth.pad(value, to: widths[index]) + " " : value
        }
    }
}
