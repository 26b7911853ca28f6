internal import Foundation

/// A parsed YAML value that remembers where it came from, so validation errors can point at a line and column.
///
/// Yams' own `Node` is a class tree without `Sendable`; this is a plain value copy of it.
package struct YAMLNode: Sendable, Equatable {
    /// The shape of a node.
    package enum Kind: Sendable, Equatable {
        case scalar(String, ScalarKind)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    /// How YAML resolved a scalar (plain scalars only; quoted scalars are always `.string`).
    package enum ScalarKind: Sendable, Equatable {
        case string, int, float, bool, null, timestamp
    }

    /// Scalar, sequence or mapping.
    package var kind: Kind
    /// 1-based line in the file the YAML came from (offsets already applied).
    package var line: Int
    /// 1-based column.
    package var column: Int

    /// A node at a file position.
    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The scalar's text, unless it is null or not a scalar.
    package var string: String? {
        if case .scalar(let text, let kind) = kind, kind != .null { return text }
        return nil
    }

    /// True for `~`, `null` and an empty value.
    package var isNull: Bool {
        if case .scalar(_, .null) = kind { return true }
        return false
    }

    /// `true`/`false` (and YAML 1.1 `yes`/`no`/`on`/`off`), else nil.
    package var bool: Bool? {
        guard case .scalar(let text, let kind) = kind, kind == .bool || kind == .string else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The scalar as a whole number, else nil.
    package var int: Int? { string.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// The scalar as a number, else nil.
    package var double: Double? {
        guard case .scalar(let text, let kind) = kind, kind == .int || kind == .float || kind == .string else {
            return nil
        }
        return Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: ""))
    }

    /// The pairs of a mapping, in order; nil for other nodes.
    package var entries: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The elements of a sequence; nil for other nodes.
    package var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    package subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry (key position included) under `key` in a mapping.
    package func entry(_ key: String) -> YAMLEntry? {
        entries?.first { $0.key == key }
    }

    /// A short name of the node's type for messages: "a string", "a list", "a mapping".
    package var typeDescription: String {
        switch kind {
        case .scalar(_, .null): "nothing"
        case .scalar(_, .bool): "a boolean"
        case .scalar(_, .int), .scalar(_, .float): "a number"
        case .scalar: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One `key: value` pair of a YAML mapping, with the key's position.
package struct YAMLEntry: Sendable, Equatable {
    /// The key text.
    package var key: String
    /// 1-based line of the key.
    package var line: Int
    /// 1-based column of the key.
    package var column: Int
    /// The value.
    package var value: YAMLNode

    /// An entry.
    package init(key: String, line: Int, column: Int, value: YAMLNode) {
        self.key = key
        self.line = line
        self.column = column
        self.value = value
    }
}
