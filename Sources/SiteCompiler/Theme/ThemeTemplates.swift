internal import Foundation
internal import Mustache

/// A theme's Mustache templates, compiled: layouts (`layouts/NAME`), partials (bare names, for `{{> header}}`)
/// and components (`components/NAME`), all in one library so every template can use every partial.
package struct ThemeTemplates: Sendable {
    private var library: MustacheLibrary
    /// The same templates as a render plan; nil when one of them uses something only swift-mustache renders.
    private var plan: RenderPlan?
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
        var parsed: [String: MustacheTemplate] = [:]
        for path in files.paths where path.hasSuffix(".mustache") {
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["layouts", "partials", "components"].contains(parts[0]) else { continue }
            let name = String(parts[1].dropLast(".mustache".count))
            let text = files.text(path) ?? ""
            let template: MustacheTemplate
            do {
                _ = FastHTMLEscape.registration
                template = try MustacheTemplate(string: FastHTMLEscape.pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own in front of the file.
                let line = max(error.context.lineNumber - 1, 1)
                let column = error.context.columnNumber
                diagnostics.append(
                    .error(
                        "template syntax: \(error.error)",
                        in: SourceText(path: displayPrefix + path, text: text),
                        line: line,
                        column: column
                    )
                )
                continue
            } catch {
                diagnostics.append(
                    Diagnostic(severity: .error, file: displayPrefix + path, message: "template syntax: \(error)")
                )
                continue
            }
            let registered: String
            switch parts[0] {
            case "layouts":
                registered = "layouts/" + name
                layouts.insert(name)
            case "partials":
                registered = name
                partials.insert(name)
            default:
                registered = "components/" + name
                components.insert(name)
            }
            library.register(template, named: registered)
            parsed[registered] = template
        }
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        self.library = library
        self.plan = RenderPlan.compile(parsed)
        self.layoutNames = layouts
        self.partialNames = partials
        self.componentNames = components
    }

    /// When set, renders go both ways and differences are recorded (see ``CompileOptions/renderPlanCheck``).
    package var check: RenderPlanCheck?

    /// Renders layout `name` with `context`; nil when the theme has no such layout.
    package func renderLayout(_ name: String, _ context: [String: Any]) -> String? {
        render("layouts/" + name, context)
    }

    private func render(_ registered: String, _ context: [String: Any]) -> String? {
        guard let plan else { return library.render(context, withTemplate: registered) }
        let planned = plan.render(registered, context)
        if let check {
            let expected = library.render(context, withTemplate: registered)
            check.compare(registered, expected: expected, actual: planned)
            return expected
        }
        return planned
    }

    /// Whether the templates render through the compiled plan (else through swift-mustache).
    package var usesRenderPlan: Bool { plan != nil }

    /// Renders component template `name` with `context`; nil when the theme has no such template.
    package func renderComponent(_ name: String, _ context: [String: Any]) -> String? {
        render("components/" + name, context)
    }
}

/// The HTML escaping of `{{value}}`, done over UTF-8 bytes. The library's own escape walks Characters with a
/// dictionary lookup each and was a tenth of a large build; this one gives the same text (`<` `>` `&` `"` `'` as
/// `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`) and returns the string untouched when nothing needs escaping.
struct FastHTMLEscape: MustacheContentType {
    static let name = "SITECTL_HTML"
    /// Put in front of every template, as a standalone line (which Mustache removes, so whitespace is unchanged):
    /// switches it (and, through their own copy, its partials) to this escape.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    /// Registers the content type once, before any template is parsed.
    static let registration: Bool = {
        MustacheContentTypes.register(FastHTMLEscape(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }
}

/// Differences between a theme's render plan and swift-mustache, collected across a build's threads.
package final class RenderPlanCheck: @unchecked Sendable {
    /// One template whose two renderings differ.
    package struct Mismatch: Sendable {
        package var template: String
        package var expected: String?
        package var actual: String?
    }

    private let lock = NSLock()
    private var found: [Mismatch] = []
    private var count = 0

    package init() {}

    /// Renders compared so far.
    package var compared: Int { lock.withLock { count } }
    /// The differences found.
    package var mismatches: [Mismatch] { lock.withLock { found } }

    func compare(_ template: String, expected: String?, actual: String?) {
        lock.withLock {
            count += 1
            if expected != actual { found.append(Mismatch(template: template, expected: expected, actual: actual)) }
        }
    }
}
