package import Foundation

/// The themes a compiler can use: folders searched in order, each holding `<name>/theme.yaml`.
package struct ThemeLibrary: Sendable {
    /// Folders searched, in order.
    package var directories: [URL]

    /// `directories` are searched in order; the first folder holding a theme of a given name wins.
    package init(directories: [URL]) {
        self.directories = directories
    }

    /// Where the built-in themes are: `$SITECTL_THEMES_DIR`; else `<executable dir>/../share/sitectl/themes`;
    /// else the nearest `themes/` folder holding `starter/theme.yaml`, walking up from the executable's folder
    /// and then from the current directory (a development checkout).
    package static func locateBuiltin() -> URL? {
        let fm = FileManager.default
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["SITECTL_THEMES_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let executable =
            Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        let executableDirectory = executable.deletingLastPathComponent()
        let installed = executableDirectory.appendingPathComponent("../share/sitectl/themes").standardizedFileURL
        if fm.fileExists(atPath: installed.appendingPathComponent("starter/theme.yaml").path) {
            return installed
        }
        let current = URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
        for start in [executableDirectory, current] {
            if let found = findThemes(walkingUpFrom: start) { return found }
        }
        return nil
    }

    /// The nearest `themes/` folder holding `starter/theme.yaml` at or above `start`.
    package static func findThemes(walkingUpFrom start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("themes", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("starter/theme.yaml").path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// Names of every available theme, sorted, without duplicates.
    package func names() -> [String] {
        var names: Set<String> = []
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for entry in entries where !entry.hasPrefix(".") {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(entry)/theme.yaml").path)
                {
                    names.insert(entry)
                }
            }
        }
        return names.sorted()
    }

    /// The folder of theme `name`, if any directory has it.
    package func directory(of name: String) -> URL? {
        guard Self.isValidName(name) else { return nil }
        return directories.lazy.map { $0.appendingPathComponent(name, isDirectory: true) }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("theme.yaml").path)
        }
    }

    /// Loads and checks theme `name`. Throws a ``CompileFailure`` when it is missing (with a suggestion) or broken.
    package func load(_ name: String) throws -> Theme {
        guard let directory = directory(of: name) else {
            let available = names()
            throw CompileFailure(diagnostics: [
                Diagnostic(
                    severity: .error,
                    message: "unknown theme \"\(name)\"",
                    hint: Suggestion.hint(for: name, among: available)
                        ?? (available.isEmpty
                            ? "no themes found; set SITECTL_THEMES_DIR"
                            : "available: " + available.joined(separator: ", "))
                )
            ])
        }
        let files = try SiteFiles.load(from: directory).withoutHiddenFiles()
        return try Theme(files: files, displayPrefix: "themes/\(name)/")
    }

    /// The theme's `starter/` tree as a new site's source, with `name:` in site.yaml set to `siteName`.
    package func starterSource(theme: String, siteName: String) throws -> SiteFiles {
        var starter = try load(theme).starter
        let siteYAML = starter.text("site.yaml") ?? "title: \(YAMLText.quoted(siteName))\n"
        starter.setText("site.yaml", YAMLText.settingTopLevel("name", to: siteName, in: siteYAML))
        return starter
    }

    /// Theme names are single folder names: no separators, no leading dot.
    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }
}

extension SiteFiles {
    /// The same tree without hidden files or folders (`.DS_Store`, `.git/…`).
    package func withoutHiddenFiles() -> SiteFiles {
        // A path is hidden when it, or a folder in it, starts with "." (a byte check; most trees have none).
        func isHidden(_ path: String) -> Bool {
            var atStart = true
            for byte in path.utf8 {
                if atStart, byte == UInt8(ascii: ".") { return true }
                atStart = byte == UInt8(ascii: "/")
            }
            return false
        }
        guard files.keys.contains(where: isHidden) else { return self }
        return SiteFiles(files.filter { !isHidden($0.key) })
    }
}
