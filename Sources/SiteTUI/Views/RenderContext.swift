package import Foundation

/// Settings that change how views look but not what they show.
package struct RenderContext: Sendable {
    /// False under `NO_COLOR` / `--no-color`: no colour attributes at all.
    package var colorEnabled: Bool
    /// Times are shown in this zone (tests pin UTC).
    package var timeZone: TimeZone

    package init(colorEnabled: Bool = true, timeZone: TimeZone = .current) {
        self.colorEnabled = colorEnabled
        self.timeZone = timeZone
    }
}
