internal import Foundation

/// Turns a theme's design tokens and a site's overrides into `assets/tokens.css` (`:root { --primary: …; }`).
package struct TokenStylesheet: Sendable {
    /// Final values in the theme's declaration order.
    package var values: [(token: DesignToken, value: String)]

    /// Resolves `overrides` (from site.yaml `tokens:`) against the theme's tokens. Unknown names are warnings
    /// (with a suggestion), bad values errors; both are located through `site` when given.
    package static func resolve(
        manifest: ThemeManifest,
        overrides: [String: String],
        site: SiteConfig.Parsed?
    ) -> (stylesheet: TokenStylesheet, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let tokensNode = site?.node?["tokens"]
        func locate(_ name: String, value: Bool) -> (Int?, Int?) {
            guard let entry = tokensNode?.entry(name) else { return (nil, nil) }
            return value ? (entry.value.line, entry.value.column) : (entry.line, entry.column)
        }
        for name in overrides.keys.sorted() where manifest.token(name) == nil {
            let (line, column) = locate(name, value: false)
            diagnostics.append(
                .warning(
                    "theme \"\(manifest.name)\" has no design token \"\(name)\"; it is ignored",
                    in: site?.source,
                    line: line,
                    column: column,
                    hint: Suggestion.hint(for: name, among: manifest.tokens.map(\.name))
                        ?? "tokens: " + manifest.tokens.map(\.name).joined(separator: ", ")
                )
            )
        }
        var values: [(DesignToken, String)] = []
        for token in manifest.tokens {
            guard let override = overrides[token.name] else {
                values.append((token, token.defaultValue))
                continue
            }
            if let problem = TokenValue.problem(with: override, kind: token.kind) {
                let (line, column) = locate(token.name, value: true)
                diagnostics.append(
                    .error(
                        "token \"\(token.name)\" \(problem): \"\(override)\"",
                        in: site?.source,
                        line: line,
                        column: column,
                        hint: "the theme's default is \(token.defaultValue)"
                    )
                )
                values.append((token, token.defaultValue))
            } else {
                values.append((token, override.trimmingCharacters(in: .whitespaces)))
            }
        }
        return (TokenStylesheet(values: values), diagnostics)
    }

    /// The CSS text: one custom property per token.
    package var css: String {
        var css = "/* Design tokens: generated from theme.yaml and site.yaml tokens. */\n:root {\n"
        for (token, value) in values {
            css += "  \(token.cssName): \(value);\n"
        }
        return css + "}\n"
    }

    /// Token values by name, for templates (`{{tokens.primary}}`).
    package var byName: [String: String] {
        Dictionary(values.map { ($0.token.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
