/// A component a theme offers: its props and what it is for (shown to agents and in `themes validate`).
package struct ComponentSchema: Sendable, Equatable {
    /// Name used after `:::component`.
    package var name: String
    /// What the component is for.
    package var description: String?
    /// Props in declaration order.
    package var props: [PropField]

    /// A component schema.
    package init(name: String, description: String? = nil, props: [PropField] = []) {
        self.name = name
        self.description = description
        self.props = props
    }

    /// The prop named `name`.
    package func prop(_ name: String) -> PropSchema? {
        props.first { $0.name == name }?.schema
    }

    /// Names a prop may not take because component templates see them as context: the site, the page and the
    /// rendered body.
    package static let reservedPropNames: Set<String> = ["site", "page", "body_html"]
}
