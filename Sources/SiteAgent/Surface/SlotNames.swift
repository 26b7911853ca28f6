import Foundation

/// The words people use for parts of a site, beyond what a theme declares: generic names for common prop
/// names, for the items of common lists, and ordinals. A theme's `label`/`aliases` come first; these fill gaps.
enum SlotNames {
    /// Words that carry no meaning in a reference to a slot ("the title of the first card on our home page").
    static let filler: Set<String> = [
        "the", "a", "an", "of", "on", "in", "at", "for", "my", "our", "its", "this", "that", "from", "s", "page",
        "section", "block", "component", "current", "existing", "whole", "there", "which", "says", "reads", "is",
        "one", "your", "under", "with",
    ]

    /// Lower-cased words without filler and punctuation: "the Pro plan's price" → "pro plan price".
    static func normalized(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    static func tokens(_ text: String) -> [String] {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "'s ", with: " ")
        let words = lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "$" || $0 == "." || $0 == "/") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }.filter { !$0.isEmpty }
        let meaningful = words.map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }.filter { !filler.contains($0) }
        return meaningful
    }

    /// The fields that name a list item (a card's title, a tier's name, a question, an image's alt), in order.
    static let itemNameKeys = ["title", "name", "question", "label", "alt"]

    /// Generic names for a prop name that a theme did not label.
    static let props: [String: [String]] = [
        "title": ["title", "heading", "headline", "name"],
        "text": ["text", "description", "blurb", "copy", "body", "wording"],
        "intro": ["intro", "introduction", "intro text", "text under the title"],
        "name": ["name", "title"],
        "price": ["price", "cost"],
        "period": ["period", "billing period", "billing"],
        "cta_label": ["button", "button text", "button label", "call to action", "button wording", "button words", "button copy", "cta", "cta label", "cta text", "cta button"],
        "cta_url": ["button link", "button url", "link", "button target"],
        "quote": ["quote", "text", "words", "testimonial text"],
        "role": ["role", "job title", "position", "company"],
        "question": ["question"],
        "answer": ["answer", "reply"],
        "alt": ["alt text", "alt", "image description", "description"],
        "caption": ["caption"],
        "src": ["image", "file", "picture", "photo", "source"],
        "label": ["label", "text", "button text", "wording", "words", "button wording"],
        "href": ["link", "url", "target", "address"],
        "button_label": ["button text", "button label", "button", "button wording", "button words", "button copy", "cta", "cta label", "cta text", "cta button", "call to action"],
        "headline": ["headline", "heading", "title", "main headline", "main heading", "big headline", "big heading", "main title"],
        "subheadline": ["subheadline", "subheading", "subtitle", "subheading under the headline", "subheading under the main headline",
                        "subtitle under the main headline", "text under the main headline", "line under the main headline", "sub heading",
                        "line under the big headline", "text under the big headline", "line under the headline", "text under the headline",
                        "line below the headline", "text below the headline", "line under the title", "text under the title"],
        "to": ["email", "email address", "recipient"],
        "endpoint": ["endpoint", "form endpoint"],
    ]

    /// Everyday names for the design tokens the built-in themes share, beyond their key and description:
    /// "the links", "the top bar", "the text column". A description part that is another token's alias here is
    /// not used ("Header text and links" does not make "links" the header text).
    static let tokenAliases: [String: [String]] = [
        "primary": ["accent", "accent colour", "brand", "brand colour", "main colour", "theme colour", "buttons", "button", "links", "link", "highlight", "highlights", "cta buttons", "cta button", "call to action buttons"],
        "primary_text": ["button text", "button label", "text on buttons", "button font colour"],
        "header_bg": ["header", "top bar", "navbar", "nav bar", "menu bar", "navigation bar", "masthead", "header colour"],
        "header_text": ["header links", "menu text", "menu links", "nav links", "navigation links", "header font colour"],
        "background": ["page", "page colour", "site background", "bg", "backdrop"],
        "text": ["body", "body text", "text colour", "font colour", "writing", "paragraphs", "paragraph text"],
        "muted": ["grey text", "gray text", "small text", "meta text", "metadata", "fine print"],
        "border": ["borders", "border lines", "dividers", "divider lines", "hairlines", "outlines"],
        "surface": ["cards", "card background", "panels", "boxes", "bands"],
        "footer_bg": ["footer", "bottom bar", "footer colour"],
        "footer_text": ["footer links", "footer font colour"],
        "content_width": ["text column", "column", "content", "text", "reading column", "main column", "article", "line length", "measure", "body text"],
        "wide_width": ["wide blocks", "wide sections", "layout", "container", "page", "max"],
        "sidebar_width": ["sidebar", "side bar", "navigation sidebar", "nav sidebar", "menu sidebar"],
        "radius": ["corners", "corner", "rounded corners", "corner rounding", "roundness", "border radius", "rounding"],
    ]

    /// What one item of a list prop is called, by component and list prop, when the theme does not say.
    static let items: [String: [String]] = [
        "features.items": ["feature", "feature card", "card", "benefit"],
        "pricing.tiers": ["tier", "plan", "package", "pricing tier", "price tier", "pricing plan", "option"],
        "faq.items": ["question", "faq", "faq item", "faq entry", "q&a"],
        "testimonials.items": ["testimonial", "quote", "review"],
        "gallery.images": ["image", "photo", "picture", "gallery image"],
    ]

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"]

    /// "first", "1st", "1", "#1" (as tokens) for item `index` of `count`; "last" for the last.
    static func ordinalNames(_ index: Int, count: Int) -> [String] {
        var names = ["\(index + 1)", "number \(index + 1)", "\(index + 1)" + suffix(index + 1)]
        if index < ordinals.count { names.append(ordinals[index]) }
        if index == count - 1 { names.append("last") }
        if count == 1 { names.append("only") }
        return names
    }

    private static func suffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// "feature cards" → "feature card": the singular of a list's name.
    static func singular(_ phrase: String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard var last = words.popLast() else { return phrase }
        if last.hasSuffix("ies") { last = String(last.dropLast(3)) + "y" } else if last.hasSuffix("s"), !last.hasSuffix("ss") { last.removeLast() }
        return (words + [last]).joined(separator: " ")
    }
}
