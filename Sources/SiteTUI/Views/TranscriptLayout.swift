package import Foundation
import SiteAPI

/// Turns a chat transcript into wrapped, styled lines for a given width.
package struct TranscriptLayout {
    package var width: Int
    package var timeZone: TimeZone

    package init(width: Int, timeZone: TimeZone) {
        self.width = width
        self.timeZone = timeZone
    }

    /// All lines of the transcript, oldest first.
    package func lines(for entries: [ChatEntry]) -> [[Segment]] {
        entries.flatMap(lines(for:))
    }

    private func lines(for entry: ChatEntry) -> [[Segment]] {
        switch entry {
        case .message(let text):
            return labelled("you", text, label: CellStyle(bold: true, color: .accent), body: .plain)
        case .answer(let text):
            return labelled("you (answer)", text, label: CellStyle(bold: true, color: .accent), body: .plain)
        case .question(let question):
            var lines = labelled("sitectl asks", question.text, label: CellStyle(bold: true, color: .warning), body: .strong)
            for (index, option) in question.options.enumerated() {
                lines += wrapped("  [\(index + 1)] ", option, prefix: CellStyle(bold: true, color: .warning), body: .plain)
            }
            return lines
        case .reply(let text, let state, let version):
            let suffix = version.map { " (v\($0))" } ?? ""
            let color: ColorRole =
                switch state {
                case .done: .success
                case .failed, .cancelled: .danger
                default: .warning
                }
            return labelled("sitectl [\(state.rawValue)]", text + suffix, label: CellStyle(bold: true, color: color), body: .plain)
        case .progress(let text):
            return wrapped("· ", text, prefix: CellStyle(dim: true), body: CellStyle(dim: true))
        case .log(let line):
            let style = line.level == "error" ? CellStyle(color: .danger) : CellStyle(color: .muted)
            let head = "  \(Format.time(line.time, in: timeZone)) \(line.level.padding(toLength: 5, withPad: " ", startingAt: 0)) "
            return wrapped(head, line.message, prefix: CellStyle(dim: true), body: style)
        case .error(let text):
            return labelled("error", text, label: CellStyle(bold: true, color: .danger), body: CellStyle(color: .danger))
        }
    }

    private func labelled(_ label: String, _ text: String, label labelStyle: CellStyle, body: CellStyle) -> [[Segment]] {
        wrapped(label + ": ", text, prefix: labelStyle, body: body)
    }

    /// Wraps `text` after `prefix`; continuation lines are indented by the prefix's width (or 2 when it is wide).
    private func wrapped(_ prefix: String, _ text: String, prefix prefixStyle: CellStyle, body: CellStyle) -> [[Segment]] {
        let prefixWidth = DisplayWidth.of(prefix)
        let indent = prefixWidth <= width / 3 ? prefixWidth : 2
        guard width > prefixWidth else { return [[Segment(prefix, prefixStyle)]] }
        let first = TextWrap.wrap(text, width: width - prefixWidth)
        guard let head = first.first else { return [[Segment(prefix, prefixStyle)]] }
        let rest = first.dropFirst().joined(separator: " ")
        var lines = [[Segment(prefix, prefixStyle), Segment(head, body)]]
        if !rest.isEmpty {
            for line in TextWrap.wrap(rest, width: width - indent) {
                lines.append([Segment(String(repeating: " ", count: indent)), Segment(line, body)])
            }
        }
        return lines
    }
}
