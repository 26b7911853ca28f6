package import Foundation

/// A publication date from front matter: `YYYY-MM-DD` (midnight UTC) or ISO-8601 with a time and offset.
package struct PageDate: Sendable, Equatable, Hashable, Comparable {
    /// The instant (UTC midnight for day-only dates).
    package var date: Date
    /// True when the source gave only a day, so displays and feeds do not invent a time.
    package var isDayOnly: Bool

    /// A date from an instant.
    package init(date: Date, isDayOnly: Bool = false) {
        self.date = date
        self.isDayOnly = isDayOnly
    }

    /// Parses `2024-05-01`, `2024-05-01T09:30`, `2024-05-01T09:30:00Z`, `2024-05-01 09:30:00+02:00`.
    package init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[range] {
                guard let digit = Int(String(scalar)), ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var offsetSeconds = 0
        var dayOnly = true
        if scalars.count > 10 {
            guard scalars[10] == "T" || scalars[10] == " ", let hour = number(11..<13), scalars.count >= 16,
                scalars[13] == ":", let minute = number(14..<16)
            else { return nil }
            dayOnly = false
            components.hour = hour
            components.minute = minute
            var index = 16
            if index < scalars.count, scalars[index] == ":" {
                guard let second = number(17..<19) else { return nil }
                components.second = second
                index = 19
                if index < scalars.count, scalars[index] == "." {
                    index += 1
                    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                }
            }
            if index < scalars.count {
                let sign = scalars[index]
                if sign == "Z" || sign == "z" {
                    guard index == scalars.count - 1 else { return nil }
                } else if sign == "+" || sign == "-" {
                    let rest = String(String.UnicodeScalarView(scalars[(index + 1)...])).replacingOccurrences(
                        of: ":",
                        with: ""
                    )
                    guard rest.count == 4, let hh = Int(rest.prefix(2)), let mm = Int(rest.suffix(2)) else {
                        return nil
                    }
                    offsetSeconds = (hh * 3600 + mm * 60) * (sign == "-" ? -1 : 1)
                } else {
                    return nil
                }
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let utc = calendar.date(from: components),
            calendar.component(.day, from: utc) == day
        else { return nil }
        self.init(date: utc.addingTimeInterval(TimeInterval(-offsetSeconds)), isDayOnly: dayOnly)
    }

    /// Earlier dates sort first.
    package static func < (lhs: PageDate, rhs: PageDate) -> Bool { lhs.date < rhs.date }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private var utcComponents: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    /// `2024-05-01`, for `<time datetime>` and sitemaps.
    package var isoDay: String {
        let c = utcComponents
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `2024-05-01T09:30:00Z`.
    package var iso8601: String {
        let c = utcComponents
        return isoDay + String(format: "T%02d:%02d:%02dZ", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `May 1, 2024`: the same in every locale, so builds are reproducible.
    package var display: String {
        let c = utcComponents
        return "\(Self.monthNames[(c.month ?? 1) - 1]) \(c.day ?? 1), \(c.year ?? 0)"
    }

    /// RFC 822 date for RSS: `Wed, 01 May 2024 00:00:00 +0000`.
    package var rfc822: String {
        let c = utcComponents
        let month = String(Self.monthNames[(c.month ?? 1) - 1].prefix(3))
        let day = Self.dayNames[(c.weekday ?? 1) - 1]
        let dayOfMonth = String(format: "%02d", c.day ?? 1)
        let yearAndTime = String(format: "%04d %02d:%02d:%02d", c.year ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return "\(day), \(dayOfMonth) \(month) \(yearAndTime) +0000"
    }
}
