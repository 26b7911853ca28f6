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
        let padded = raw.utf8.first.map { $0 == 0x20 || $0 == 0x09 } == true || raw.utf8.last.map { $0 == 0x20 || $0 == 0x09 } == true
        let text = padded ? raw.trimmingCharacters(in: .whitespaces) : raw
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
        var (hour, minute, second) = (0, 0, 0)
        var offsetSeconds = 0
        var dayOnly = true
        if scalars.count > 10 {
            guard scalars[10] == "T" || scalars[10] == " ", let hours = number(11..<13), scalars.count >= 16,
                scalars[13] == ":", let minutes = number(14..<16), hours < 24, minutes < 60
            else { return nil }
            dayOnly = false
            hour = hours
            minute = minutes
            var index = 16
            if index < scalars.count, scalars[index] == ":" {
                guard let seconds = number(17..<19), seconds < 61 else { return nil }
                second = seconds
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
        guard day <= Self.daysIn(month: month, year: year) else { return nil }
        let seconds = Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        self.init(date: Date(timeIntervalSince1970: TimeInterval(seconds - offsetSeconds)), isDayOnly: dayOnly)
    }

    // Calendar arithmetic by hand (proleptic Gregorian, UTC): Foundation's Calendar took microseconds per call and
    // ran for every date on every list of every page.

    /// Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count from 1970-01-01 (`civil_from_days`).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `7`, 2 → `07` (what `%02d` gives for non-negative numbers).
    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Earlier dates sort first.
    package static func < (lhs: PageDate, rhs: PageDate) -> Bool { lhs.date < rhs.date }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The date's fields in UTC; `weekday` 1 is Sunday.
    private var utcComponents: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = Self.civil(days: days)
        let weekday = ((days + 4) % 7 + 7) % 7 + 1
        return (year, month, day, time / 3600, time % 3600 / 60, time % 60, weekday)
    }

    /// `2024-05-01`, for `<time datetime>` and sitemaps.
    package var isoDay: String {
        let c = utcComponents
        return Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2)
    }

    /// `2024-05-01T09:30:00Z`.
    package var iso8601: String {
        let c = utcComponents
        return isoDay + "T" + Self.pad(c.hour, 2) + ":" + Self.pad(c.minute, 2) + ":" + Self.pad(c.second, 2) + "Z"
    }

    /// `May 1, 2024`: the same in every locale, so builds are reproducible.
    package var display: String {
        let c = utcComponents
        return "\(Self.monthNames[c.month - 1]) \(c.day), \(c.year)"
    }

    /// RFC 822 date for RSS: `Wed, 01 May 2024 00:00:00 +0000`.
    package var rfc822: String {
        let c = utcComponents
        let month = String(Self.monthNames[c.month - 1].prefix(3))
        let day = Self.dayNames[c.weekday - 1]
        let dayOfMonth = Self.pad(c.day, 2)
        let yearAndTime = Self.pad(c.year, 4) + " " + Self.pad(c.hour, 2) + ":" + Self.pad(c.minute, 2) + ":"
            + Self.pad(c.second, 2)
        return "\(day), \(dayOfMonth) \(month) \(yearAndTime) +0000"
    }
}
