import SiteCompiler
import Yams

/// CSS font stacks for family names people ask for, with a fallback of the same kind.
enum FontStack {
    enum Kind { case serif, sans, mono }

    /// A stack ready for a `font_*` token.
    struct Stack {
        var css: String
        var family: String
        var fallback: String
        /// System fonts every visitor has (or generic families); no web font needed.
        var isAvailable: Bool
    }

    private static let kinds: [String: Kind] = [
        "playfair display": .serif, "merriweather": .serif, "lora": .serif, "georgia": .serif, "pt serif": .serif,
        "eb garamond": .serif, "garamond": .serif, "libre baskerville": .serif, "baskerville": .serif,
        "crimson text": .serif, "crimson pro": .serif, "source serif pro": .serif, "source serif 4": .serif,
        "ibm plex serif": .serif, "dm serif display": .serif, "cormorant garamond": .serif, "times new roman": .serif,
        "times": .serif, "noto serif": .serif, "roboto slab": .serif, "bitter": .serif, "fraunces": .serif,
        "palatino": .serif, "palatino linotype": .serif, "book antiqua": .serif, "cambria": .serif, "charter": .serif,
        "didot": .serif, "bodoni": .serif, "hoefler text": .serif, "constantia": .serif, "rockwell": .serif, "spectral": .serif,
        "libre caslon": .serif, "caslon": .serif, "minion pro": .serif, "alegreya": .serif,
        "roboto mono": .mono, "fira code": .mono, "fira mono": .mono, "jetbrains mono": .mono, "source code pro": .mono,
        "ibm plex mono": .mono, "courier new": .mono, "courier": .mono, "menlo": .mono, "consolas": .mono,
        "space mono": .mono, "inconsolata": .mono,
    ]
    private static let system: Set<String> = [
        "georgia", "times new roman", "times", "arial", "helvetica", "helvetica neue", "verdana", "tahoma",
        "trebuchet ms", "courier new", "courier", "system-ui", "serif", "sans-serif", "monospace", "arial black", "impact",
        "palatino", "palatino linotype", "book antiqua", "cambria", "constantia", "consolas", "menlo",
    ]

    /// A family the agent knows by name (any case), or a generic family.
    static func knows(_ name: String) -> Bool {
        let key = name.trimmingWhitespace.lowercased()
        return kinds[key] != nil || system.contains(key) || ["inter", "roboto", "open sans", "lato", "montserrat", "poppins", "nunito", "raleway", "ubuntu", "work sans", "dm sans", "ibm plex sans", "source sans pro", "noto sans", "segoe ui", "sf pro", "avenir", "futura", "gill sans", "optima", "calibri"].contains(key)
    }

    static func stack(for name: String) -> Stack {
        let family = name.trimmingWhitespace
        if family.contains(",") {
            let first = family.split(separator: ",").first.map { String($0).trimmingWhitespace.trimming(characters: "\"'") } ?? family
            return Stack(css: family, family: first, fallback: "the next font in the list", isAvailable: system.contains(first.lowercased()))
        }
        let key = family.lowercased()
        // A generic family is its own fallback ("system-ui" was written "system-ui, system-ui, sans-serif").
        let generic: [String: String] = ["system-ui": "system-ui, sans-serif", "sans-serif": "sans-serif", "serif": "serif", "monospace": "monospace"]
        if let css = generic[key] { return Stack(css: css, family: family, fallback: family, isAvailable: true) }
        let quoted = family.contains(" ") ? "\"\(family)\"" : family
        switch kinds[key] ?? .sans {
        case .serif:
            let css = key == "georgia" ? "Georgia, serif" : "\(quoted), Georgia, serif"
            return Stack(css: css, family: family, fallback: "Georgia", isAvailable: system.contains(key))
        case .mono:
            return Stack(css: "\(quoted), ui-monospace, monospace", family: family, fallback: "the system monospace font", isAvailable: system.contains(key))
        case .sans:
            return Stack(css: "\(quoted), system-ui, sans-serif", family: family, fallback: "the system sans-serif font", isAvailable: system.contains(key))
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimming(characters set: String) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
