import Foundation

/// Dates as people write them in a request: "3 March 2025", "3rd of March 2025", "March 3, 2025", "Mar 3rd 2025",
/// "2025-03-03", optionally introduced by "for", "on", "dated", "with the date". Never guessed: a day that does
/// not exist in that month, or a date without a year, is not a date here.
enum WrittenDate {
    static let months = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The first written date in `text` (with its introducing word), as `YYYY-MM-DD`, and `text` without it.
    static func extract(from text: String) -> (date: String, rest: String)? {
        let intro = #"(?:,?\s*(?:for|on|dated|date|published on|with the date|with date|from)\s+(?:the\s+)?)?"#
        let day = #"(\d{1,2})(?:st|nd|rd|th)?"#
        let month = #"([A-Za-z]{3,9})\.?"#
        let patterns: [(String, (String, String, String) -> (Int, Int, Int)?)] = [
            (intro + #"\b(\d{4})-(\d{2})-(\d{2})\b"#, { y, m, d in (Int(y) ?? 0, Int(m) ?? 0, Int(d) ?? 0) }),
            (intro + #"\b"# + day + #"\s+(?:of\s+)?"# + month + #",?\s+(\d{4})\b"#, { d, m, y in months[m.lowercased()].map { (Int(y) ?? 0, $0, Int(d) ?? 0) } }),
            (intro + #"\b"# + month + #"\s+"# + day + #",?\s+(\d{4})\b"#, { m, d, y in months[m.lowercased()].map { (Int(y) ?? 0, $0, Int(d) ?? 0) } }),
        ]
        for (pattern, read) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) where match.numberOfRanges == 4 {
                let groups = (1...3).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
                guard let (year, monthNumber, dayNumber) = read(groups[0], groups[1], groups[2]), valid(year, monthNumber, dayNumber),
                      let whole = Range(match.range, in: text)
                else { continue }
                let rest = (text[..<whole.lowerBound] + " " + text[whole.upperBound...])
                    .replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
                return (String(format: "%04d-%02d-%02d", year, monthNumber, dayNumber), rest)
            }
        }
        return nil
    }

    static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
