package import Foundation
import SiteAPI

/// The jobs view: every site's jobs (newest first, optionally one state) on top, the selected job's log below,
/// following the newest line unless scrolled back.
package struct JobsView {
    package var pane: JobsPane
    package var timeZone: TimeZone
    package var notice: String?

    package init(pane: JobsPane, timeZone: TimeZone, notice: String? = nil) {
        self.pane = pane
        self.timeZone = timeZone
        self.notice = notice
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        let list = pane.visibleJobs
        var title = "Jobs (\(list.count))"
        if let state = pane.stateFilter { title += " · \(state.rawValue)" }
        if let site = pane.siteFilter { title += " · \(site)" }
        let listHeight = max(4, min(list.count + 3 + (notice == nil ? 0 : 1), rect.height / 2))
        let top = Rect(row: rect.row, col: rect.col, width: rect.width, height: listHeight)
        screen.box(top, title: title, style: CellStyle(color: .accent))
        var inner = top.inset(by: 1)
        inner = screen.putNotice(notice.map { " " + $0 }, in: inner)
        drawList(list, into: &screen, in: inner)
        let bottom = Rect(row: top.bottom, col: rect.col, width: rect.width, height: rect.height - listHeight)
        drawLog(into: &screen, in: bottom)
    }

    private func drawList(_ list: [Job], into screen: inout Screen, in inner: Rect) {
        guard inner.height >= 1 else { return }
        if let error = pane.loadError, list.isEmpty {
            screen.putRow(" " + error, row: inner.row, in: inner, style: CellStyle(color: .danger))
            return
        }
        guard !list.isEmpty else {
            let text = pane.isLoading ? " Loading jobs…" : pane.stateFilter == nil ? " No jobs yet." : " No \(pane.stateFilter?.rawValue ?? "") jobs (s changes the filter)."
            screen.putRow(text, row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        let widths = [2, 7, max(8, min(24, list.map { DisplayWidth.of($0.site) }.max() ?? 8)), 10, 9, 16, 8]
        let header = ["", "JOB", "SITE", "STATE", "REQUEST", "CREATED", "VERSION", "ERROR"]
        screen.putSegments(columns(header, widths).map { Segment($0, CellStyle(bold: true, dim: true)) }, row: inner.row, in: inner)
        let rows = inner.height - 1
        guard rows > 0 else { return }
        let selected = pane.selectedIndex ?? 0
        let offset = max(0, min(selected - rows + 1, list.count - rows))
        for (line, index) in (offset..<min(list.count, offset + rows)).enumerated() {
            let job = list[index]
            let isSelected = index == selected
            let texts = columns([
                isSelected ? "›" : "", "#\(job.id)", job.site, job.state.rawValue, job.requestId.map { "#\($0)" } ?? "—",
                Format.dateTime(job.createdAt, in: timeZone), Format.version(job.version), job.error ?? "",
            ], widths)
            let color: ColorRole =
                switch job.state {
                case .succeeded: .success
                case .failed: .danger
                case .running: .accent
                case .queued, .cancelled: .muted
                }
            let styles: [CellStyle] = [CellStyle(bold: true, color: .accent), .strong, .plain, CellStyle(bold: true, color: color),
                                       CellStyle(dim: true), CellStyle(dim: true), .plain, CellStyle(color: .danger)]
            let row = inner.row + 1 + line
            screen.putSegments(zip(texts, styles).map { Segment($0, $1) }, row: row, in: inner, highlight: isSelected)
            screen.mark(Rect(row: row, col: inner.col, width: inner.width, height: 1), .job(job.id))
        }
    }

    private func drawLog(into screen: inout Screen, in rect: Rect) {
        guard rect.height >= 3 else { return }
        let job = pane.selectedJob
        var title = job.map { "Log · job #\($0.id) · \($0.site)" } ?? "Log"
        title += pane.follow ? " · following" : " · paused (f follows)"
        screen.box(rect, title: title, style: CellStyle(color: .accent))
        let inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height > 0 else { return }
        guard job != nil else {
            screen.putRow("Select a job to see its log.", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        guard !pane.log.isEmpty else {
            screen.putRow("No log lines yet.", row: inner.row, in: inner, style: CellStyle(dim: true))
            return
        }
        // Only the lines that can show are laid out: from the end (or where the pane paused), enough to fill the
        // pane and the scroll-back.
        let last = min(pane.pausedAt ?? pane.log.count, pane.log.count)
        let wanted = inner.height + (pane.follow ? 0 : pane.scrollBack)
        var first = last
        var rowsNeeded = 0
        let room = max(1, inner.width - 9)  // after "14:00:05 "
        while first > 0, rowsNeeded < wanted + 4 {  // word wrapping can take a row more than the estimate
            first -= 1
            rowsNeeded += max(1, (DisplayWidth.of(pane.log[first].message) + room - 1) / room)
        }
        let lines = pane.log[first..<last].flatMap { line -> [[Segment]] in
            let prefix = Format.time(line.time, in: timeZone) + " "
            let style: CellStyle = line.level == "error" ? CellStyle(color: .danger) : line.level == "warning" ? CellStyle(color: .warning) : .plain
            let wrapped = TextWrap.wrap(line.message, width: max(1, inner.width - DisplayWidth.of(prefix)))
            return wrapped.enumerated().map { index, text in
                [Segment(index == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix)), CellStyle(dim: true)),
                 Segment(text, style)]
            }
        }
        let scroll = pane.follow ? 0 : min(pane.scrollBack, max(0, lines.count - inner.height))
        guard !lines.isEmpty else { return }
        let end = lines.count - scroll
        let start = max(0, end - inner.height)
        for (offset, line) in lines[start..<end].enumerated() {
            screen.putSegments(line, row: inner.row + offset, in: inner)
        }
    }

    private func columns(_ values: [String], _ widths: [Int]) -> [String] {
        values.enumerated().map { index, value in
            index < widths.count ? DisplayWidth.pad(value, to: widths[index]) + " " : value
        }
    }
}
