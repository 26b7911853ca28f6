/// A loaded, checked theme: manifest, compiled templates, assets and starter content.
package struct Theme: Sendable {
    /// The parsed theme.yaml.
    package var manifest: ThemeManifest
    /// Compiled layouts, partials and components.
    package var templates: ThemeTemplates
    /// Files under `assets/`, keyed relative to it (`style.css`); published under `/assets/`.
    package var assets: SiteFiles
    /// Files under `starter/`, keyed relative to it: the seed source for new sites.
    package var starter: SiteFiles
    /// Problems that do not stop the theme from being used.
    package var warnings: [Diagnostic]
    /// A digest of every file of the theme: incremental builds re-render everything when it changes.
    package var fingerprint: String

    /// The theme name from theme.yaml.
    package var name: String { manifest.name }

    /// Layouts every theme must have.
    package static let requiredLayouts = ["base", "page"]

    /// Builds a theme from its files (paths relative to the theme folder). `displayPrefix` (e.g.
    /// `themes/starter/`) prefixes paths in diagnostics. Throws a ``CompileFailure`` listing every problem.
    package init(files: SiteFiles, displayPrefix: String = "") throws(CompileFailure) {
        var warnings: [Diagnostic] = []
        guard let manifestText = files.text("theme.yaml") else {
            throw CompileFailure(diagnostics: [
                Diagnostic(
                    severity: .error,
                    file: displayPrefix + "theme.yaml",
                    message: "theme has no readable theme.yaml"
                )
            ])
        }
        let manifestSource = SourceText(path: displayPrefix + "theme.yaml", text: manifestText)
        let manifest = try ThemeManifest.parse(manifestSource, warnings: &warnings)
        let templates = try ThemeTemplates(files: files, displayPrefix: displayPrefix)
        var errors: [Diagnostic] = []
        for layout in Self.requiredLayouts where !templates.layoutNames.contains(layout) {
            errors.append(
                Diagnostic(
                    severity: .error,
                    file: displayPrefix + "layouts/\(layout).mustache",
                    message: "theme \"\(manifest.name)\" has no \"\(layout)\" layout"
                )
            )
        }
        for component in manifest.components where !templates.componentNames.contains(component.name) {
            let line = manifestText.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("  \(component.name):") }.map { $0 + 1 }
            errors.append(
                .error(
                    "component \"\(component.name)\" has no template components/\(component.name).mustache",
                    in: manifestSource,
                    line: line,
                    column: 3
                )
            )
        }
        for name in templates.componentNames.sorted() where manifest.component(name) == nil {
            warnings.append(
                Diagnostic(
                    severity: .warning,
                    file: displayPrefix + "components/\(name).mustache",
                    message: "template has no schema in theme.yaml, so pages cannot use it",
                    hint: "add \"\(name):\" under components: in theme.yaml"
                )
            )
        }
        if !errors.isEmpty { throw CompileFailure(diagnostics: errors + warnings) }
        self.manifest = manifest
        self.templates = templates
        self.assets = files.subtree("assets/")
        self.starter = files.subtree("starter/")
        self.warnings = warnings
        self.fingerprint = files.fingerprint()
    }
}

extension SiteFiles {
    /// The files under `prefix` (which ends in `/`), with the prefix removed from their paths.
    package func subtree(_ prefix: String) -> SiteFiles {
        var result = SiteFiles()
        for (path, data) in files where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = data
        }
        return result
    }
}
