/// The items of a YAML block list (`- …` lines) under one mapping entry, located line by line so one item can
/// be edited, added, removed or moved while every other line stays byte-identical.
///
/// Used for list props of component blocks: feature cards, pricing tiers, FAQ entries, testimonials, images.
struct YAMLBlockList {
    /// The lines of each item, in order, without trailing blank lines.
    var items: [Range<Int>]
    /// Indentation of the `-` markers.
    var indent: Int
    /// The lines after the key line that the list may occupy.
    var span: Range<Int>

    /// The list nested under `entry` (whose key line holds no inline value); nil for a flow list or a scalar.
    init?(entry: YAMLBlockMapping.Entry, in text: TextLines) {
        guard entry.inlineValue.isEmpty || entry.inlineValue.hasPrefix("#") else { return nil }
        let nested = entry.lines.lowerBound + 1..<entry.lines.upperBound
        guard let first = nested.first(where: { !TextLines.isBlankOrComment(text[$0]) }),
              Self.isMarker(text[first], at: TextLines.indentation(of: text[first]))
        else { return nil }
        let indent = TextLines.indentation(of: text[first])
        var starts: [Int] = []
        for index in nested where Self.isMarker(text[index], at: indent) { starts.append(index) }
        var items: [Range<Int>] = []
        for (position, start) in starts.enumerated() {
            var end = position + 1 < starts.count ? starts[position + 1] : nested.upperBound
            while end > start + 1, TextLines.isBlankOrComment(text[end - 1]) { end -= 1 }
            items.append(start..<end)
        }
        self.items = items
        self.indent = indent
        self.span = nested
    }

    static func isMarker(_ line: String, at indent: Int) -> Bool {
        guard TextLines.indentation(of: line) == indent else { return false }
        let body = line.dropFirst(indent)
        return body == "-" || body.hasPrefix("- ")
    }

    /// The item's lines as a mapping at `indent + 2` (the marker turned into spaces), for ``YAMLBlockMapping``.
    func mappingLines(of item: Int, in text: TextLines) -> TextLines {
        var lines = TextLines("")
        lines.lines = Array(text.lines[items[item]])
        lines[0] = String(repeating: " ", count: indent + 2) + lines[0].dropFirst(indent + 2)
        return lines
    }

    /// Sets `key` of the mapping item `item` to `value`, replacing only that key's lines.
    func set(_ key: String, value: YAMLValue, item: Int, in text: inout TextLines) {
        var lines = mappingLines(of: item, in: text)
        let mapping = YAMLBlockMapping(range: 0..<lines.count, indent: indent + 2)
        mapping.set(key, value: value, in: &lines)
        lines[0] = String(repeating: " ", count: indent) + "- " + lines[0].dropFirst(indent + 2)
        text.replace(items[item], with: lines.lines)
    }

    /// Replaces a scalar item (`- text`) with `value`.
    func setScalar(_ value: String, item: Int, in text: inout TextLines) {
        text.replace(items[item], with: [String(repeating: " ", count: indent) + "- " + YAMLScalar.render(value)])
    }

    /// Inserts `value` as a new item before item `position` (or after the last item when `position` is the count).
    func insert(_ value: YAMLValue, at position: Int, in text: inout TextLines) {
        let lines = YAMLValue.list([value]).blockLines(indent: indent)
        let at = position < items.count ? items[position].lowerBound : (items.last?.upperBound ?? span.lowerBound)
        text.insert(lines, at: at)
    }

    /// Removes item `item`.
    func remove(_ item: Int, in text: inout TextLines) {
        text.replace(items[item], with: [])
    }

    /// Moves item `item` so it ends up at index `position` among the items.
    func move(_ item: Int, to position: Int, in text: inout TextLines) {
        guard item != position, items.indices.contains(item), items.indices.contains(position) else { return }
        let moving = Array(text.lines[items[item]])
        var blocks = items.map { Array(text.lines[$0]) }
        blocks.remove(at: item)
        blocks.insert(moving, at: position)
        guard let first = items.first, let last = items.last else { return }
        // Blank lines between items stay where they were (kept with the item before them).
        var rebuilt: [String] = []
        for (index, block) in blocks.enumerated() {
            rebuilt += block
            if index + 1 < items.count {
                rebuilt += text.lines[items[index].upperBound..<items[index + 1].lowerBound]
            }
        }
        text.replace(first.lowerBound..<last.upperBound, with: rebuilt)
    }
}
