extension HTMLText {
    /// The first `characters` characters of ``plain(_:)`` (whitespace collapsed), without reducing the whole
    /// fragment: the text of a prefix of the HTML is a prefix of the whole text except near its end (a cut tag,
    /// entity or run of whitespace), so a prefix long enough to leave a wide margin gives the same characters.
    package static func plainPrefix(_ html: String, characters: Int) -> String {
        let margin = 200
        var window = (characters + margin) * 4
        while window < html.utf8.count {
            let text = plain(String(html.prefix(window)))
            if text.count >= characters + margin { return String(text.prefix(characters)) }
            window *= 4
        }
        return String(plain(html).prefix(characters))
    }
}
