import Foundation
import SiteCompiler

extension ToolWorkspace {
    /// site.yaml keys that `set_site_field` may set (lists and maps have their own tools).
    static let siteFields: Set<String> = [
        "name", "title", "tagline", "description", "author", "lang", "theme", "base_url", "footer", "copyright", "logo",
    ]

    mutating func setSiteField(_ key: String, _ value: String) throws -> String {
        guard Self.siteFields.contains(key) else {
            throw ToolFailure("'\(key)' is not a scalar site setting; use one of \(Self.siteFields.sorted().joined(separator: ", ")).")
        }
        try editSiteYAML { $0.set(key, to: value) }
        record("Set \(key) in site.yaml")
        return "Set \(key): \(value)."
    }

    mutating func setToken(_ name: String, _ value: String) throws -> String {
        try editSiteYAML { try $0.setToken(name, to: value) }
        record("Set token \(name) in site.yaml")
        return "Set token \(name): \(value)."
    }

    mutating func navAdd(label: String, url: String, position: Int?) throws -> String {
        let existing = try (files.text("site.yaml").map { try SiteYAMLEditor($0).navLines() } ?? [])
        if let item = existing.first(where: { $0.label.lowercased() == label.lowercased() || $0.url == url }) {
            throw ToolFailure("The menu already has \(item.label) → \(item.url); nothing was added.")
        }
        try editSiteYAML { try $0.insertNavItem(label: label, url: url, at: position.map { max(0, $0) }) }
        record("Added \(label) to the menu")
        return "Added menu item \(label) → \(url)."
    }

    mutating func navRemove(label: String) throws -> String {
        try editSiteYAML { editor in try editor.removeNavItem(at: try Self.navIndex(label, in: editor)) }
        record("Removed \(label) from the menu")
        return "Removed menu item \(label)."
    }

    mutating func navMove(label: String, to position: Int) throws -> String {
        try editSiteYAML { editor in try editor.moveNavItem(from: try Self.navIndex(label, in: editor), to: max(0, position)) }
        record("Moved \(label) in the menu")
        return "Moved menu item \(label) to position \(position)."
    }

    mutating func setFrontMatter(_ path: String, key: String, value: String) throws -> String {
        guard path.hasPrefix("content/"), path.hasSuffix(".md"), Self.problem(withPath: path) == nil else {
            throw ToolFailure("'\(path)' is not a Markdown file under content/.")
        }
        guard let text = files.text(path) else { throw ToolFailure("There is no file '\(path)'.") }
        var editor = FrontMatterEditor(text)
        editor.set(key, value: Self.frontMatterValue(key: key, value))
        try charge(value.utf8.count)
        files.setText(path, editor.text)
        record("Set \(key) in \(path)")
        return "Set \(key): \(value) in \(path)."
    }

    private mutating func editSiteYAML(_ edit: (inout SiteYAMLEditor) throws -> Void) throws {
        guard let text = files.text("site.yaml") else { throw ToolFailure("The site has no site.yaml.") }
        var editor = SiteYAMLEditor(text)
        do {
            try edit(&editor)
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("site.yaml could not be edited: \(error)")
        }
        try charge(max(0, editor.text.utf8.count - text.utf8.count))
        files.setText("site.yaml", editor.text)
    }

    private static func navIndex(_ label: String, in editor: SiteYAMLEditor) throws -> Int {
        let items = try editor.navLines()
        let wanted = label.lowercased()
        if let index = items.firstIndex(where: { $0.label.lowercased() == wanted }) { return index }
        let labels = items.map(\.label).joined(separator: ", ")
        throw ToolFailure("The menu has no item labelled '\(label)'; it has: \(labels).")
    }

    /// Booleans and integers stay typed for the keys that are typed in front matter.
    private static func frontMatterValue(key: String, _ value: String) -> YAMLValue {
        if key == "draft", let flag = Bool(value.lowercased()) { return .bool(flag) }
        if key == "weight", let number = Int(value) { return .int(number) }
        return .string(value)
    }
}
