internal import Foundation

/// How heading ids are made from heading text (`heading_ids:` in site.yaml).
package enum HeadingIDScheme: String, Sendable, CaseIterable {
    /// GitHub's (and Hugo's default `github` type): lower case; letters, digits, `_` and `-` kept; each space a
    /// `-`; other punctuation dropped without collapsing anything. Docs written for GitHub link to these.
    case github
    /// sitectl's earlier ids: words of letters and digits joined by single hyphens (`_` and runs of `-` collapse).
    case hugo

    package func id(from text: String) -> String {
        switch self {
        case .github: Slug.github(from: text)
        case .hugo: Slug.make(from: text)
        }
    }
}

/// URL- and id-safe slugs: lower case ASCII letters and digits joined by single hyphens.
package enum Slug {
    /// GitHub's heading ids (github-slugger): `"Stanza: depends_on"` → `"stanza-depends_on"`,
    /// `"A -- B"` → `"a----b"`, `"Über uns!"` → `"über-uns"`.
    package static func github(from text: String) -> String {
        var slug = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            } else if character.unicodeScalars.first.map({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) == true,
                !character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            {
                // A letter with combining marks is one Character: kept whole.
                slug.append(character)
            }
        }
        return slug
    }

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
