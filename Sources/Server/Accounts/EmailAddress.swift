/// Whether a string is plausibly one email address: `local@domain.tld` and nothing else.
///
/// Not RFC 5322 in full (no quoted local parts, comments or IP literals): an account's email is shown in logs, the
/// TUI and command hints, so it must be one printable address, with no spaces, control or bidi characters, and
/// with a domain that could exist. Internationalised addresses (RFC 6531) are accepted.
enum EmailAddress {
    /// RFC 5321's limits, in UTF-8 bytes: the whole path, the local part, one domain label.
    static let maximumBytes = 254
    static let maximumLocalBytes = 64
    static let maximumLabelBytes = 63

    /// RFC 5322 "specials" outside a quoted string, which we do not accept.
    private static let specials: Set<Unicode.Scalar> = ["(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", "\""]

    static func isPlausible(_ address: String) -> Bool {
        guard address.utf8.count <= maximumBytes else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isPlausibleLocalPart(parts[0]) && isPlausibleDomain(parts[1])
    }

    /// A dot-atom: printable characters other than the specials, dots only between other characters.
    private static func isPlausibleLocalPart(_ local: Substring) -> Bool {
        guard !local.isEmpty, local.utf8.count <= maximumLocalBytes,
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return false }
        return local.unicodeScalars.allSatisfy { scalar in
            !specials.contains(scalar) && isPrintable(scalar)
        }
    }

    /// Two labels or more of letters, digits and hyphens (no hyphen at either end); a top-level label not all digits.
    private static func isPlausibleDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, !top.allSatisfy(isASCIIDigit) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= maximumLabelBytes && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || isASCIIDigit($0) || $0 == "-" }
                && label.unicodeScalars.allSatisfy(isPrintable)
        }
    }

    private static func isASCIIDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// Whether `text` can be echoed back in a message: short, and printable throughout (no terminal escapes).
    static func isDisplayable(_ text: String) -> Bool {
        text.utf8.count <= maximumBytes && text.unicodeScalars.allSatisfy(isPrintable)
    }

    /// Not a space, a control character, or an invisible format character (bidi overrides, zero-width joiners).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            false
        default:
            !scalar.properties.isWhitespace
        }
    }
}
