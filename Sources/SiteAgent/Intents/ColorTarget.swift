/// The colour token(s) a phrase such as "the header", "footer text" or "buttons" is about.
struct ColorTarget: Equatable {
    /// The token to set (`header_bg`).
    var key: String
    /// How the reply names it ("header background").
    var name: String
    /// For a background: the token of the text drawn on it. For a text colour: the background it sits on.
    var partner: String?
    /// Whether the partner is text on this background (else this is the text, on the partner).
    var isBackground: Bool
    /// Whether the partner text colour may be switched automatically to keep contrast.
    var adjustsPartner: Bool

    static let primary = ColorTarget(key: "primary", name: "primary colour (buttons and links)", partner: "primary_text", isBackground: true, adjustsPartner: false)
    static let headerBackground = ColorTarget(key: "header_bg", name: "header background", partner: "header_text", isBackground: true, adjustsPartner: true)

    /// Every target ``parse(_:)`` can name, so a token chosen another way gets the same partner handling.
    static let all: [ColorTarget] = [
        primary, headerBackground,
        ColorTarget(key: "header_text", name: "header text", partner: "header_bg", isBackground: false, adjustsPartner: false),
        ColorTarget(key: "footer_text", name: "footer text", partner: "footer_bg", isBackground: false, adjustsPartner: false),
        ColorTarget(key: "footer_bg", name: "footer background", partner: "footer_text", isBackground: true, adjustsPartner: true),
        ColorTarget(key: "primary_text", name: "button text", partner: "primary", isBackground: false, adjustsPartner: false),
        ColorTarget(key: "background", name: "page background", partner: "text", isBackground: true, adjustsPartner: true),
        ColorTarget(key: "text", name: "body text", partner: "background", isBackground: false, adjustsPartner: false),
    ]

    /// What a phrase names; nil when it names no colour setting, `.unspecified` is handled by the caller.
    static func parse(_ phrase: String) -> Parsed {
        var words = phrase.lowercased()
        words = words.replacing(/\b(?:to|into|as|in|with|the|our|my|a|an|colou?rs?|shade|of)\b|[=:]/, with: " ")
        words = words.trimmingWhitespace.replacing(/\s+/, with: " ")
        let isText = words.contains(/\b(?:text|font|letters|foreground|writing|labels?)\b/)
        // Cards, bands, borders, muted text: tokens only some themes have; the edit surface names them.
        if words.contains(/\b(?:cards?|surface|bands?|borders?|muted|secondary|callouts?|sidebar|code|info|tips?|warnings?)\b/) { return .unknown(words) }
        if words.contains(/\b(?:header|navbar|nav bar|top bar|menu bar|navigation bar|masthead|menu)\b/) {
            return .target(isText
                ? ColorTarget(key: "header_text", name: "header text", partner: "header_bg", isBackground: false, adjustsPartner: false)
                : headerBackground)
        }
        if words.contains(/\b(?:footer|bottom bar)\b/) {
            return .target(isText
                ? ColorTarget(key: "footer_text", name: "footer text", partner: "footer_bg", isBackground: false, adjustsPartner: false)
                : ColorTarget(key: "footer_bg", name: "footer background", partner: "footer_text", isBackground: true, adjustsPartner: true))
        }
        if words.contains(/\b(?:buttons?|cta|call to action|primary)\b/), isText {
            return .target(ColorTarget(key: "primary_text", name: "button text", partner: "primary", isBackground: false, adjustsPartner: false))
        }
        // "the main text colour" is the body text; "the main colour" the primary one.
        if words.contains(/\b(?:primary|brand|accent|buttons?|links?|theme|highlights?|cta|call to action)\b/) || words.contains(/\bmain\b/) && !isText { return .target(primary) }
        if words.contains(/\b(?:background|backdrop|page)\b/) {
            return .target(ColorTarget(key: "background", name: "page background", partner: "text", isBackground: true, adjustsPartner: true))
        }
        if isText || words == "body" {
            return .target(ColorTarget(key: "text", name: "body text", partner: "background", isBackground: false, adjustsPartner: false))
        }
        if words.isEmpty || ["it", "site", "website", "everything", "whole site", "pages"].contains(words) { return .unspecified }
        return .unknown(words)
    }

    enum Parsed: Equatable {
        case target(ColorTarget)
        case unspecified
        case unknown(String)
    }
}
