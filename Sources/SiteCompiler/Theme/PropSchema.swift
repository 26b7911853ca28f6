/// The schema of one component prop (or of a list item, or an object field) from `theme.yaml`.
package struct PropSchema: Sendable, Equatable {
    /// Prop types a theme can declare.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        case string, number, bool, url, `enum`, list, object
    }

    /// The value type.
    package var kind: Kind
    /// Must be present (or have a default).
    package var required = false
    /// Used when the prop is absent; already validated against this schema.
    package var defaultValue: PropValue?
    /// Longest string (in characters) or longest list (in items).
    package var maxLength: Int?
    /// A regular expression the whole string must match.
    package var pattern: String?
    /// Allowed values of an `enum`.
    package var values: [String] = []
    /// Fields of an `object`, in declaration order.
    package var fields: [PropField] = []
    /// What the prop is for.
    package var description: String?
    /// What people call it ("the text under the headline"), for agents: the name shown and other names.
    package var label: String?
    package var aliases: [String] = []
    // A one-element array rather than `PropSchema?`, because a struct cannot hold itself directly.
    private var itemStorage: [PropSchema] = []

    /// A schema of `kind` with no constraints.
    package init(kind: Kind) {
        self.kind = kind
    }

    /// The schema of each element of a `list` (nil means any string).
    package var items: PropSchema? {
        get { itemStorage.first }
        set { itemStorage = newValue.map { [$0] } ?? [] }
    }

    /// A short description of the expected value for messages: `a list of objects`, `one of info, tip, warning`.
    package var expectation: String {
        switch kind {
        case .string: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .url: "a URL (https://…, /path/, #anchor or mailto:…)"
        case .enum: "one of " + values.joined(separator: ", ")
        case .list: "a list" + (items.map { " of " + $0.pluralName } ?? "")
        case .object: "a mapping with " + fields.map(\.name).joined(separator: ", ")
        }
    }

    private var pluralName: String {
        switch kind {
        case .string: "text items"
        case .number: "numbers"
        case .bool: "booleans"
        case .url: "URLs"
        case .enum: "values (" + values.joined(separator: ", ") + ")"
        case .list: "lists"
        case .object: "objects"
        }
    }
}

/// A named prop in a component or object schema.
package struct PropField: Sendable, Equatable {
    /// Prop name as written in a block.
    package var name: String
    /// What values it takes.
    package var schema: PropSchema

    /// A named prop.
    package init(name: String, schema: PropSchema) {
        self.name = name
        self.schema = schema
    }
}
