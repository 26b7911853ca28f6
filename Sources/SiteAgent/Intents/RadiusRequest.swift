/// Corner radius: "make the corners rounder", "square corners", "set the radius to 8px".
enum RadiusRequest {
    /// Steps a "rounder"/"sharper" request moves through, in rem.
    private static let steps = [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5]

    static func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message.lowercased()
        // About corners: the word must be said as a request about corners, not inside a caption ("second round").
        guard text.contains(/\b(?:corners?|radius|rounded|rounder)\b/) || text.contains(/^(?:make|set)\s+(?:it|everything|the\s+\w+)\s+round\b/),
              !text.contains(/\b(?:caption|alt\s+text|image|gallery|photo|picture|quote|testimonial|title|headline|called|named|titled)\b/),
              // "make the primary colour tomato, the corners 6px and the body font Verdana": several settings.
              !text.contains(/,\s*(?:the|its|our|my)\s|\s+and\s+(?:the|its|our|my)\s|\b(?:font|colou?r|typeface)\b/)
        else { return nil }
        // The whole message must be about corners: "1) tagline: … 2) square corners" holds another instruction.
        let cornerWords: Set<String> = ["corners", "corner", "radius", "rounded", "rounder", "round", "square", "sharp", "sharper", "less",
                                        "more", "no", "rounding", "straight", "softer", "pill", "buttons", "button", "cards", "card", "boxes",
                                        "make", "set", "change", "use", "give", "want", "like", "please", "can", "you", "we", "i", "it", "everything",
                                        "the", "to", "a", "bit", "little", "of", "on", "and", "all", "our", "my", "slightly", "much", "lot",
                                        "should", "be", "with", "have", "px", "rem", "em", "shape", "shaped", "edges", "edge", "site", "website"]
        let others = text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { !cornerWords.contains($0) }
        guard others.count <= 2 else { return nil }
        let current = request.site.tokens["radius"] ?? request.site.themeTokens["radius"] ?? "0.5rem"
        let value: String
        if let match = text.firstMatch(of: /(?:radius|corners?)\s+(?:to\s+)?(?<number>\d+(?:\.\d+)?)(?<unit>px|rem|em)?\b/) {
            value = String(match.number) + String(match.unit ?? "px")
        } else if let match = text.firstMatch(of: /\b(?<number>\d+(?:\.\d+)?)(?<unit>px|rem|em)\b/) {
            // "less rounded corners please, 2px": the number given wins over a step.
            value = String(match.number) + String(match.unit)
        } else if text.contains(/\b(?:square|sharp|sharper|less\s+round(?:ed)?|no\s+rounding|straight)\b/) {
            value = text.contains(/\b(?:square|no\s+rounding|straight)\b/) ? "0" : step(from: current, by: -1)
        } else if text.contains(/\b(?:rounder|more\s+round(?:ed)?|round(?:ed)?|softer|pill)\b/) {
            value = text.contains("pill") ? "999px" : step(from: current, by: 1)
        } else {
            return nil
        }
        guard value != current else { return .noChange("The corner radius is already \(current).") }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "tokens.radius: \(value)") { try $0.setToken("radius", to: value) }
        return .change(workspace, summary: "Changed the corner radius of buttons and cards from \(current) to \(value).")
    }

    /// The next step up or down from a rem value (other units count as 0.5rem).
    private static func step(from current: String, by direction: Int) -> String {
        let rem = current.hasSuffix("rem") ? Double(current.dropLast(3)) ?? 0.5 : 0.5
        let next = direction > 0
            ? steps.first { $0 > rem + 0.0001 } ?? steps[steps.count - 1]
            : steps.last { $0 < rem - 0.0001 } ?? 0
        if next == 0 { return "0" }
        return (next == next.rounded() ? String(Int(next)) : String(next)) + "rem"
    }
}
