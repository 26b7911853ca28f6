internal import CYaml
package import Yams

/// A YAML document was larger, deeper or expanded further (through aliases) than a site's YAML may.
package struct YAMLLimitExceeded: Error, Sendable, CustomStringConvertible {
    /// What was exceeded, safe to show.
    package var message: String
    /// 1-based position in the YAML text where the limit was crossed.
    package var line: Int
    package var column: Int

    package var description: String { "\(line):\(column): \(message)" }
}

/// Bounds on YAML from untrusted sources (site.yaml, front matter, component props, agent edits), checked in one
/// linear pass over libyaml's events before Yams builds anything.
///
/// Yams shares an anchored node between its aliases, so composing is cheap, but everything that walks the tree
/// afterwards (conversion, decoding, hashing alias keys, merge keys) pays for the expanded size: a 1 KB "billion
/// laughs" document is 10⁹ nodes. The pass computes the expanded size of every anchor as it goes (an alias costs
/// its anchor's size) and stops at the first limit crossed, naming the line and column.
package enum YAMLBudget {
    /// Bytes of one YAML document.
    package static let maxBytes = 1 << 20
    /// Nodes after expanding every alias.
    package static let maxNodes = 100_000
    /// Nesting of sequences and mappings.
    package static let maxDepth = 100

    /// Throws when `text` is over a limit; syntax errors are left to the parser that follows.
    package static func check(_ text: String) throws(YAMLLimitExceeded) {
        let bytes = Array(text.utf8)
        if bytes.count > maxBytes {
            throw YAMLLimitExceeded(
                message: "the YAML is \(bytes.count) bytes; at most \(maxBytes) are allowed", line: 1, column: 1)
        }
        if let exceeded = scan(bytes) { throw exceeded }
    }

    /// `Yams.compose` after ``check(_:)``.
    package static func compose(_ text: String) throws -> Node? {
        try check(text)
        return try Yams.compose(yaml: text)
    }

    /// `Yams.load` after ``check(_:)``.
    package static func load(_ text: String) throws -> Any? {
        try check(text)
        return try Yams.load(yaml: text)
    }

    private struct Frame {
        var anchor: String?
        var startCount: Int
    }

    private static func scan(_ input: [UInt8]) -> YAMLLimitExceeded? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = input
        return bytes.withUnsafeMutableBufferPointer { buffer -> YAMLLimitExceeded? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Int] = [:]
            var stack: [Frame] = []
            var nodes = 0
            while true {
                var event = yaml_event_t()
                // A syntax error: Yams reports it with its position.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                switch event.type {
                case YAML_SCALAR_EVENT:
                    nodes += 1
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    nodes += 1
                    let anchor =
                        event.type == YAML_SEQUENCE_START_EVENT
                        ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                    stack.append(Frame(anchor: anchor, startCount: nodes))
                    if stack.count > maxDepth {
                        return YAMLLimitExceeded(
                            message: "the YAML nests more than \(maxDepth) levels deep", line: line, column: column)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let frame = stack.popLast(), let anchor = frame.anchor {
                        anchors[anchor] = nodes - frame.startCount + 1
                    }
                case YAML_ALIAS_EVENT:
                    nodes += name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
                if nodes > maxNodes {
                    return YAMLLimitExceeded(
                        message: "the YAML expands to more than \(maxNodes) values (aliases repeat what they name)",
                        line: line, column: column)
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
