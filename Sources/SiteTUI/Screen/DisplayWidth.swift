/// Terminal column widths of characters and strings.
///
/// An approximation of `wcwidth`: East Asian wide/fullwidth ranges and emoji take two columns, combining marks and
/// control characters none, everything else one. Good enough to lay out text without overlapping or crashing.
package enum DisplayWidth {
    /// Columns one character occupies (0, 1 or 2).
    package static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if isWide(value) { return 2 }
        if character.unicodeScalars.count > 1, first.properties.isEmojiPresentation || character.unicodeScalars
            .contains(where: { $0.value == 0xFE0F })
        {
            return 2
        }
        return 1
    }

    /// Columns a string occupies.
    package static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` when something was cut.
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    package static func pad(_ text: String, to width: Int) -> String {
        let truncated = truncate(text, to: width)
        return truncated + String(repeating: " ", count: max(0, width - of(truncated)))
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
