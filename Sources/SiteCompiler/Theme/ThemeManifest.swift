/// A theme's `theme.yaml`: identity, typed design tokens and the components it offers.
package struct ThemeManifest: Sendable, Equatable {
    /// Theme name (its folder name).
    package var name: String
    /// Theme version, informational.
    package var version: String?
    /// One line about the theme.
    package var description: String?
    /// Compiler versions the theme supports, e.g. `">=0.1"`; informational for now.
    package var compiler: String?
    /// Optional outputs the theme uses: `search` asks for `/search.json`.
    package var features: Set<String> = []
    /// The longest an agent may work on a site with this theme (`agent_timeout_seconds`); nil leaves it to the
    /// agent configuration.
    package var agentTimeoutSeconds: Double?
    /// Response headers for the theme's sites (`headers:`, in the `_headers` format; see ``HeaderRules``).
    package var headers: String?
    /// Every feature a theme may ask for.
    package static let knownFeatures: Set<String> = ["search"]
    /// Tokens in declaration order (the order they appear in the generated CSS).
    package var tokens: [DesignToken]
    /// Components in declaration order.
    package var components: [ComponentSchema]

    /// A manifest.
    package init(
        name: String,
        version: String? = nil,
        description: String? = nil,
        compiler: String? = nil,
        tokens: [DesignToken] = [],
        components: [ComponentSchema] = []
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.compiler = compiler
        self.tokens = tokens
        self.components = components
    }

    /// The component named `name` (exact spelling).
    package func component(_ name: String) -> ComponentSchema? {
        components.first { $0.name == name }
    }

    /// The token named `name`.
    package func token(_ name: String) -> DesignToken? {
        tokens.first { $0.name == name }
    }
}
