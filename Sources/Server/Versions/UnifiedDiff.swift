package import Foundation
package import SiteAPI

/// Unified diffs (`diff -u` style, 3 lines of context) built on the standard library's `difference(from:)`.
package enum UnifiedDiff {
    package static func file(path: String, change: String, old: Data?, new: Data?) -> FileDiff {
        let oldText = old.map { String(decoding: $0, as: UTF8.self) }
        let newText = new.map { String(decoding: $0, as: UTF8.self) }
        let isBinary = [old, new].contains { $0.map { $0.contains(0) || String(data: $0, encoding: .utf8) == nil } ?? false }
        if isBinary {
            return FileDiff(path: path, change: change, unified: "Binary files differ: \(path)\n", additions: 0, deletions: 0)
        }
        let (body, additions, deletions) = hunks(old: lines(oldText), new: lines(newText))
        let header = "--- \(old == nil ? "/dev/null" : "a/" + path)\n+++ \(new == nil ? "/dev/null" : "b/" + path)\n"
        return FileDiff(path: path, change: change, unified: header + body, additions: additions, deletions: deletions)
    }

    static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var result = text.components(separatedBy: "\n")
        if result.last == "" { result.removeLast() }
        return result
    }

    /// Builds the hunks: an edit script from `difference(from:)`, grouped with `context` lines around each change.
    static func hunks(old: [String], new: [String], context: Int = 3) -> (String, Int, Int) {
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides to produce (tag, text, oldIndex, newIndex) rows.
        var rows: [(Character, String, Int, Int)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                rows.append(("-", old[i], i, j)); i += 1
            } else if j < new.count, inserted.contains(j) {
                rows.append(("+", new[j], i, j)); j += 1
            } else if i < old.count, j < new.count {
                rows.append((" ", old[i], i, j)); i += 1; j += 1
            } else {
                break
            }
        }
        let changed = rows.indices.filter { rows[$0].0 != " " }
        guard !changed.isEmpty else { return ("", 0, 0) }
        var output = ""
        var start = changed[0]
        var groups: [(Int, Int)] = []
        var end = changed[0]
        for index in changed.dropFirst() {
            if index - end > context * 2 {
                groups.append((start, end)); start = index
            }
            end = index
        }
        groups.append((start, end))
        for (first, last) in groups {
            let lo = max(0, first - context)
            let hi = min(rows.count - 1, last + context)
            let slice = rows[lo...hi]
            let oldCount = slice.filter { $0.0 != "+" }.count
            let newCount = slice.filter { $0.0 != "-" }.count
            let oldStart = oldCount == 0 ? slice.first!.2 : slice.first!.2 + 1
            let newStart = newCount == 0 ? slice.first!.3 : slice.first!.3 + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for row in slice { output += "\(row.0)\(row.1)\n" }
        }
        return (output, inserted.count, removed.count)
    }
}
