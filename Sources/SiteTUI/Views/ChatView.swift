package import Foundation
package import SiteAPI

/// A site's chat pane: the transcript (messages, questions with their options, replies, streaming job logs) in a
/// box, and the input line under it.
package struct ChatView {
    package var session: ChatSession
    package var site: Site?
    package var readonly: Bool
    package var timeZone: TimeZone
    /// Shown over the transcript while it may be stale, such as "daemon unreachable since 12:04 — …".
    package var notice: String?

    package init(session: ChatSession, site: Site?, readonly: Bool, timeZone: TimeZone, notice: String? = nil) {
        self.session = session
        self.site = site
        self.readonly = readonly
        self.timeZone = timeZone
        self.notice = notice
    }

    package func draw(into screen: inout Screen, in rect: Rect) {
        guard rect.height >= 3 else { return }
        let boxRect = Rect(row: rect.row, col: rect.col, width: rect.width, height: rect.height - 1)
        var title = "Chat · \(session.site)"
        if let site {
            title += "  live \(Format.version(site.liveVersion)) · preview \(Format.version(site.previewVersion))"
        }
        screen.box(boxRect, title: title, style: CellStyle(color: .accent))
        var transcript = boxRect.inset(by: 1).insetHorizontally(1)
        if transcript.height >= 2 { transcript = screen.putNotice(notice, in: transcript) }
        drawTranscript(into: &screen, in: transcript)
        drawInput(into: &screen, row: rect.bottom - 1, in: rect)
    }

    private func drawTranscript(into screen: inout Screen, in area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        // Lay out only the tail that can show (the pane and its scroll-back), not thousands of log lines per frame.
        let layout = TranscriptLayout(width: area.width, timeZone: timeZone)
        let needed = area.height + session.scrollBack + 1
        var count = min(session.entries.count, needed)
        var lines = layout.lines(for: Array(session.entries.suffix(count)))
        while lines.count < needed, count < session.entries.count {
            count = min(session.entries.count, count * 2)
            lines = layout.lines(for: Array(session.entries.suffix(count)))
        }
        if session.entries.isEmpty {
            lines = [[Segment("Describe a change to \(session.site) and press Enter.", CellStyle(dim: true))]]
        }
        if session.isBusy, session.pendingQuestion == nil {
            lines.append([Segment("… working", CellStyle(dim: true, color: .warning))])
        }
        let scroll = min(session.scrollBack, max(0, lines.count - area.height))
        let end = lines.count - scroll
        let start = max(0, end - area.height)
        for (offset, line) in lines[start..<end].enumerated() {
            screen.putSegments(line, row: area.row + offset, in: area)
        }
        if scroll > 0 {
            let marker = " ↓ \(scroll) more "
            screen.put(marker, row: area.bottom, col: area.right - DisplayWidth.of(marker), style: CellStyle(reverse: true))
        }
    }

    private func drawInput(into screen: inout Screen, row: Int, in rect: Rect) {
        let prompt: String
        if readonly {
            prompt = " read-only › "
        } else if let question = session.pendingQuestion {
            prompt = question.options.isEmpty ? " answer › " : " answer (1-\(question.options.count) or text) › "
        } else {
            prompt = " › "
        }
        let promptStyle = CellStyle(bold: true, color: session.pendingQuestion != nil ? .warning : .accent)
        screen.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1))
        let col = screen.put(prompt, row: row, col: rect.col, style: promptStyle, clip: rect)
        // A window of the line around the cursor: a long message scrolls sideways as the cursor moves.
        screen.putInput(session.editor, row: row, col: col, in: rect)
        if readonly { screen.cursor = nil }
    }
}

extension Rect {
    /// The rectangle narrowed by `amount` columns on the left and on the right.
    package func insetHorizontally(_ amount: Int) -> Rect {
        Rect(row: row, col: col + amount, width: width - 2 * amount, height: height)
    }
}
