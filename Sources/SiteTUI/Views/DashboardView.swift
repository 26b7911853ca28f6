package import SiteAPI

/// The site list: one row per site with its status, what is going on there (a question waiting, a build running
/// or queued, the last build failed) and live/preview/latest versions; the selected row is highlighted and a detail
/// line describes it. Names get the room the terminal has: the theme column goes first when it is narrow.
package struct DashboardView {
    package var sites: [Site]
    package var selected: Int
    package var loaded: Bool
    /// Shown above the list when it may be stale, such as "daemon unreachable since 12:04 — retrying (…)".
    package var notice: String?
    package var activity: [String: SiteActivity]
    /// The filter narrowing the list, shown in the title.
    package var filter: String?
    /// How many sites there are before the filter.
    package var total: Int?

    package init(sites: [Site], selected: Int, loaded: Bool = true, notice: String? = nil,
                 activity: [String: SiteActivity] = [:], filter: String? = nil, total: Int? = nil) {
        self.sites = sites
        self.selected = selected
        self.loaded = loaded
        self.notice = notice
        self.activity = activity
        self.filter = filter
        self.total = total
    }

    private static let headers = ["", "NAME", "STATUS", "ACTIVITY", "LIVE", "PREVIEW", "LATEST", "THEME"]

    package func draw(into screen: inout Screen, in rect: Rect) {
        var title = "Sites (\(sites.count))"
        if let filter, !filter.isEmpty { title = "Sites (\(sites.count) of \(total ?? sites.count)) · /\(filter)" }
        screen.box(rect, title: title, style: CellStyle(color: .accent))
        var inner = rect.inset(by: 1)
        guard inner.height >= 1, inner.width >= 1 else { return }
        if notice != nil {
            inner = screen.putNotice(notice.map { " " + $0 }, in: inner)
            guard inner.height >= 1, loaded else { return }
        }
        guard loaded else {
            screen.putRow(" Loading sites…", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        guard !sites.isEmpty else {
            if let filter, !filter.isEmpty {
                screen.putRow(" No site matches /\(filter).", row: inner.row, in: inner)
                screen.putRow(" Esc clears the filter.", row: inner.row + 1, in: inner, style: CellStyle(dim: true))
                return
            }
            screen.putRow(" No sites yet.", row: inner.row, in: inner)
            screen.putRow(" Create one with n, :sites create NAME, or sitectl sites create NAME", row: inner.row + 1, in: inner)
            return
        }
        let widths = columnWidths(available: inner.width)
        screen.putSegments(columns(Self.headers, widths).map { Segment($0, CellStyle(bold: true, dim: true)) },
                           row: inner.row, in: inner)
        let detailRows = inner.height >= 6 ? 2 : 0
        let listRows = inner.height - 1 - detailRows
        guard listRows > 0 else { return }
        let offset = max(0, min(selected - listRows + 1, sites.count - listRows))
        for (line, index) in (offset..<min(sites.count, offset + listRows)).enumerated() {
            screen.putSegments(row(sites[index], isSelected: index == selected, widths: widths),
                               row: inner.row + 1 + line, in: inner, highlight: index == selected)
            screen.mark(Rect(row: inner.row + 1 + line, col: inner.col, width: inner.width, height: 1), .site(sites[index].name))
        }
        if detailRows > 0, sites.indices.contains(selected) {
            drawDetail(sites[selected], into: &screen, in: Rect(row: inner.bottom - 2, col: inner.col, width: inner.width, height: 2))
        }
    }

    /// Widths of every column, 0 for one dropped. The name gets what the longest name needs when there is room;
    /// the theme column is dropped before a name is cut, then LATEST and PREVIEW before a name is cut below 20.
    func columnWidths(available: Int) -> [Int] {
        let longest = max(4, sites.map { DisplayWidth.of($0.name) }.max() ?? 4)
        var widths = [2, longest, 8, 10, 6, 8, 7, 16]
        func total() -> Int { widths.filter { $0 > 0 }.reduce(0) { $0 + $1 + 1 } }
        // Dropped in this order before a name is cut below 20 cells: theme, latest, preview.
        for column in [7, 6, 5] where total() > available && (column == 7 || longest - (total() - available) < min(longest, 20)) {
            widths[column] = 0
        }
        if total() > available { widths[1] = max(8, longest - (total() - available)) }
        return widths
    }

    private func row(_ site: Site, isSelected: Bool, widths: [Int]) -> [Segment] {
        let marker = activity[site.name]?.marker
        let texts = columns([
            isSelected ? "›" : "", site.name, site.status.rawValue, marker?.label ?? "",
            Format.version(site.liveVersion), Format.version(site.previewVersion), Format.version(site.latestVersion),
            site.theme,
        ], widths)
        let markerColor: ColorRole =
            switch marker {
            case .question?: .warning
            case .failed?: .danger
            default: .accent
            }
        let styles: [CellStyle] = [
            CellStyle(bold: true, color: .accent), .strong,
            CellStyle(color: site.status == .enabled ? .success : .muted), CellStyle(bold: true, color: markerColor),
            CellStyle(color: .success), CellStyle(color: .warning), .plain, CellStyle(dim: true),
        ]
        return zip(texts, styles).compactMap { $0.isEmpty ? nil : Segment($0, $1) }
    }

    /// Each value padded (or cut with …) to its column; dropped columns give "".
    private func columns(_ values: [String], _ widths: [Int]) -> [String] {
        zip(values, widths).map { value, width in
            guard width > 0 else { return "" }
            let fitted = DisplayWidth.of(value) > width ? DisplayWidth.truncate(value, to: width) : value
            return DisplayWidth.pad(fitted, to: width) + " "
        }
    }

    private func drawDetail(_ site: Site, into screen: inout Screen, in rect: Rect) {
        let rule = String(repeating: "─", count: rect.width)
        screen.put(rule, row: rect.row, col: rect.col, style: CellStyle(dim: true), clip: rect)
        var text = " \(site.name): " + (site.description ?? "no description")
        if let marker = activity[site.name]?.marker {
            switch marker {
            case .question: text += " · a question is waiting: Enter opens the chat to answer it"
            case .running, .queued: text += " · a build is \(marker == .running ? "running" : "queued"): J shows the jobs"
            case .failed: text += " · the last build failed: J shows its log"
            }
        }
        screen.putRow(text, row: rect.row + 1, in: rect, style: CellStyle(dim: true))
    }
}
