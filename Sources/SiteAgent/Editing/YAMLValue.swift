/// An ordered YAML value the agent writes (component props, new front matter, new nav items).
///
/// Keys keep the order they are given in, so generated files read the way a person would write them.
indirect enum YAMLValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([YAMLValue])
    case map([(String, YAMLValue)])

    /// Block-style lines for `key: value` at `indent` spaces.
    static func entryLines(key: String, value: YAMLValue, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .string, .bool, .int:
            return [pad + key + ": " + value.scalarText]
        case .list(let items) where items.isEmpty:
            return [pad + key + ": []"]
        case .map(let pairs) where pairs.isEmpty:
            return [pad + key + ": {}"]
        case .list, .map:
            return [pad + key + ":"] + value.blockLines(indent: indent + 2)
        }
    }

    /// Block-style lines for a mapping's entries or a list's items at `indent` spaces.
    func blockLines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .string, .bool, .int:
            return [pad + scalarText]
        case .map(let pairs):
            return pairs.flatMap { YAMLValue.entryLines(key: $0.0, value: $0.1, indent: indent) }
        case .list(let items):
            return items.flatMap { item -> [String] in
                switch item {
                case .string, .bool, .int:
                    return [pad + "- " + item.scalarText]
                case .list, .map:
                    // The first line's indentation becomes the "- " marker.
                    var lines = item.blockLines(indent: indent + 2)
                    guard !lines.isEmpty else { return [pad + "- {}"] }
                    lines[0] = pad + "- " + lines[0].dropFirst(indent + 2)
                    return lines
                }
            }
        }
    }

    /// Flow style on one line: `{ label: Home, url: / }`.
    var flowText: String {
        switch self {
        case .string(let text): YAMLScalar.renderInFlow(text)
        case .bool, .int: scalarText
        case .list(let items): "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .map(let pairs): "{ " + pairs.map { "\($0.0): \($0.1.flowText)" }.joined(separator: ", ") + " }"
        }
    }

    private var scalarText: String {
        switch self {
        case .string(let text): YAMLScalar.render(text)
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .list, .map: flowText
        }
    }
}
