import SiteCompiler
import Yams

/// Writes a new value into one slot, touching only that value's lines.
enum SlotEditor {
    static func write(_ value: String, to slot: EditSlot, in workspace: inout Workspace) throws {
        let step = "\(slot.location): \(value)"
        switch slot.location {
        case .site(let key, nil):
            try workspace.editSiteYAML(step: step) { $0.set(key, to: value) }
        case .site(let key, let child?):
            try workspace.editSiteYAML(step: step) { editor in
                guard let entry = editor.topLevel.entry(key, in: editor.lines) else { return }
                if entry.inlineValue.hasPrefix("{") {
                    var pairs = try SiteYAMLEditor.scalarPairs(ofFlowMapping: entry.inlineValue)
                    if let index = pairs.firstIndex(where: { $0.0 == child }) { pairs[index].1 = value } else { pairs.append((child, value)) }
                    let flow = YAMLValue.map(pairs.map { ($0.0, .string($0.1)) }).flowText
                    editor.topLevel.set(key, to: [key + ": " + flow], in: &editor.lines)
                } else if let children = editor.topLevel.children(of: entry, in: editor.lines) {
                    children.set(child, value: .string(value), in: &editor.lines)
                }
            }
        case .nav(let index, let field):
            try workspace.editSiteYAML(step: step) { try $0.setNavField(field, to: value, at: index) }
        case .token(let name):
            try workspace.editSiteYAML(step: step) { try $0.setToken(name, to: value) }
        case .frontMatter(let path, let key):
            try workspace.editFrontMatter(path, step: step) { editor in
                // A date stays a YAML date (unquoted), as the compiler and people write it.
                if slot.kind == .date, value.contains(/^\d{4}-\d{2}-\d{2}$/), let range = editor.range {
                    YAMLBlockMapping(range: range, indent: 0).set(key, to: ["\(key): \(value)"], in: &editor.lines)
                } else {
                    editor.set(key, value: .string(value))
                }
            }
        case .prop(let path, let block, let key):
            try workspace.editComponents(path, step: step) { editor in
                let blocks = editor.blocks
                guard blocks.indices.contains(block) else { return }
                editor.setProp(key, value: .string(value), in: blocks[block])
            }
        case .itemProp(let path, let block, let list, let item, let key):
            try workspace.editComponents(path, step: step) { editor in
                guard let located = itemList(editor, block: block, list: list), located.items.indices.contains(item) else { return }
                located.set(key, value: .string(value), item: item, in: &editor.lines)
            }
        case .heading(let path, let line):
            var lines = TextLines(try workspace.text(path))
            guard let marks = lines[line].firstMatch(of: /^#{1,6}\s+/) else { return }
            lines[line] = String(marks.output) + value
            workspace.write(path, lines.text, step: step)
        }
    }

    /// The list prop `list` of the `block`-th component block of a page, located line by line.
    static func itemList(_ editor: ComponentBlockEditor, block: Int, list: String) -> YAMLBlockList? {
        let blocks = editor.blocks
        guard blocks.indices.contains(block) else { return nil }
        let mapping = YAMLBlockMapping(range: blocks[block].props, indent: 0)
        guard let entry = mapping.entry(list, in: editor.lines) else { return nil }
        return YAMLBlockList(entry: entry, in: editor.lines)
    }
}
