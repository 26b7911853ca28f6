/// Small helpers for HTML text: escaping, and reducing a fragment to its plain text.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text of an HTML fragment: tags dropped, the common entities decoded, whitespace collapsed.
    package static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
                text.append(" ")
            } else if !inTag {
                text.append(character)
            }
        }
        let decoded = decodeEntities(text)
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let entities: [(String, String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "),
        ("&amp;", "&"),
    ]

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in entities {
            result = result.replacing(entity, with: character)
        }
        return result
    }
}
