/// Durations as people type them: `90`, `30s`, `10m`, `2h`, `1d` (a bare number is seconds).
enum DurationText {
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let amount = Double(text), amount >= 0, amount.isFinite { return amount }
        guard let unit = text.last, let scale = units[unit], let amount = Double(text.dropLast()), amount >= 0, amount.isFinite else {
            return nil
        }
        return amount * scale
    }
}
