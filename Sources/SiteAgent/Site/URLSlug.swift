import Foundation

/// URL slugs and titles made from each other.
enum URLSlug {
    /// `We're live!` → `were-live`; `About Us` → `about-us`.
    static func make(_ title: String) -> String {
        var result = ""
        var pendingDash = false
        for character in title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if character == "'" || character == "’" { continue }
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "page" : result
    }

    /// `hello-world` → `Hello World`.
    static func title(fromSlug slug: String) -> String {
        slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
