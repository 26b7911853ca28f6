package import SiteAPI

/// The site list: one row per site with its status and live/preview/latest versions; the selected row is
/// highlighted and a detail line describes it.
package struct DashboardView {
    package var sites: [Site]
    package var selected: Int
    package var loaded: Bool
    /// Shown above the list when it may be stale, such as "daemon unreachable since 12:04 — retrying (…)".
    package var notice: String?

    package init(sites: [Site], selected: Int, loaded: Bool = true, notice: String? = nil) {
        self.sites = sites
        self.selected = selected
        self.loaded = loaded
        self.notice = notice
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        screen.box(rect, title: "Sites (\(sites.count))", style: CellStyle(color: .accent))
        var inner = rect.inset(by: 1)
        guard inner.height >= 1, inner.width >= 1 else { return }
        if let notice {
            screen.putRow(" " + notice, row: inner.row, in: inner, style: CellStyle(bold: true, color: .warning))
            inner = Rect(row: inner.row + 1, col: inner.col, width: inner.width, height: inner.height - 1)
            guard inner.height >= 1 else { return }
            if !loaded { return }
        }
        guard loaded else {
            screen.putRow(" Loading sites…", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        guard !sites.isEmpty else {
            screen.putRow(" No sites yet.", row: inner.row, in: inner)
            screen.putRow(" Create one with: sitectl sites create NAME", row: inner.row + 1, in: inner)
            return
        }
        let nameWidth = min(24, max(4, sites.map { DisplayWidth.of($0.name) }.max() ?? 4))
        screen.putSegments(columns(["", "NAME", "STATUS", "LIVE", "PREVIEW", "LATEST", "THEME"], nameWidth: nameWidth)
            .map { Segment($0, CellStyle(bold: true, dim: true)) }, row: inner.row, in: inner)
        let detailRows = inner.height >= 6 ? 2 : 0
        let listRows = inner.height - 1 - detailRows
        guard listRows > 0 else { return }
        let offset = max(0, min(selected - listRows + 1, sites.count - listRows))
        for (line, index) in (offset..<min(sites.count, offset + listRows)).enumerated() {
            screen.putSegments(row(sites[index], isSelected: index == selected, nameWidth: nameWidth),
                               row: inner.row + 1 + line, in: inner, highlight: index == selected)
        }
        if detailRows > 0, sites.indices.contains(selected) {
            drawDetail(sites[selected], into: &screen, in: Rect(row: inner.bottom - 2, col: inner.col, width: inner.width, height: 2))
        }
    }

    private func row(_ site: Site, isSelected: Bool, nameWidth: Int) -> [Segment] {
        let texts = columns([
            isSelected ? "›" : "", site.name, site.status.rawValue, Format.version(site.liveVersion),
            Format.version(site.previewVersion), Format.version(site.latestVersion), site.theme,
        ], nameWidth: nameWidth)
        let styles: [CellStyle] = [
            CellStyle(bold: true, color: .accent), .strong,
            CellStyle(color: site.status == .enabled ? .success : .muted),
            CellStyle(color: .success), CellStyle(color: .warning), .plain, CellStyle(dim: true),
        ]
        return zip(texts, styles).map { Segment($0, $1) }
    }

    private func columns(_ values: [String], nameWidth: Int) -> [String] {
        let widths = [2, nameWidth, 8, 6, 8, 7, 16]
        return zip(values, widths).map { DisplayWidth.pad($0, to: $1) + " " }
    }

    private func drawDetail(_ site: Site, into screen: inout Screen, in rect: Rect) {
        let rule = String(repeating: "─", count: rect.width)
        screen.put(rule, row: rect.row, col: rect.col, style: CellStyle(dim: true), clip: rect)
        let text = " \(site.name): " + (site.description ?? "no description")
        screen.putRow(text, row: rect.row + 1, in: rect, style: CellStyle(dim: true))
    }
}
