import SiteCompiler
import Yams
import Foundation

/// "undo", "revert to v3", "go back to yesterday's version": a new version with an earlier version's source.
/// No agent work: the daemon copies that source, and the new version is previewed, not promoted.
struct UndoIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let match = request.message.firstMatch(of: /(?i)^(?:undo|revert|roll\s*back|rollback|go\s+back|restore)\b(?<rest>.*)$/) else { return nil }
        let rest = String(match.rest).lowercased().trimmingWhitespace.trimming(characters: ".!")
        let versions = request.context.versions.sorted { $0.number < $1.number }
        let base = request.context.baseVersion ?? versions.last?.number ?? 0
        let target: AgentVersionInfo?
        if rest.isEmpty || rest.contains(/^(?:that|it|this|the\s+last(?:\s+\w+)?|last(?:\s+\w+)?|the\s+latest\s+\w+|my\s+last\s+\w+|the\s+previous\s+\w+|one\s+step)$/) {
            // The version the current source first appeared in: after an undo, that is the version undone to, so
            // a second "undo" goes one step further back (v1 A, v2 B, v3 C, undo → v4 B, undo → v5 A).
            let current = versions.first { $0.number == base }
            let origin = current?.sourceDigest.flatMap { digest in versions.first { $0.sourceDigest == digest } } ?? current
            let from = origin?.number ?? base
            target = versions.last { $0.number < from && ($0.sourceDigest == nil || $0.sourceDigest != current?.sourceDigest) }
        } else if let number = rest.firstMatch(of: /^(?:to\s+)?(?:v|version\s*|#)(?<n>\d+)$/) {
            target = versions.first { $0.number == Int(number.n) }
            if target == nil { return .noChange("There is no version \(number.n). Versions: \(versions.map { "v\($0.number)" }.joined(separator: ", ")).") }
        } else if rest.contains(/^(?:to\s+)?(?:yesterday|yesterday's(?:\s+version)?|the\s+version\s+from\s+yesterday)$/) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = request.context.timeZone
            let today = calendar.startOfDay(for: request.context.now)
            target = versions.last { $0.createdAt < today }
        } else {
            return nil
        }
        guard let target else { return .noChange("There is no earlier version to go back to.") }
        guard target.number != base else { return .noChange("The site is already at v\(target.number).") }
        let live = versions.first(where: \.isLive).map { "It is not promoted: v\($0.number) stays live until you promote it." } ?? "It is not promoted."
        return .revert(toVersion: target.number, summary: "Undo: a new version is created with the source of v\(target.number) (undoing the changes after it). \(live)")
    }
}
