import SiteCompiler
import Yams

extension SiteYAMLEditor {
    /// The `nav:` items in order.
    func navLines() throws -> [NavLine] {
        guard let entry = topLevel.entry("nav", in: lines) else { return [] }
        if !entry.inlineValue.isEmpty {
            return try Self.flowNavItems(entry.inlineValue).map {
                NavLine(pairs: $0, lines: entry.lines, isFlow: true, dashIndent: 2)
            }
        }
        var result: [NavLine] = []
        var dashIndent: Int?
        for index in entry.lines.dropFirst() {
            let line = lines[index]
            let indent = TextLines.indentation(of: line)
            let isItemStart = line.dropFirst(indent).hasPrefix("- ") || line.dropFirst(indent) == "-"
            if isItemStart, dashIndent == nil || indent == dashIndent {
                dashIndent = indent
                if var last = result.popLast() {
                    last.lines = last.lines.lowerBound..<index
                    result.append(last)
                }
                result.append(NavLine(pairs: [], lines: index..<index + 1, isFlow: false, dashIndent: indent))
            }
        }
        if var last = result.popLast() {
            last.lines = last.lines.lowerBound..<entry.lines.upperBound
            result.append(last)
        }
        for index in result.indices {
            let chunk = result[index].lines.map { String(lines[$0].dropFirst(result[index].dashIndent)) }
            result[index].pairs = try Self.itemPairs(chunk.joined(separator: "\n"))
            let body = chunk[0].dropFirst(2).trimmingWhitespace
            result[index].isFlow = body.hasPrefix("{")
        }
        return result
    }

    /// Adds an item at `position` (the end when nil), in the style of the existing items.
    mutating func insertNavItem(label: String, url: String, at position: Int? = nil) throws {
        var chunks = try navChunks()
        let style = chunks.first
        let item = Self.renderItem([("label", label), ("url", url)], flow: style?.isFlow ?? true, dashIndent: style?.dashIndent ?? 2)
        chunks.items.insert(item, at: min(position ?? chunks.items.count, chunks.items.count))
        try writeNav(chunks)
    }

    /// Removes the item at `index`.
    mutating func removeNavItem(at index: Int) throws {
        var chunks = try navChunks()
        chunks.items.remove(at: index)
        try writeNav(chunks)
    }

    /// Moves the item at `source` so that it ends up at index `destination` of the new order.
    mutating func moveNavItem(from source: Int, to destination: Int) throws {
        var chunks = try navChunks()
        let item = chunks.items.remove(at: source)
        chunks.items.insert(item, at: min(destination, chunks.items.count))
        try writeNav(chunks)
    }

    /// Sets one field (`label`, `url`) of the item at `index`, leaving its other fields and lines alone.
    mutating func setNavField(_ key: String, to value: String, at index: Int) throws {
        var chunks = try navChunks()
        let nav = try navLines()[index]
        if nav.isFlow || chunks.isFlowEntry {
            var pairs = nav.pairs
            if let field = pairs.firstIndex(where: { $0.0 == key }) { pairs[field].1 = value } else { pairs.append((key, value)) }
            chunks.items[index] = Self.renderItem(pairs, flow: true, dashIndent: nav.dashIndent)
        } else {
            // Edit the block item as a mapping whose first line carries the "- " marker.
            var item = TextLines(chunks.items[index].joined(separator: "\n"))
            let marker = String(repeating: " ", count: nav.dashIndent) + "- "
            item[0] = String(repeating: " ", count: nav.dashIndent + 2) + item[0].dropFirst(marker.count)
            YAMLBlockMapping(range: 0..<item.count, indent: nav.dashIndent + 2).set(key, value: .string(value), in: &item)
            item[0] = marker + item[0].dropFirst(nav.dashIndent + 2)
            chunks.items[index] = item.lines
        }
        try writeNav(chunks)
    }

    // MARK: - Chunks

    private struct NavChunks {
        var items: [[String]]
        var isFlowEntry: Bool
        var first: (isFlow: Bool, dashIndent: Int)?
    }

    private func navChunks() throws -> NavChunks {
        let navs = try navLines()
        let entry = topLevel.entry("nav", in: lines)
        let isFlowEntry = !(entry?.inlineValue.isEmpty ?? true)
        if isFlowEntry {
            let items = navs.map { Self.renderItem($0.pairs, flow: true, dashIndent: 2) }
            return NavChunks(items: items, isFlowEntry: true, first: (true, 2))
        }
        let items = navs.map { nav in nav.lines.map { lines[$0] } }
        return NavChunks(items: items, isFlowEntry: false, first: navs.first.map { ($0.isFlow, $0.dashIndent) })
    }

    private mutating func writeNav(_ chunks: NavChunks) throws {
        // Blank or comment lines between items travel with the item above; a moved last item leaves them.
        var body = chunks.items.flatMap { $0 }
        while let last = body.last, TextLines.isBlankOrComment(last) { body.removeLast() }
        guard let entry = topLevel.entry("nav", in: lines) else {
            topLevel.set("nav", to: body.isEmpty ? ["nav: []"] : ["nav:"] + body, in: &lines)
            return
        }
        let keyLine = chunks.isFlowEntry ? "nav:" : lines[entry.lines.lowerBound]
        lines.replace(entry.lines, with: body.isEmpty ? ["nav: []"] : [keyLine] + body)
    }

    static func renderItem(_ pairs: [(String, String)], flow: Bool, dashIndent: Int) -> [String] {
        let value = YAMLValue.map(pairs.map { ($0.0, .string($0.1)) })
        if flow {
            return [String(repeating: " ", count: dashIndent) + "- " + value.flowText]
        }
        return YAMLValue.list([value]).blockLines(indent: dashIndent)
    }

    private static func itemPairs(_ yaml: String) throws -> [(String, String)] {
        guard let node = try YAMLBudget.compose(yaml), let mapping = node.sequence?.first?.mapping else { return [] }
        return mapping.map { ($0.key.string ?? "", $0.value.string ?? "") }
    }

    private static func flowNavItems(_ text: String) throws -> [[(String, String)]] {
        guard let node = try YAMLBudget.compose("k: " + text), let items = node["k"]?.sequence else { return [] }
        return items.map { item in item.mapping.map { $0.map { ($0.key.string ?? "", $0.value.string ?? "") } } ?? [] }
    }
}
