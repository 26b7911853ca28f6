/// Small textual edits of YAML that keep the rest of the file (comments, order) exactly as written.
package enum YAMLText {
    /// `value` as a YAML scalar: bare when that is unambiguous, else double-quoted.
    package static func quoted(_ value: String) -> String {
        let plainSafe =
            !value.isEmpty
            && value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }
            && value.first?.isLetter == true && value.last != " "
            && !["true", "false", "yes", "no", "on", "off", "null"].contains(value.lowercased())
        if plainSafe { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    /// Replaces the top-level `key:` line (or inserts one at the top) with `key: value`.
    package static func settingTopLevel(_ key: String, to value: String, in yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = "\(key): \(quoted(value))"
        if let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[index] = line
        } else {
            let firstContent = lines.firstIndex { !$0.hasPrefix("#") && !$0.hasPrefix("---") } ?? 0
            lines.insert(line, at: firstContent)
        }
        return lines.joined(separator: "\n")
    }
}
