package import Foundation

/// Short, fixed-width renderings of values shared by the views.
package enum Format {
    /// `v3`, or an em dash when the pointer is unset.
    package static func version(_ number: Int?) -> String { number.map { "v\($0)" } ?? "—" }

    /// `2026-06-12 14:00` in `timeZone`.
    package static func dateTime(_ date: Date, in timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return "\(pad(c.year ?? 0, 4))-\(pad(c.month ?? 0))-\(pad(c.day ?? 0)) \(pad(c.hour ?? 0)):\(pad(c.minute ?? 0))"
    }

    /// `14:00:05` in `timeZone`.
    package static func time(_ date: Date, in timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return "\(pad(c.hour ?? 0)):\(pad(c.minute ?? 0)):\(pad(c.second ?? 0))"
    }

    /// `14:00` in `timeZone`.
    package static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return "\(pad(c.hour ?? 0)):\(pad(c.minute ?? 0))"
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
