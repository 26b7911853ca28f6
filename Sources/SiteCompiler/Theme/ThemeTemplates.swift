internal import Foundation
internal import Mustache

/// A theme's Mustache templates, compiled: layouts (`layouts/NAME`), partials (bare names, for `{{> header}}`)
/// and components (`components/NAME`), all in one library so every template can use every partial.
package struct ThemeTemplates: Sendable {
    private var library: MustacheLibrary
    /// Layouts present (`base`, `page`, …).
    package private(set) var layoutNames: Set<String>
    /// Partials present (`header`, …).
    package private(set) var partialNames: Set<String>
    /// Component templates present.
    package private(set) var componentNames: Set<String>

    /// Compiles every `.mustache` file under `layouts/`, `partials/` and `components/` of `files` (paths relative
    /// to the theme root). `displayPrefix` (e.g. `themes/starter/`) is put in front of paths in diagnostics.
    package init(files: SiteFiles, displayPrefix: String) throws(CompileFailure) {
        var library = MustacheLibrary()
        var layouts: Set<String> = []
        var partials: Set<String> = []
        var components: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for path in files.paths where path.hasSuffix(".mustache") {
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["layouts", "partials", "components"].contains(parts[0]) else { continue }
            let name = String(parts[1].dropLast(".mustache".count))
            let text = files.text(path) ?? ""
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        "template syntax: \(error.error)",
                        in: SourceText(path: displayPrefix + path, text: text),
                        line: error.context.lineNumber,
                        column: error.context.columnNumber
                    )
                )
                continue
            } catch {
                diagnostics.append(
                    Diagnostic(severity: .error, file: displayPrefix + path, message: "template syntax: \(error)")
                )
                continue
            }
            switch parts[0] {
            case "layouts":
                library.register(template, named: "layouts/" + name)
                layouts.insert(name)
            case "partials":
                library.register(template, named: name)
                partials.insert(name)
            default:
                library.register(template, named: "components/" + name)
                components.insert(name)
            }
        }
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        self.library = library
        self.layoutNames = layouts
        self.partialNames = partials
        self.componentNames = components
    }

    /// Renders layout `name` with `context`; nil when the theme has no such layout.
    package func renderLayout(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: "layouts/" + name)
    }

    /// Renders component template `name` with `context`; nil when the theme has no such template.
    package func renderComponent(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: "components/" + name)
    }
}
