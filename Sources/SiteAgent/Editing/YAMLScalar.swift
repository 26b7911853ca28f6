import SiteCompiler
import Foundation
import Yams

/// Writes a string as a YAML scalar that reads back as exactly that string.
///
/// Plain (unquoted) when that is unambiguous, otherwise double-quoted; every candidate is checked by parsing
/// it back with Yams, the parser the compiler uses, so `#1e3a8a`, `yes`, `2014` or `a: b` come out quoted.
enum YAMLScalar {
    /// The scalar for a block context (`key: value`).
    static func render(_ value: String) -> String {
        if isSafePlain(value, flow: false), readsBack(value, as: value, flow: false) { return value }
        return doubleQuoted(value)
    }

    /// The scalar for a flow context (`{ label: value, url: value }`).
    static func renderInFlow(_ value: String) -> String {
        if isSafePlain(value, flow: true), readsBack(value, as: value, flow: true) { return value }
        return doubleQuoted(value)
    }

    /// A single-quoted scalar (`'It''s'`); falls back to double quotes for text with line breaks.
    static func singleQuoted(_ value: String) -> String {
        if value.contains(where: { $0.isNewline || $0 == "\t" }) { return doubleQuoted(value) }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A double-quoted scalar with the escapes YAML needs.
    static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func isSafePlain(_ value: String, flow: Bool) -> Bool {
        guard let first = value.first, value == value.trimmingWhitespace else { return false }
        if value.contains(where: { $0.isNewline }) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        if flow, value.contains(where: { ",[]{}:".contains($0) }) { return false }
        return true
    }

    private static func readsBack(_ candidate: String, as value: String, flow: Bool) -> Bool {
        let yaml = flow ? "{ k: \(candidate) }" : "k: \(candidate)"
        guard let parsed = try? YAMLBudget.load(yaml) as? [String: Any] else { return false }
        return parsed["k"] as? String == value
    }
}

extension String {
    /// The string padded on the left with zeros to at least `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
