import SiteCompiler
import Yams

/// Edits `site.yaml` surgically: a change to one setting or token replaces that entry's lines only, so
/// comments, quoting and the order of everything else stay byte-identical.
struct SiteYAMLEditor {
    /// The file being edited.
    var lines: TextLines

    init(_ text: String) {
        lines = TextLines(text)
    }

    var text: String { lines.text }

    var topLevel: YAMLBlockMapping { YAMLBlockMapping(range: 0..<lines.count, indent: 0) }

    /// Sets a top-level scalar setting (`title`, `tagline`, `theme`, …), adding it when absent.
    mutating func set(_ key: String, to value: String) {
        topLevel.set(key, value: .string(value), in: &lines)
    }

    /// Sets a design token under `tokens:`, adding the key (or the whole `tokens:` block) when absent.
    mutating func setToken(_ key: String, to value: String) throws {
        guard let tokens = topLevel.entry("tokens", in: lines) else {
            topLevel.set("tokens", value: .map([(key, .string(value))]), in: &lines)
            return
        }
        if tokens.inlineValue.isEmpty {
            if let children = topLevel.children(of: tokens, in: lines) {
                children.set(key, value: .string(value), in: &lines)
            } else {
                lines.insert(YAMLValue.entryLines(key: key, value: .string(value), indent: 2), at: tokens.lines.upperBound)
            }
            return
        }
        // `tokens: { … }` on one line: rewrite just this entry, in block style.
        var pairs = try Self.scalarPairs(ofFlowMapping: tokens.inlineValue)
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[index].1 = value
        } else {
            pairs.append((key, value))
        }
        topLevel.set("tokens", value: .map(pairs.map { ($0.0, .string($0.1)) }), in: &lines)
    }

    /// The key/value pairs of a one-line flow mapping, in order.
    static func scalarPairs(ofFlowMapping text: String) throws -> [(String, String)] {
        guard let node = try YAMLBudget.compose("k: " + text), let mapping = node["k"]?.mapping else { return [] }
        return mapping.map { ($0.key.string ?? "", $0.value.string ?? "") }
    }
}
