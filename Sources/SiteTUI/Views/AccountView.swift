package import Foundation
import SiteAPI

/// The account view: who is signed in where, until when, and the API tokens.
package struct AccountView {
    package var pane: AccountPane
    package var timeZone: TimeZone
    package var notice: String?

    package init(pane: AccountPane, timeZone: TimeZone, notice: String? = nil) {
        self.pane = pane
        self.timeZone = timeZone
        self.notice = notice
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        screen.box(rect, title: "Account", style: CellStyle(color: .accent))
        var inner = rect.inset(by: 1).insetHorizontally(1)
        guard inner.height > 0 else { return }
        inner = screen.putNotice(notice, in: inner)
        guard let info = pane.info else {
            screen.putRow(pane.loadError ?? "Loading…", row: inner.row, in: inner,
                          style: pane.loadError == nil ? CellStyle(dim: true) : CellStyle(color: .danger))
            return
        }
        var rows: [[Segment]] = [
            [Segment("Signed in as ", CellStyle(dim: true)), Segment(info.email, .strong), Segment("  (user #\(info.userID))", CellStyle(dim: true))],
            [Segment("Context      ", CellStyle(dim: true)), Segment("\(info.context) (\(info.host))")],
        ]
        if let expires = info.accessExpiresAt {
            rows.append([Segment("Session      ", CellStyle(dim: true)),
                         Segment("access token until \(Format.dateTime(expires, in: timeZone)), renewed automatically")])
        }
        rows.append([])
        rows.append([Segment("API tokens (\(info.tokens.count))", CellStyle(bold: true, underline: true))])
        for (offset, row) in rows.enumerated() where offset < inner.height {
            screen.putSegments(row, row: inner.row + offset, in: inner)
        }
        var line = inner.row + rows.count
        guard !info.tokens.isEmpty else {
            if line < inner.bottom {
                screen.putRow("None. Create one with: sitectl auth token create --name NAME", row: line, in: inner, style: CellStyle(dim: true))
            }
            return
        }
        for token in info.tokens where line < inner.bottom {
            let isSelected = token.id == pane.selectedTokenID
            let text = [isSelected ? "›" : " ", DisplayWidth.pad("#\(token.id)", to: 5), DisplayWidth.pad(token.name, to: 20),
                        DisplayWidth.pad(token.prefix + "…", to: 14),
                        "expires " + (token.expiresAt.map { Format.dateTime($0, in: timeZone) } ?? "never"),
                        " · last used " + (token.lastUsedAt.map { Format.dateTime($0, in: timeZone) } ?? "never")].joined(separator: " ")
            screen.putRow(text, row: line, in: inner, style: isSelected ? CellStyle(reverse: true) : .plain)
            line += 1
        }
    }
}
