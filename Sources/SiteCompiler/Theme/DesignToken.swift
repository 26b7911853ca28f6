internal import Foundation

/// A typed design token a theme declares; it becomes the CSS custom property `--name-with-hyphens`.
package struct DesignToken: Sendable, Equatable {
    /// Token types, each with its own value check.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        case color, length, font, number, string
    }

    /// snake_case name as written in theme.yaml and site.yaml.
    package var name: String
    /// Value type, which decides the check.
    package var kind: Kind
    /// Value when the site does not override it.
    package var defaultValue: String
    /// What the token styles.
    package var description: String?

    /// A token.
    package init(name: String, kind: Kind, defaultValue: String, description: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.description = description
    }

    /// `header_bg` → `--header-bg`.
    package var cssName: String { "--" + name.replacingOccurrences(of: "_", with: "-") }
}
