internal import Foundation
internal import Yams

extension YAMLNode {
    /// Parses one YAML document. `lineOffset` is the number of file lines before the YAML text, so positions are
    /// file positions. Returns nil for an empty document; throws a ``CompileFailure`` on a syntax error.
    /// `simple: false` always uses Yams (tests compare the two).
    package static func parse(
        _ yaml: String,
        source: SourceText,
        lineOffset: Int = 0,
        simple: Bool = true
    ) throws(CompileFailure) -> YAMLNode? {
        do {
            // The size limit holds on both paths; the rest of the budget matters only where aliases can expand.
            if yaml.utf8.count > YAMLBudget.maxBytes { try YAMLBudget.check(yaml) }
            if simple, let parsed = SimpleYAML.parse(yaml, lineOffset: lineOffset) { return parsed }
            try YAMLBudget.check(yaml)
        } catch {
            throw CompileFailure(diagnostics: [
                .error(
                    "YAML over a limit: \(error.message)", in: source, line: error.line + lineOffset, column: error.column,
                    hint: "write the values out instead of repeating them through aliases, and keep YAML small and flat")
            ])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw CompileFailure(diagnostics: [diagnostic(for: error, source: source, lineOffset: lineOffset)])
        }
        return node.map { YAMLNode(converting: $0, lineOffset: lineOffset) }
    }

    private init(converting node: Node, lineOffset: Int) {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            self.init(.scalar(scalar.string, Self.kind(of: scalar)), line: line, column: column)
        case .sequence(let sequence):
            self.init(
                .sequence(sequence.map { YAMLNode(converting: $0, lineOffset: lineOffset) }),
                line: line,
                column: column
            )
        case .mapping(let mapping):
            let entries = mapping.map { pair in
                YAMLEntry(
                    key: pair.key.scalar?.string ?? "",
                    line: (pair.key.mark?.line ?? 1) + lineOffset,
                    column: pair.key.mark?.column ?? 1,
                    value: YAMLNode(converting: pair.value, lineOffset: lineOffset)
                )
            }
            self.init(.mapping(entries), line: line, column: column)
        case .alias:
            self.init(.scalar("", .null), line: line, column: column)
        }
    }

    private static func kind(of scalar: Node.Scalar) -> ScalarKind {
        guard scalar.style == .plain || scalar.style == .any else { return .string }
        switch scalar.tag.rawValue {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:timestamp": return .timestamp
        default: return .string
        }
    }

    private static func diagnostic(for error: any Error, source: SourceText, lineOffset: Int) -> Diagnostic {
        let (problem, mark): (String, Mark?) =
            switch error {
            case YamlError.scanner(let context, let problem, let mark, _),
                YamlError.parser(let context, let problem, let mark, _),
                YamlError.composer(let context, let problem, let mark, _):
                ([context?.text, problem].compactMap { $0 }.joined(separator: ": "), mark)
            case YamlError.duplicatedKeysInMapping(let duplicates, let context):
                ("duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))", context.mark)
            case YamlError.reader(let problem, _, _, _):
                (problem, nil)
            default:
                (String(describing: error), nil)
            }
        return .error(
            "invalid YAML: \(problem)",
            in: source,
            line: mark.map { $0.line + lineOffset },
            column: mark?.column,
            hint: "check indentation, and quote values that contain \": \" or start with a special character"
        )
    }
}
