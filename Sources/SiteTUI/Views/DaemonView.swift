package import Foundation
import SiteAPI

/// The daemon view: version, addresses, workers and queue as last read, and the state of the connection.
package struct DaemonView {
    package var pane: DaemonPane
    package var connection: ConnectionState
    package var timeZone: TimeZone
    package var notice: String?

    package init(pane: DaemonPane, connection: ConnectionState, timeZone: TimeZone, notice: String? = nil) {
        self.pane = pane
        self.connection = connection
        self.timeZone = timeZone
        self.notice = notice
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        screen.box(rect, title: "Daemon", style: CellStyle(color: .accent))
        var inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height > 0 else { return }
        inner = screen.putNotice(notice, in: inner)
        var rows: [(String, String)] = []
        let live: String =
            switch connection {
            case .connecting: "connecting…"
            case .live: "live (events flowing)"
            case .down(let since, let reason): "unreachable since \(Format.clock(since, in: timeZone)): \(reason)"
            case .signedOut(let reason): "signed out: \(reason)"
            }
        rows.append(("Connection", live))
        if let status = pane.status {
            rows += [
                ("Version", status.version), ("PID", String(status.pid)), ("API", status.apiAddress),
                ("Sites served at", status.serveAddress + (status.serveTlsAddress.map { ", HTTPS \($0)" } ?? "")),
                ("Workers", String(status.workers)), ("Queue", "\(status.queueDepth) queued, \(status.runningJobs) running"),
                ("Agent", status.agent ?? "embedded"), ("Started", Format.dateTime(status.startedAt, in: timeZone)),
            ]
            if let at = pane.loadedAt { rows.append(("Read at", Format.time(at, in: timeZone) + " (r reads again)")) }
        } else {
            rows.append(("Status", pane.loadError ?? "Loading…"))
        }
        for (offset, row) in rows.enumerated() where offset < inner.height {
            screen.putSegments([Segment(DisplayWidth.pad(row.0, to: 17), CellStyle(dim: true)), Segment(row.1)],
                               row: inner.row + offset, in: inner)
        }
    }
}
