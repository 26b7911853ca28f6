internal import Foundation

/// Validates component props (a YAML tree) against a ``ComponentSchema`` and turns them into ``PropValue``s,
/// collecting every problem as a located diagnostic with a suggestion where one helps.
package struct PropValidator {
    private let source: SourceText
    /// Findings so far.
    package private(set) var diagnostics: [Diagnostic] = []

    /// A validator reporting positions in `source`.
    package init(source: SourceText) {
        self.source = source
    }

    /// Validates a component's props. `props` is nil when the block has none; `at` is the opener's position, used
    /// for props that are missing. Defaults are filled in.
    package mutating func validate(
        _ props: YAMLNode?,
        against schema: ComponentSchema,
        at position: (line: Int, column: Int)
    ) -> [String: PropValue] {
        let entries: [YAMLEntry]
        if let props, !props.isNull {
            guard let mapping = props.entries else {
                fail(props, "props of \(schema.name) must be \"name: value\" lines, found \(props.typeDescription)")
                return [:]
            }
            entries = mapping
        } else {
            entries = []
        }
        return validateFields(entries, fields: schema.props, owner: schema.name, pathPrefix: nil, at: position)
    }

    /// Validates one value against one schema (used for defaults in theme.yaml too).
    package mutating func validateValue(_ node: YAMLNode, schema: PropSchema, path: String) -> PropValue? {
        switch schema.kind {
        case .string, .url, .enum:
            guard let text = scalarText(node, path: path, schema: schema) else { return nil }
            return checkText(text, node: node, schema: schema, path: path).map(PropValue.string)
        case .number:
            guard let number = node.double, node.string != nil else {
                return mismatch(node, path: path, schema: schema)
            }
            return .number(number)
        case .bool:
            guard let flag = node.bool else { return mismatch(node, path: path, schema: schema) }
            return .bool(flag)
        case .list:
            guard let items = node.items else { return mismatch(node, path: path, schema: schema) }
            if let max = schema.maxLength, items.count > max {
                fail(node, "\(path) has \(items.count) items; at most \(max) allowed")
            }
            let itemSchema = schema.items ?? PropSchema(kind: .string)
            let values = items.enumerated().compactMap { index, item in
                validateValue(item, schema: itemSchema, path: "\(path)[\(index + 1)]")
            }
            return values.count == items.count ? .list(values) : nil
        case .object:
            guard let entries = node.entries else { return mismatch(node, path: path, schema: schema) }
            let before = diagnostics.count
            let fields = validateFields(
                entries,
                fields: schema.fields,
                owner: path,
                pathPrefix: path,
                at: (node.line, node.column)
            )
            return diagnostics[before...].contains { $0.severity == .error } ? nil : .object(fields)
        }
    }

    /// `owner` names the component or object in messages; `pathPrefix` (nil at the top level) is put in front of
    /// field names in messages, e.g. `tiers[1].name`.
    private mutating func validateFields(
        _ entries: [YAMLEntry],
        fields: [PropField],
        owner: String,
        pathPrefix: String?,
        at position: (line: Int, column: Int)
    ) -> [String: PropValue] {
        var values: [String: PropValue] = [:]
        var seen: Set<String> = []
        for entry in entries {
            seen.insert(entry.key)
            guard let field = fields.first(where: { $0.name == entry.key }) else {
                let names = fields.map(\.name)
                diagnostics.append(
                    .error(
                        "unknown prop \"\(entry.key)\" for \(owner)",
                        in: source,
                        line: entry.line,
                        column: entry.column,
                        hint: Suggestion.hint(for: entry.key, among: names)
                            ?? "\(owner) takes: \(names.joined(separator: ", "))"
                    )
                )
                continue
            }
            if entry.value.isNull {
                if field.schema.required { missing(field.name, owner: owner, line: entry.line, column: entry.column) }
                continue
            }
            let path = pathPrefix.map { "\($0).\(field.name)" } ?? field.name
            if let value = validateValue(entry.value, schema: field.schema, path: path) { values[field.name] = value }
        }
        for field in fields where !seen.contains(field.name) {
            if let value = field.schema.defaultValue {
                values[field.name] = value
            } else if field.schema.required {
                missing(field.name, owner: owner, line: position.line, column: position.column)
            }
        }
        return values
    }

    private mutating func scalarText(_ node: YAMLNode, path: String, schema: PropSchema) -> String? {
        guard let text = node.string else {
            _ = mismatch(node, path: path, schema: schema)
            return nil
        }
        return text
    }

    private mutating func checkText(_ text: String, node: YAMLNode, schema: PropSchema, path: String) -> String? {
        if let max = schema.maxLength, text.count > max {
            fail(node, "\(path) is \(text.count) characters long; at most \(max) allowed")
            return nil
        }
        if schema.kind == .enum, !schema.values.contains(text) {
            let hint =
                Suggestion.hint(for: text, among: schema.values) ?? "use one of: "
                + schema.values.joined(separator: ", ")
            fail(node, "\(path) must be one of \(schema.values.joined(separator: ", ")), not \"\(text)\"", hint: hint)
            return nil
        }
        if schema.kind == .url, let problem = URLValue.problem(with: text) {
            fail(
                node,
                "\(path) \(problem): \"\(text)\"",
                hint: "use https://…, a site path such as /about/, #anchor or mailto:…"
            )
            return nil
        }
        if let pattern = schema.pattern, !Self.matches(text, pattern: pattern) {
            fail(node, "\(path) does not have the expected form: \"\(text)\"", hint: "it must match \(pattern)")
            return nil
        }
        return text
    }

    private static func matches(_ text: String, pattern: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return true }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    private mutating func mismatch(_ node: YAMLNode, path: String, schema: PropSchema) -> PropValue? {
        fail(node, "\(path) must be \(schema.expectation), found \(node.typeDescription)")
        return nil
    }

    private mutating func missing(_ name: String, owner: String, line: Int, column: Int) {
        diagnostics.append(
            .error(
                "missing required prop \"\(name)\" for \(owner)",
                in: source,
                line: line,
                column: column,
                hint: "add a line \"\(name): …\""
            )
        )
    }

    private mutating func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(message, in: source, line: node.line, column: node.column, hint: hint))
    }
}
