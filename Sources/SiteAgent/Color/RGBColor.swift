import Foundation

/// An sRGB colour, with the WCAG 2 luminance and contrast maths the agent uses to keep text readable.
struct RGBColor: Equatable {
    /// Channels in 0...1.
    var red: Double
    var green: Double
    var blue: Double

    static let white = RGBColor(red: 1, green: 1, blue: 1)
    /// The near-black the starter theme uses for text.
    static let ink = RGBColor(hex: "#111827") ?? RGBColor(red: 0, green: 0, blue: 0)

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rgb` or `#rrggbb` (case-insensitive).
    init?(hex: String) {
        var digits = hex.trimmingWhitespace
        guard digits.hasPrefix("#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xff) / 255
        green = Double((value >> 8) & 0xff) / 255
        blue = Double(value & 0xff) / 255
    }

    /// `#rrggbb`, lower case.
    var hex: String {
        "#" + [red, green, blue].map { String(Int(($0 * 255).rounded()), radix: 16).leftPadded(to: 2) }.joined()
    }

    /// WCAG relative luminance.
    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.039_28 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio (1…21).
    func contrast(with other: RGBColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// White or near-black, whichever reads better on this colour.
    var readableText: RGBColor {
        contrast(with: .white) >= contrast(with: .ink) ? .white : .ink
    }

    /// The contrast ratio formatted for a reply (`2.9:1`).
    static func format(ratio: Double) -> String {
        let tenths = Int((ratio * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10):1"
    }
}
