import SiteCompiler
import Yams

/// Finds, edits, adds and removes `:::component` blocks in a page, touching only the lines involved.
struct ComponentBlockEditor {
    /// Where a new block goes.
    enum Position {
        /// Right after the front matter, before the rest of the body.
        case top
        /// At the end of the body.
        case bottom
    }

    /// The whole page file.
    var lines: TextLines

    init(_ text: String) {
        lines = TextLines(text)
    }

    var text: String { lines.text }

    /// Every block outside fenced code, in order.
    var blocks: [ComponentBlockSpan] {
        var result: [ComponentBlockSpan] = []
        var fence: String?
        var open: (name: String, start: Int, propsEnd: Int?)?
        for index in FrontMatterEditor(text).bodyStart..<lines.count {
            let line = lines[index].trimmingWhitespace
            if open == nil, line.hasPrefix("```") || line.hasPrefix("~~~") {
                let marker = String(line.prefix(3))
                fence = fence == nil ? marker : (fence == marker ? nil : fence)
                continue
            }
            if fence != nil { continue }
            if let current = open {
                if line == ":::" {
                    let propsEnd = current.propsEnd ?? index
                    result.append(ComponentBlockSpan(name: current.name, lines: current.start..<index + 1, props: current.start + 1..<propsEnd))
                    open = nil
                } else if line == "---", current.propsEnd == nil {
                    open?.propsEnd = index
                }
            } else if line.hasPrefix(":::component") {
                let name = line.dropFirst(":::component".count).trimmingWhitespace
                if !name.isEmpty { open = (name, index, nil) }
            }
        }
        return result
    }

    /// The blocks named `name` (case-insensitive).
    func blocks(named name: String) -> [ComponentBlockSpan] {
        blocks.filter { $0.name.lowercased() == name.lowercased() }
    }

    /// The props of a block as a composed YAML node (ordered).
    func props(of block: ComponentBlockSpan) -> Node? {
        try? YAMLBudget.compose(lines.lines[block.props].joined(separator: "\n"))
    }

    /// The props of a block as plain values (`String`, `Bool`, `Int`, arrays, dictionaries).
    func propValues(of block: ComponentBlockSpan) -> [String: Any] {
        let yaml = lines.lines[block.props].joined(separator: "\n")
        return ((try? YAMLBudget.load(yaml)) as? [String: Any]) ?? [:]
    }

    /// Sets one prop of `block`, replacing only that prop's lines.
    mutating func setProp(_ key: String, value: YAMLValue, in block: ComponentBlockSpan) {
        YAMLBlockMapping(range: block.props, indent: 0).set(key, value: value, in: &lines)
    }

    /// Removes `block` and one blank line next to it, so paragraphs stay separated by exactly one.
    mutating func remove(_ block: ComponentBlockSpan) {
        var range = block.lines
        if range.upperBound < lines.count, lines[range.upperBound].trimmingWhitespace.isEmpty,
           range.upperBound + 1 < lines.count {
            range = range.lowerBound..<range.upperBound + 1
        } else if range.lowerBound > 0, lines[range.lowerBound - 1].trimmingWhitespace.isEmpty {
            range = range.lowerBound - 1..<range.upperBound
        }
        lines.replace(range, with: [])
    }

    /// Inserts a new block with `props` (and an optional Markdown body) at `position`.
    mutating func insert(_ name: String, props: YAMLValue, body: String? = nil, at position: Position) {
        var block = [":::component \(name)"] + props.blockLines(indent: 0)
        if let body { block += ["---"] + TextLines(body).lines }
        block.append(":::")
        switch position {
        case .top:
            let start = FrontMatterEditor(text).bodyStart
            var index = start
            while index < lines.count, lines[index].trimmingWhitespace.isEmpty { index += 1 }
            let leading = start > 0 ? [""] : []
            lines.replace(start..<index, with: leading + block + [""])
        case .bottom:
            let end = lines.contentEnd
            let hasContent = end > FrontMatterEditor(text).bodyStart
            lines.replace(end..<lines.count, with: (hasContent ? [""] : []) + block + [""])
        }
    }
}
