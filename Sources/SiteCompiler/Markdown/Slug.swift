/// URL- and id-safe slugs: lower case ASCII letters and digits joined by single hyphens.
package enum Slug {
    /// `"Get started — now!"` → `"get-started-now"`. Letters outside ASCII are kept (browsers handle them) only
    /// when they are letters or digits; everything else separates words.
    package static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
