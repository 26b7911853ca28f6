internal import Foundation

extension ThemeLibrary {
    /// Everything wrong with theme `name`, for `sitectl themes validate`: its theme.yaml and templates, then a build
    /// of its own starter content with strict link checking. Empty means the theme is good.
    package func validate(_ name: String) -> [Diagnostic] {
        let theme: Theme
        do {
            theme = try load(name)
        } catch let failure as CompileFailure {
            return failure.diagnostics
        } catch {
            return [Diagnostic(severity: .error, file: "themes/\(name)", message: "cannot read theme: \(error)")]
        }
        guard !theme.starter.files.isEmpty else {
            return theme.warnings + [
                Diagnostic(
                    severity: .warning,
                    file: "themes/\(name)/starter",
                    message: "theme has no starter content, so new sites start empty"
                )
            ]
        }
        let starter = theme.starter.prefixingPaths(in: "themes/\(name)/starter/")
        do {
            let options = CompileOptions(now: Date(timeIntervalSince1970: 0), linkCheck: .error, future: true)
            let result = try SiteCompiler(themes: self).compile(theme.starter, options: options)
            return (theme.warnings + result.diagnostics.map(starter)).sortedForDisplay()
        } catch let failure as CompileFailure {
            return (theme.warnings + failure.diagnostics.map(starter)).sortedForDisplay()
        } catch {
            return [Diagnostic(severity: .error, file: "themes/\(name)/starter", message: "\(error)")]
        }
    }
}

extension SiteFiles {
    /// A function that moves a diagnostic's file under `prefix` (starter paths → theme paths).
    fileprivate func prefixingPaths(in prefix: String) -> (Diagnostic) -> Diagnostic {
        { diagnostic in
            var moved = diagnostic
            if let file = diagnostic.file, files[file] != nil { moved.file = prefix + file }
            return moved
        }
    }
}
