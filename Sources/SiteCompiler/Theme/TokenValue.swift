internal import Foundation

/// Checks design-token values by type, so a site cannot break (or inject into) the theme's CSS.
package enum TokenValue {
    /// nil when `value` is acceptable for `kind`, else what is wrong with it.
    package static func problem(with value: String, kind: DesignToken.Kind) -> String? {
        let value = value.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return "is empty" }
        if value.contains(where: { ";{}<>\\\n\r".contains($0) }) || value.contains("/*") {
            return "contains a character not allowed in a CSS value (; { } < > \\)"
        }
        switch kind {
        case .color:
            return isColor(value) ? nil : "is not a colour (use #rgb, #rrggbb, rgb(…), hsl(…) or a CSS colour name)"
        case .length:
            return isLength(value) ? nil : "is not a length (use e.g. 0, 4px, 0.25rem, 1.5em, 50%)"
        case .font:
            return isFontStack(value) ? nil : "is not a font stack (use e.g. \"Inter, system-ui, sans-serif\")"
        case .number:
            return Double(value) != nil ? nil : "is not a number"
        case .string:
            return nil
        }
    }

    private static func isColor(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.hasPrefix("#") {
            let hex = lower.dropFirst()
            return [3, 4, 6, 8].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
        }
        for function in ["rgb(", "rgba(", "hsl(", "hsla(", "oklch(", "oklab(", "color-mix("]
        where lower.hasPrefix(function) {
            return lower.hasSuffix(")") && lower.allSatisfy { $0.isLetter || $0.isNumber || " .,%()/+-#".contains($0) }
        }
        return CSSColorNames.all.contains(lower)
    }

    private static let units = [
        "px", "rem", "em", "%", "vh", "vw", "vmin", "vmax", "ch", "ex", "pt", "dvh", "svh", "lh",
    ]

    private static func isLength(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower == "0" { return true }
        if lower.hasPrefix("clamp(") || lower.hasPrefix("min(") || lower.hasPrefix("max(") || lower.hasPrefix("calc(") {
            return lower.hasSuffix(")") && lower.allSatisfy { $0.isLetter || $0.isNumber || " .,%()+-*/".contains($0) }
        }
        for unit in units.sorted(by: { $0.count > $1.count }) where lower.hasSuffix(unit) {
            return Double(lower.dropLast(unit.count)) != nil
        }
        return false
    }

    private static func isFontStack(_ value: String) -> Bool {
        let families = value.split(separator: ",", omittingEmptySubsequences: false)
        return families.allSatisfy { family in
            let name = family.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return false }
            if (name.hasPrefix("\"") && name.hasSuffix("\"")) || (name.hasPrefix("'") && name.hasSuffix("'")) {
                return name.count >= 2 && !name.dropFirst().dropLast().contains { $0 == "\"" || $0 == "'" }
            }
            return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
        }
    }
}
