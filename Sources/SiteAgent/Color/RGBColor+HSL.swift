extension RGBColor {
    /// Hue (0..<360), saturation and lightness (0...1).
    var hsl: (hue: Double, saturation: Double, lightness: Double) {
        let high = max(red, green, blue), low = min(red, green, blue)
        let lightness = (high + low) / 2
        guard high > low else { return (0, 0, lightness) }
        let delta = high - low
        let saturation = lightness > 0.5 ? delta / (2 - high - low) : delta / (high + low)
        var hue: Double
        if high == red {
            hue = (green - blue) / delta + (green < blue ? 6 : 0)
        } else if high == green {
            hue = (blue - red) / delta + 2
        } else {
            hue = (red - green) / delta + 4
        }
        return (hue * 60, saturation, lightness)
    }

    init(hue: Double, saturation: Double, lightness: Double) {
        guard saturation > 0 else {
            self.init(red: lightness, green: lightness, blue: lightness)
            return
        }
        let q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
        let p = 2 * lightness - q
        func channel(_ offset: Double) -> Double {
            var t = hue / 360 + offset
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1 / 6 { return p + (q - p) * 6 * t }
            if t < 1 / 2 { return q }
            if t < 2 / 3 { return p + (q - p) * (2 / 3 - t) * 6 }
            return p
        }
        self.init(red: channel(1 / 3), green: channel(0), blue: channel(-1 / 3))
    }

    /// A more vivid version of the colour: full saturation, a little lighter, still readable under white text
    /// where possible.
    var brightened: RGBColor {
        let (hue, _, lightness) = hsl
        var candidate = RGBColor(hue: hue, saturation: 1, lightness: min(lightness + 0.04, 0.6))
        var steps = 0
        while candidate.contrast(with: .white) < 4.5, steps < 20 {
            candidate = RGBColor(hue: hue, saturation: 1, lightness: candidate.hsl.lightness - 0.01)
            steps += 1
        }
        return candidate
    }
}
