internal import Foundation

/// A validated prop value, ready to render.
package indirect enum PropValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([PropValue])
    case object([String: PropValue])

    /// The value as Mustache sees it: strings, numbers as text (`12`, `9.5`), booleans, arrays, dictionaries.
    /// Objects also get `has_<name>: true` for each non-empty list field, so a template can wrap a list in
    /// `<ul>` only when it has items.
    package var mustacheValue: Any {
        switch self {
        case .string(let text): return text
        case .number(let number): return Self.format(number)
        case .bool(let flag): return flag
        case .list(let items): return items.map(\.mustacheValue)
        case .object(let fields): return Self.mustacheFields(fields)
        }
    }

    /// Fields as Mustache sees them, with the `has_<name>` flags (see ``mustacheValue``).
    package static func mustacheFields(_ fields: [String: PropValue]) -> [String: Any] {
        var result = fields.mapValues(\.mustacheValue)
        for (name, value) in fields {
            if case .list(let items) = value, !items.isEmpty, fields["has_" + name] == nil {
                result["has_" + name] = true
            }
        }
        return result
    }

    /// `12` for whole numbers, otherwise the shortest exact decimal (`9.99`).
    package static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
