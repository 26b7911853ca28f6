import SiteCompiler

/// The source tree one request edits, with a record of each step (streamed as progress) and of the
/// warnings to show before promoting.
struct Workspace {
    var files: SiteFiles
    /// Human-readable progress lines, one per edit.
    var steps: [String] = []
    var warnings: [String] = []

    init(files: SiteFiles) {
        self.files = files
    }

    func text(_ path: String) throws -> String {
        guard let text = files.text(path) else {
            throw AgentError(code: "missing_file", message: "\(path) is missing or is not UTF-8 text.")
        }
        return text
    }

    /// Writes `text` to `path` and records `step`; writing identical text records nothing.
    mutating func write(_ path: String, _ text: String, step: String) {
        guard files.text(path) != text else { return }
        steps.append((files[path] == nil ? "Created " : "Edited ") + path + ": " + step)
        files.setText(path, text)
    }

    mutating func remove(_ path: String, step: String) {
        guard files[path] != nil else { return }
        files[path] = nil
        steps.append("Deleted \(path): \(step)")
    }

    /// Edits `site.yaml` in place.
    mutating func editSiteYAML(step: String, _ edit: (inout SiteYAMLEditor) throws -> Void) throws {
        var editor = SiteYAMLEditor(try text("site.yaml"))
        try edit(&editor)
        write("site.yaml", editor.text, step: step)
    }

    /// Edits a page's front matter in place.
    mutating func editFrontMatter(_ path: String, step: String, _ edit: (inout FrontMatterEditor) throws -> Void) throws {
        var editor = FrontMatterEditor(try text(path))
        try edit(&editor)
        write(path, editor.text, step: step)
    }

    /// Edits a page's component blocks in place.
    mutating func editComponents(_ path: String, step: String, _ edit: (inout ComponentBlockEditor) throws -> Void) throws {
        var editor = ComponentBlockEditor(try text(path))
        try edit(&editor)
        write(path, editor.text, step: step)
    }
}
