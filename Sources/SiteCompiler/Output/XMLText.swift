/// Escaping for XML text and attributes (sitemap, RSS).
enum XMLText {
    static func escape(_ text: String) -> String {
        HTMLText.escape(text, apostrophe: "&apos;")
    }
}
