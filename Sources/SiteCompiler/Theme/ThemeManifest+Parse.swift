extension ThemeManifest {
    /// Parses `theme.yaml`. Every problem is located in `source`; errors are thrown together, warnings appended.
    package static func parse(
        _ source: SourceText,
        warnings: inout [Diagnostic]
    ) throws(CompileFailure) -> ThemeManifest {
        guard let root = try YAMLNode.parse(source.text, source: source), root.entries != nil else {
            throw CompileFailure(diagnostics: [
                .error("theme.yaml must be a mapping with at least \"name\"", in: source, line: 1, column: 1)
            ])
        }
        var reader = ManifestReader(source: source)
        let manifest = reader.read(root)
        warnings += reader.diagnostics.filter { $0.severity == .warning }
        if reader.diagnostics.hasErrors { throw CompileFailure(diagnostics: reader.diagnostics) }
        return manifest
    }
}

/// Reads the theme.yaml tree with located errors.
private struct ManifestReader {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    private static let topKeys: Set<String> = [
        "name", "version", "description", "compiler", "features", "tokens", "components", "agent_timeout_seconds", "headers",
    ]
    private static let tokenKeys: Set<String> = ["type", "default", "description"]
    private static let componentKeys: Set<String> = ["description", "props"]
    private static let propKeys: Set<String> = [
        "type", "required", "default", "max_length", "pattern", "values", "items", "props", "description", "label", "aliases",
    ]

    mutating func read(_ root: YAMLNode) -> ThemeManifest {
        checkKeys(root, allowed: Self.topKeys, what: "theme.yaml")
        var manifest = ThemeManifest(name: "")
        if let name = root["name"]?.string {
            manifest.name = name
        } else {
            fail(root, "theme.yaml needs a \"name\"")
        }
        manifest.version = root["version"]?.string
        manifest.description = root["description"]?.string
        manifest.compiler = root["compiler"]?.string
        if let timeout = root["agent_timeout_seconds"] {
            if let seconds = timeout.double, seconds > 0 {
                manifest.agentTimeoutSeconds = seconds
            } else {
                fail(timeout, "agent_timeout_seconds must be a positive number of seconds")
            }
        }
        if let headers = root["headers"] {
            if let text = headers.string {
                do {
                    _ = try HeaderRules.parse(text)
                    manifest.headers = text
                } catch {
                    fail(headers, "headers: \(error)", hint: "headers: |\n  /*\n    X-Frame-Options: DENY")
                }
            } else {
                fail(headers, "headers must be text in the _headers format (a URL pattern, then indented Name: value lines)")
            }
        }
        if let features = root["features"] {
            for item in features.items ?? [features] {
                guard let name = item.string, ThemeManifest.knownFeatures.contains(name) else {
                    fail(
                        item,
                        "unknown feature \"\(item.string ?? item.typeDescription)\"",
                        hint: "features: " + ThemeManifest.knownFeatures.sorted().joined(separator: ", ")
                    )
                    continue
                }
                manifest.features.insert(name)
            }
        }
        for entry in root["tokens"]?.entries ?? [] {
            if let token = token(entry) { manifest.tokens.append(token) }
        }
        for entry in root["components"]?.entries ?? [] {
            manifest.components.append(component(entry))
        }
        return manifest
    }

    private mutating func token(_ entry: YAMLEntry) -> DesignToken? {
        let node = entry.value
        checkKeys(node, allowed: Self.tokenKeys, what: "token \(entry.key)")
        guard let typeNode = node["type"], let typeName = typeNode.string else {
            fail(
                node,
                "token \"\(entry.key)\" needs a \"type\" (\(DesignToken.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
            return nil
        }
        guard let kind = DesignToken.Kind(rawValue: typeName) else {
            fail(
                typeNode,
                "unknown token type \"\(typeName)\"",
                hint: Suggestion.hint(for: typeName, among: DesignToken.Kind.allCases.map(\.rawValue))
            )
            return nil
        }
        guard let defaultNode = node["default"], let value = defaultNode.string else {
            fail(node, "token \"\(entry.key)\" needs a \"default\" value")
            return nil
        }
        if let problem = TokenValue.problem(with: value, kind: kind) {
            fail(defaultNode, "default of token \"\(entry.key)\" \(problem)")
        }
        return DesignToken(name: entry.key, kind: kind, defaultValue: value, description: node["description"]?.string)
    }

    private mutating func component(_ entry: YAMLEntry) -> ComponentSchema {
        let node = entry.value
        checkKeys(node, allowed: Self.componentKeys, what: "component \(entry.key)")
        var schema = ComponentSchema(name: entry.key, description: node["description"]?.string)
        for field in node["props"]?.entries ?? [] {
            if ComponentSchema.reservedPropNames.contains(field.key) {
                diagnostics.append(
                    .error(
                        "prop name \"\(field.key)\" is reserved",
                        in: source,
                        line: field.line,
                        column: field.column,
                        hint: "rename it; templates see site, page and body_html"
                    )
                )
            }
            if let prop = prop(field.value, name: field.key) {
                schema.props.append(PropField(name: field.key, schema: prop))
            }
        }
        return schema
    }

    private mutating func prop(_ node: YAMLNode, name: String) -> PropSchema? {
        if let shorthand = node.string { return kind(shorthand, at: node).map(PropSchema.init(kind:)) }
        guard node.entries != nil else {
            fail(node, "prop \"\(name)\" must be a mapping such as { type: string }")
            return nil
        }
        checkKeys(node, allowed: Self.propKeys, what: "prop \(name)")
        guard let typeNode = node["type"], let typeName = typeNode.string, let kind = kind(typeName, at: typeNode)
        else {
            if node["type"] == nil { fail(node, "prop \"\(name)\" needs a \"type\"") }
            return nil
        }
        var schema = PropSchema(kind: kind)
        schema.required = node["required"]?.bool ?? false
        schema.maxLength = node["max_length"]?.int
        schema.pattern = node["pattern"]?.string
        schema.description = node["description"]?.string
        schema.label = node["label"]?.string
        schema.aliases = node["aliases"]?.items?.compactMap(\.string) ?? []
        if let patternNode = node["pattern"], let pattern = patternNode.string, (try? Regex(pattern)) == nil {
            fail(patternNode, "pattern of prop \"\(name)\" is not a valid regular expression")
        }
        if kind == .enum {
            schema.values = node["values"]?.items?.compactMap(\.string) ?? []
            if schema.values.isEmpty { fail(node, "enum prop \"\(name)\" needs \"values\": [a, b, …]") }
        }
        if kind == .list, let items = node["items"] {
            schema.items = prop(items, name: "\(name) items")
        }
        if kind == .object {
            for field in node["props"]?.entries ?? [] {
                if let child = prop(field.value, name: field.key) {
                    schema.fields.append(PropField(name: field.key, schema: child))
                }
            }
        }
        if let defaultNode = node["default"] {
            var validator = PropValidator(source: source)
            schema.defaultValue = validator.validateValue(defaultNode, schema: schema, path: "default of \(name)")
            diagnostics += validator.diagnostics
        }
        return schema
    }

    private mutating func kind(_ name: String, at node: YAMLNode) -> PropSchema.Kind? {
        if let kind = PropSchema.Kind(rawValue: name) { return kind }
        fail(
            node,
            "unknown prop type \"\(name)\"",
            hint: Suggestion.hint(for: name, among: PropSchema.Kind.allCases.map(\.rawValue))
                ?? "use one of: " + PropSchema.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        )
        return nil
    }

    private mutating func checkKeys(_ node: YAMLNode, allowed: Set<String>, what: String) {
        for entry in node.entries ?? [] where !allowed.contains(entry.key) {
            diagnostics.append(
                .error(
                    "unknown key \"\(entry.key)\" in \(what)",
                    in: source,
                    line: entry.line,
                    column: entry.column,
                    hint: Suggestion.hint(for: entry.key, among: allowed)
                )
            )
        }
    }

    private mutating func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(message, in: source, line: node.line, column: node.column, hint: hint))
    }
}
