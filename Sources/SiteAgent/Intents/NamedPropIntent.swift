import Foundation
package import SiteCompiler
import Synchronization
import Yams

/// "change the text under the headline to …", "set the subtitle on the home page to …": a component prop named
/// the way people name it — by the `label` and `aliases` its theme declares for it (`theme.yaml`), or by its
/// own name with the component's ("hero subheadline") — on whichever page has that component.
struct NamedPropIntent: DefersRefusals {
    let schemas: ThemeSchemas

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        guard let theme = request.site.theme, let components = schemas.components(of: theme),
              let verb = request.message.prefixMatch(of: /(?i)(?:change|set|update|make|edit|replace|rewrite|reword)\s+(?:the\s+)?/)
        else { return nil }
        // "set the call to action to Order now": try every "to" until the words before it name a slot.
        let rest = String(request.message[verb.range.upperBound...])
        var found: (name: String, page: String?, value: String, slots: [(component: ComponentSchema, prop: PropField)])?
        for split in rest.ranges(of: /(?i)\s+(?:to|into|so it (?:says|reads)|to (?:say|read))\s+/) {
            var name = String(rest[..<split.lowerBound])
            let value = String(rest[split.upperBound...])
            var page: String?
            if let onPage = name.firstMatch(of: /(?i)^(?<name>.+?)\s+(?:on|of|in)\s+(?:the\s+)?(?<page>[^"“]+?)(?:\s+page)?$/) {
                let candidate = Self.normalized(String(onPage.name))
                if Self.slots(named: candidate, in: components).isEmpty == false {
                    name = String(onPage.name)
                    page = String(onPage.page)
                }
            }
            let slots = Self.slots(named: Self.normalized(name), in: components)
            if !slots.isEmpty, !value.isEmpty {
                found = (name, page, value, slots)
                break
            }
        }
        guard let found else { return nil }
        let slots = found.slots
        let match = (page: found.page, value: found.value)
        // Pages whose blocks of those components exist.
        var places: [(page: PageRecord, component: String, prop: PropField)] = []
        for page in request.site.pages {
            guard let text = request.site.files.text(page.path) else { continue }
            let editor = ComponentBlockEditor(text)
            for slot in slots where !editor.blocks(named: slot.component.name).isEmpty {
                places.append((page, slot.component.name, slot.prop))
            }
        }
        if let pageName = match.page {
            guard case .one(let page) = request.site.findPage(Phrase.value(pageName)) else {
                return .noChange("There is no page called “\(pageName)”.")
            }
            places = places.filter { $0.page.path == page.path }
            if places.isEmpty {
                return .noChange("The page “\(page.title)” has no \(slots[0].prop.schema.label ?? slots[0].prop.name).")
            }
        } else if places.count > 1, let home = places.first(where: { $0.page.isHome }) {
            places = [home]
        }
        guard let place = places.first else {
            return .noChange("No page has \(slots[0].prop.schema.label ?? slots[0].prop.name) to change.")
        }
        if places.count > 1 {
            let question = AgentQuestion(
                text: "Which page's \(place.prop.schema.label ?? place.prop.name)?", options: places.map { "\($0.page.title) (\($0.page.url))" })
            guard case .option(let index) = request.answer(to: question), index < places.count else { return .question(question) }
            return try set(places[index].page, component: places[index].component, prop: places[index].prop, value: String(match.value), request)
        }
        return try set(place.page, component: place.component, prop: place.prop, value: String(match.value), request)
    }

    private func set(_ page: PageRecord, component: String, prop: PropField, value raw: String, _ request: AgentRequest) throws -> Resolution {
        var value = Phrase.value(raw)
        if prop.schema.kind == .url, URLPath.looksLikePath(value) { value = URLPath.normalized(value) }
        let label = prop.schema.label ?? prop.name.replacing("_", with: " ")
        if let max = prop.schema.maxLength, value.count > max {
            return .question(AgentQuestion(text: "\(label.prefix(1).uppercased() + label.dropFirst()) holds at most \(max) characters; “\(value.prefix(60))…” has \(value.count). What should it say?"))
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        guard let block = editor.blocks(named: component).first else { return .noChange("The page “\(page.title)” has no \(component) section.") }
        let old = editor.props(of: block)?[prop.name]?.string
        guard old != value else { return .noChange("\(label.prefix(1).uppercased() + label.dropFirst()) on “\(page.title)” is already “\(value)”.") }
        editor.setProp(prop.name, value: .string(value), in: block)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "\(component) \(prop.name): \(value)")
        return .change(workspace, summary: "Changed \(label) on “\(page.title)”\(old.map { " from “\($0)”" } ?? "") to “\(value)”.")
    }

    static func slots(named wanted: String, in components: [ComponentSchema]) -> [(component: ComponentSchema, prop: PropField)] {
        var slots: [(component: ComponentSchema, prop: PropField)] = []
        for component in components {
            for prop in component.props where prop.schema.kind == .string || prop.schema.kind == .url {
                if names(of: prop, in: component).contains(wanted) { slots.append((component, prop)) }
            }
        }
        return slots
    }

    /// The names a prop answers to: its label and aliases, and its own name with its component's.
    static func names(of prop: PropField, in component: ComponentSchema) -> Set<String> {
        var names = Set(([prop.schema.label].compactMap { $0 } + prop.schema.aliases).map(normalized))
        let own = prop.name.replacing("_", with: " ")
        names.insert(normalized("\(component.name) \(own)"))
        // A bare prop name only when it is specific ("subheadline", "button label"), never "title" or "text".
        if own.contains(" ") || own.count >= 8 { names.insert(normalized(own)) }
        return names
    }

    static func normalized(_ text: String) -> String {
        Phrase.withoutArticles(text.lowercased()).split(separator: " ").filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Component schemas of installed themes, loaded once per theme.
package final class ThemeSchemas: Sendable {
    private let library: ThemeLibrary?
    private let cache = Mutex<[String: ThemeManifest]>([:])

    package init(library: ThemeLibrary?) { self.library = library }

    func components(of theme: String) -> [ComponentSchema]? {
        manifest(of: theme)?.components
    }

    /// The theme's manifest (components and design tokens), loaded once.
    func manifest(of theme: String) -> ThemeManifest? {
        if let cached = cache.withLock({ $0[theme] }) { return cached }
        guard let library, let loaded = try? library.load(theme) else { return nil }
        cache.withLock { $0[theme] = loaded.manifest }
        return loaded.manifest
    }
}
