import Foundation
import SiteCompiler

/// Puts back a sentence's full stop that value parsing dropped. "Change the Support card's text to We host your
/// site after launch." — the full stop ends the request, but also the sentence, and the card's old text and its
/// siblings end with one. A new value regains its "." when the user typed it with one and the field's old value
/// (or another value under the same key in the file) ends with one; titles and labels, which never do, stay bare.
enum FullStops {
    static func restore(source: SiteFiles, files: inout SiteFiles, message: String, summary: inout String) {
        for path in files.paths where source[path] != files[path] {
            guard let new = files.text(path), path.hasSuffix(".md") || path.hasSuffix(".yaml") else { continue }
            let oldLines = (source.text(path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var lines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let oldSet = Set(oldLines)
            var changed = false
            for index in lines.indices where !oldSet.contains(lines[index]) {
                guard let (key, value, rebuild) = scalar(lines[index]), value.count >= 12, value.contains(" "),
                      let last = value.last, !".!?:…".contains(last), message.contains(value + ".") else { continue }
                let sameKey = (oldLines + lines).compactMap { scalar($0) }.filter { $0.key == key && $0.value != value }
                // "© 2026 My Project contributors. Licensed MIT.": sentences inside end with one, so the last does too.
                guard sameKey.contains(where: { $0.value.hasSuffix(".") }) || value.contains(/[.!?]\s+[A-Z]/) else { continue }
                lines[index] = rebuild(value + ".")
                summary = summary.replacingOccurrences(of: "“\(value)”", with: "“\(value).”")
                changed = true
            }
            // A new paragraph of a page's body ("create a page called Services with the text We offer design,
            // writing and hosting."): prose ends with its full stop.
            if path.hasSuffix(".md") {
                var inFrontMatter = lines.first == "---"
                var inBlock = false
                var fence = false
                for index in lines.indices {
                    let line = lines[index]
                    if index > 0, inFrontMatter, line == "---" { inFrontMatter = false; continue }
                    if inFrontMatter || index == 0 && line == "---" { continue }
                    if line.hasPrefix("```") || line.hasPrefix("~~~") { fence.toggle(); continue }
                    if line.hasPrefix(":::component") { inBlock = true; continue }
                    if inBlock { if line == ":::" { inBlock = false }; continue }
                    guard !fence, !oldSet.contains(line), line.split(separator: " ").count >= 3,
                          let first = line.first, first.isLetter || first.isNumber || "\"“'(".contains(first),
                          let last = line.last, last.isLetter || last.isNumber || ")\"”'".contains(last),
                          message.contains(line + ".") else { continue }
                    lines[index] = line + "."
                    summary = summary.replacingOccurrences(of: "“\(line)”", with: "“\(line).”")
                    changed = true
                }
            }
            if changed { files[path] = Data(lines.joined(separator: "\n").utf8) }
        }
    }

    /// A `key: value` line (also `- key: value` and flow-free plain or double-quoted scalars): the key, the value,
    /// and how to write the line with another value.
    private static func scalar(_ line: String) -> (key: String, value: String, rebuild: (String) -> String)? {
        guard let match = line.wholeMatch(of: /^(?<lead>\s*(?:-\s+)?)(?<key>[A-Za-z_][\w-]*):\s+(?<value>.+?)\s*$/) else { return nil }
        let lead = String(match.lead), key = String(match.key)
        var value = String(match.value)
        if value.hasPrefix("{") || value.hasPrefix("[") || value.hasPrefix("|") || value.hasPrefix(">") || value.hasPrefix("&") || value.hasPrefix("*") { return nil }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
            value = String(value.dropFirst().dropLast())
            guard !value.contains("\\") else { return nil }
            return (key, value, { lead + key + ": \"" + $0 + "\"" })
        }
        if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 {
            value = String(value.dropFirst().dropLast())
            return (key, value.replacingOccurrences(of: "''", with: "'"), { lead + key + ": '" + $0.replacingOccurrences(of: "'", with: "''") + "'" })
        }
        guard !value.contains(" #") else { return nil }
        return (key, value, { lead + key + ": " + $0 })
    }
}
