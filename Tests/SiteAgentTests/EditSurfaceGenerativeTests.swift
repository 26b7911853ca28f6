import Foundation
import SiteCompiler
import Testing
import Yams
@testable import SiteAgent

/// Issue 10's generative test: for every built-in theme's starter site, the acme fixture and acme with a
/// pricing page, enumerate the edit surface and, for every slot, send requests from a phrase bank (8 phrasings
/// per operation, below) naming the slot by its current value, by a label and by an alias. Each request must
/// change exactly that slot — every other slot of the surface keeps its value, no other file changes.
/// List items get the same treatment for add, remove and move.
@Suite("Agent requests: every slot of the edit surface")
struct EditSurfaceGenerativeTests {
    static let library = AcmeFixture.repositoryRoot.map { ThemeLibrary(directories: [$0.appendingPathComponent("themes")]) }
    static let agent = EmbeddedAgent(themes: library)
    static let schemas = ThemeSchemas(library: library)

    // MARK: Phrase banks (8 per operation)

    /// Setting a slot named by its current value.
    static let byValue = [
        #"Change "{cur}" to "{new}""#,
        #"Rename "{cur}" to "{new}""#,
        #""{cur}" should read "{new}""#,
        #"replace "{cur}" with "{new}""#,
        #"update "{cur}" so it says "{new}""#,
        #"change the text "{cur}" to "{new}""#,
        #"please edit "{cur}" to read "{new}""#,
        #""{cur}" should say "{new}""#,
    ]
    /// Setting a slot named by a label or an alias ({ref}).
    static let byName = [
        #"change {ref} to "{new}""#,
        #"set {ref} to {new}"#,
        #"update {ref} to "{new}""#,
        #"{ref} should say "{new}""#,
        #"make {ref} read "{new}""#,
        #"edit {ref}: {new}"#,
        #"{ref} should read "{new}""#,
        #"please change {ref} to {new}"#,
    ]
    /// Setting a colour token ({ref} = "the header background colour").
    static let colour = [
        "make {ref} {new}", "set {ref} to {new}", "change {ref} to {new}", "{ref} should be {new}",
        "turn {ref} {new}", "update {ref} to {new}", "please make {ref} {new}", "switch {ref} to {new}",
    ]
    static let font = [
        "set {ref} to {new}", "change {ref} to {new}", "make {ref} {new}", "{ref} should be {new}",
        "switch {ref} to {new}", "update {ref} to {new}", "please set {ref} to {new}", #"change {ref} to "{new}""#,
    ]
    /// List items: {item} names an item ("the Pro plan", "the second feature").
    static let remove = [
        "remove {item}", "delete {item}", "please remove {item}", "drop {item}", "take out {item}",
        "get rid of {item}", "delete {item} please", "remove {item}.",
    ]
    static let moveFirst = [
        "move {item} to the top", "put {item} first", "move {item} first", "move {item} to the start",
        "put {item} at the top", "please move {item} to the top", "move {item} to the beginning", "place {item} first",
    ]
    /// {noun} is what one item is called ("feature", "plan"), {add} the item's words.
    static let add = [
        "add a {noun} {add}", "add another {noun} {add}", "please add a {noun} {add}", "create a new {noun} {add}",
        "add one more {noun} {add}", "add a new {noun} {add}", "include a {noun} {add}", "add an extra {noun} {add}",
    ]

    // MARK: Sites

    static func sites() throws -> [(String, SiteFiles)] {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        var sites: [(String, SiteFiles)] = try ["starter", "blog", "portfolio", "docs"].map {
            ($0, try SiteFiles.load(from: root.appendingPathComponent("themes/\($0)/starter")))
        }
        let acme = try AcmeFixture.source()
        sites.append(("acme", acme))
        // The agent's own pricing page: tiers, with nested feature lists and buttons.
        let pricing = try Self.runSync("add a pricing page with three tiers", acme)
        guard case .changed(let files, _, _) = pricing else { throw Failure("could not add a pricing page: \(pricing)") }
        sites.append(("acme+pricing", files))
        return sites
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func context(_ message: String, _ source: SiteFiles) -> AgentContext {
        AgentContext(message: message, question: nil, answer: nil, source: source, baseVersion: 1, versions: [],
                     installedThemes: ["starter", "blog", "portfolio", "docs"], now: AcmeFixture.date("2026-06-12T14:00"),
                     timeZone: AcmeFixture.timeZone)
    }

    /// The embedded agent's interpreter (as `EmbeddedAgent(themes:)` builds it), made once: themes load once.
    static let interpreter = Interpreter.embedded(themes: library)

    static func runSync(_ message: String, _ source: SiteFiles) throws -> AgentOutcome {
        switch try interpreter.resolve(context(message, source)) {
        case .change(let workspace, let summary): return .changed(workspace.files, summary: summary, warnings: workspace.warnings)
        case .question(let question): return .question(question)
        case .noChange(let reason): return .noChange(reason)
        case .unsupported(let reason): return .unsupported(reason)
        case .revert: return .unsupported("revert")
        }
    }

    static func surface(_ files: SiteFiles) throws -> EditSurface {
        let site = try SiteSnapshot(files: files)
        let manifest = site.theme.flatMap { schemas.manifest(of: $0) }
        return EditSurface(site: site, components: manifest?.components, tokens: manifest?.tokens)
    }

    // MARK: References a person would use

    /// A label and an alias for the slot, worded as an owner would, or nil when the slot is named by value only.
    static func references(_ slot: EditSlot, _ surface: EditSurface, _ site: SiteSnapshot) -> [String] {
        let pageTitle = slot.page?.title ?? ""
        switch slot.location {
        case .site(let key, nil):
            let names = ["title": ["the site title", "the website name"], "tagline": ["the tagline", "the slogan"],
                         "description": ["the site description", "the website description"],
                         "footer": ["the footer text", "the copyright line"], "author": ["the author", "the author name"]]
            return names[key] ?? []
        case .site(_, let child?):
            return child == "label" ? ["the header button text", "the call to action label"] : ["the header button link", "the call to action url"]
        case .nav(let index, let field):
            let ordinal = SlotNames.ordinals[index]
            let label = site.nav[index].label
            return field == "label" ? ["the \(ordinal) menu item", "the label of the \(ordinal) menu link"]
                : ["the link of the \(ordinal) menu item", "the url of the \(label) menu item"]
        case .token(let name):
            let words = name.replacingOccurrences(of: "_bg", with: " background").replacingOccurrences(of: "_", with: " ")
            switch slot.kind {
            case .color: return ["the \(words) colour", "the \(words) color"]
            case .font:
                let what = String(name.dropFirst(5))
                return ["the \(what) font", what == "heading" ? "the headings font" : what == "body" ? "the body text font" : "the code font"]
            default: return ["the \(words)"]
            }
        case .frontMatter(_, let key):
            switch key {
            case "date": return ["the date of the \(pageTitle) post", "the publish date of \(pageTitle)"]
            case "title": return ["the \(pageTitle) page title", "the title of the \(pageTitle) page"]
            default: return ["the description of the \(pageTitle) page", "the SEO description on \(pageTitle)"]
            }
        case .prop(let path, _, let key):
            let component = slot.label.firstMatch(of: /of the (\w+) section/).map { String($0.output.1) }
            let sameElsewhere = surface.slots.contains {
                if case .prop(let otherPath, _, let otherKey) = $0.location { return otherKey == key && otherPath != path }
                return false
            }
            let onPage = " on the \(pageTitle) page"
            if let component {
                let words = key.replacingOccurrences(of: "_", with: " ")
                return ["the \(component) \(words)\(onPage)", "the \(component.lowercased()) section \(SlotNames.props[key]?.dropFirst().first ?? words)" + (sameElsewhere ? onPage : "")]
            }
            // A labelled prop: its label and its first alias.
            let declared = slot.patterns.first?.first ?? []
            return [declared.first, declared.dropFirst().first].compactMap { $0 }.map { $0 + (sameElsewhere ? onPage : "") }
        case .itemProp(let path, let block, let list, let item, let key):
            let siblings = surface.slots.filter {
                if case .itemProp(path, block, list, item, _) = $0.location { return true }
                return false
            }
            let identity = siblings.first { $0.isItemName }?.value
            let nouns = EditSurface.itemNouns(component: slot.component ?? "", list: list, schema: nil)
            let noun = nouns.first ?? "item"
            let words = key.replacingOccurrences(of: "_", with: " ")
            let synonym = SlotNames.props[key]?.first { $0 != words } ?? words
            let onPage = surface.slots.contains(where: {
                if case .itemProp(let other, _, list, _, _) = $0.location { return other != path }
                return false
            }) ? " on the \(pageTitle) page" : ""
            var refs = ["the \(words) of the \(SlotNames.ordinals[item]) \(noun)\(onPage)"]
            if let identity { refs.append("the \(identity) \(nouns.dropFirst().first ?? noun) \(synonym)\(onPage)") }
            return refs
        case .heading:
            return []
        }
    }

    /// A new value of the slot's type, different from the current one.
    static func newValue(for slot: EditSlot) -> String {
        let choices: [String] = switch slot.kind {
        case .text where slot.pattern?.contains("@") == true: ["team@example.com", "hi@example.org"]
        case .text: slot.maxLength.map { $0 < 20 } == true ? ["Ask us", "Talk"] : ["Bright new words", "Other words"]
        case .url: ["/contact/", "/about/"]
        case .color: ["olive", "teal"]
        case .font: ["Georgia", "Verdana"]
        // A width a text column can have (narrower than a phone's asks whether the text size was meant).
        case .length where slot.label.lowercased().contains("width"): ["30rem", "50rem"]
        case .length: ["3rem", "2rem"]
        case .date: ["3 March 2025", "4 April 2024"]
        }
        return choices.first { expected($0, for: slot) != slot.value } ?? choices[1]
    }

    static func expected(_ value: String, for slot: EditSlot) -> String {
        switch (slot.kind, value) {
        case (.color, "olive"): "#808000"
        case (.color, _): "#008080"
        case (.date, "3 March 2025"): "2025-03-03"
        case (.date, _): "2024-04-04"
        default: value
        }
    }

    /// nil when `outcome` changed exactly `slot` to `value`; otherwise what went wrong.
    static func judge(_ outcome: AgentOutcome, slot: EditSlot, value: String, before: SiteFiles, surface: EditSurface) throws -> String? {
        guard case .changed(let files, let summary, _) = outcome else { return "\(outcome)" }
        let changed = Set(before.paths + files.paths).filter { before[$0] != files[$0] }
        guard changed == [slot.location.path] else { return "changed \(changed.sorted()): \(summary)" }
        let after = try Self.surface(files)
        for old in surface.slots {
            let new = after.slot(at: old.location)?.value
            if old.location == slot.location {
                let wanted = expected(value, for: slot)
                let ok = slot.kind == .font ? new?.hasPrefix(wanted) == true : new == wanted
                if !ok { return "\(slot.location) is “\(new ?? "gone")”, not “\(wanted)”: \(summary)" }
            } else if new != old.value {
                // A background colour may switch its text colour to stay readable (the reply says so).
                if case .token(let token) = old.location, case .token(let target) = slot.location,
                   ColorTarget.all.first(where: { $0.key == target })?.partner == token { continue }
                return "\(old.location) changed too (“\(old.value)” → “\(new ?? "gone")”): \(summary)"
            }
        }
        return nil
    }

    // MARK: The test

    @Test func everySlotCanBeSetByValueLabelAndAlias() throws {
        var failures: [String] = []
        var report: [String] = []
        for (name, files) in try Self.sites() {
            let surface = try Self.surface(files)
            let site = try SiteSnapshot(files: files)
            var total = 0
            var passed = 0
            for slot in surface.slots {
                let value = Self.newValue(for: slot)
                var requests: [String] = []
                let duplicates = surface.slots.filter { $0.value.caseInsensitiveCompare(slot.value) == .orderedSame }.count
                let pageTitleEqual = site.pages.contains { $0.title.caseInsensitiveCompare(slot.value) == .orderedSame }
                if slot.kind == .text, duplicates == 1, !pageTitleEqual, slot.value.count <= 80, !slot.value.contains("\"") {
                    requests += Self.byValue.map { $0.replacing("{cur}", with: slot.value).replacing("{new}", with: value) }
                }
                for reference in Self.references(slot, surface, site) {
                    let bank = slot.kind == .color ? Self.colour : slot.kind == .font ? Self.font : Self.byName
                    requests += bank.map { $0.replacing("{ref}", with: reference).replacing("{new}", with: value) }
                }
                for request in requests {
                    total += 1
                    let outcome = try Self.runSync(request, files)
                    if let problem = try Self.judge(outcome, slot: slot, value: value, before: files, surface: surface) {
                        failures.append("[\(name)] \(request) → \(problem)")
                    } else {
                        passed += 1
                    }
                }
            }
            report.append("\(name): \(passed)/\(total) set requests changed exactly their slot (\(surface.slots.count) slots)")
        }
        for line in report { print(line) }
        for line in failures.prefix(400) { print("✗ " + line) }
        #expect(failures.isEmpty, "\(failures.count) requests failed; first: \(failures.prefix(5).joined(separator: "\n"))")
    }
}

/// The list operations of issue 10 over every list of every site: add, remove and move, 8 phrasings each,
/// items named by their name and by their position.
@Suite("Agent requests: every list of the edit surface")
struct ListOperationGenerativeTests {
    typealias G = EditSurfaceGenerativeTests

    /// The words of a new item, and the fields it must get, per kind of list.
    static let newItems: [String: (words: String, fields: [String: String])] = [
        "features": ("called Offline mode saying Works without a connection", ["title": "Offline mode", "text": "Works without a connection"]),
        "pricing": ("called Team at $29 a month", ["name": "Team", "price": "$29", "period": "month"]),
        "faq": (#""Do you ship abroad?" with the answer "Yes, to 30 countries.""#, ["question": "Do you ship abroad?", "answer": "Yes, to 30 countries."]),
        "testimonials": (#"from Ana Ruiz: "They made it easy.""#, ["name": "Ana Ruiz", "quote": "They made it easy."]),
        "gallery": ("/img/work/01.jpg with alt text A sunny harbour", ["src": "/img/work/01.jpg", "alt": "A sunny harbour"]),
    ]

    /// The items of a list as (field → text) maps, read from the page.
    static func items(_ files: SiteFiles, _ list: ListItemIntent.ItemList) -> [[String: String]] {
        let editor = ComponentBlockEditor(files.text(list.page.path) ?? "")
        let blocks = editor.blocks
        guard blocks.indices.contains(list.block), let items = editor.props(of: blocks[list.block])?[list.list]?.sequence else { return [] }
        return items.map { item in
            var fields: [String: String] = [:]
            for (key, value) in item.mapping ?? [:] {
                guard let key = key.string else { continue }
                fields[key] = value.string ?? value.sequence.map { $0.compactMap(\.string).joined(separator: " | ") } ?? ""
            }
            return fields
        }
    }

    @Test func everyListTakesAddRemoveAndMove() throws {
        var failures: [String] = []
        var report: [String] = []
        for (name, files) in try G.sites() {
            let site = try SiteSnapshot(files: files)
            let components = site.theme.flatMap { G.schemas.components(of: $0) } ?? []
            let lists = ListItemIntent.lists(in: site, components: components)
            var total = 0
            var passed = 0
            func check(_ request: String, _ list: ListItemIntent.ItemList, _ expected: [[String: String]]) throws {
                total += 1
                let outcome = try G.runSync(request, files)
                guard case .changed(let after, let summary, _) = outcome else {
                    failures.append("[\(name)] \(request) → \(outcome)")
                    return
                }
                let changed = Set(files.paths + after.paths).filter { files[$0] != after[$0] }
                let got = Self.items(after, list)
                if changed != [list.page.path] {
                    failures.append("[\(name)] \(request) → changed \(changed.sorted()): \(summary)")
                } else if got != expected {
                    failures.append("[\(name)] \(request) → items \(got.map { $0["title"] ?? $0["name"] ?? $0["question"] ?? $0["alt"] ?? "?" }): \(summary)")
                } else {
                    passed += 1
                }
            }
            for list in lists {
                let kind = list.component.lowercased()
                let before = Self.items(files, list)
                let noun = list.nouns.first ?? "item"
                let elsewhere = lists.contains { $0.component == list.component && $0.page.path != list.page.path }
                let onPage = elsewhere ? " on the \(list.page.title) page" : ""
                // Add: the new item goes last, with exactly the fields given (an image the site has in static/).
                if var new = Self.newItems[kind] {
                    if kind == "gallery", let image = files.paths.sorted().first(where: { $0.hasPrefix("static/img/") }) {
                        let src = String(image.dropFirst("static".count))
                        new.words = new.words.replacing("/img/work/01.jpg", with: src)
                        new.fields["src"] = src
                    }
                    for phrasing in G.add {
                        let request = phrasing.replacing("{noun}", with: noun).replacing("{add}", with: new.words) + onPage
                        try check(request, list, before + [new.fields])
                    }
                }
                guard before.count >= 2 else { continue }
                // Remove the second item, named by its name and by its position.
                var references = ["the second \(noun)\(onPage)"]
                if let identity = list.names[1] { references.append("the \(identity) \(noun)\(onPage)") }
                var removed = before
                removed.remove(at: 1)
                for reference in references {
                    for phrasing in G.remove { try check(phrasing.replacing("{item}", with: reference), list, removed) }
                }
                // Move the last item to the top.
                var moved = before
                moved.insert(moved.removeLast(), at: 0)
                var lastReferences = ["the last \(noun)\(onPage)"]
                if let identity = list.names[before.count - 1] { lastReferences.append("the \(identity) \(noun)\(onPage)") }
                for reference in lastReferences {
                    for phrasing in G.moveFirst { try check(phrasing.replacing("{item}", with: reference), list, moved) }
                }
            }
            report.append("\(name): \(passed)/\(total) list requests right (\(lists.count) lists)")
        }
        for line in report { print(line) }
        for line in failures.prefix(200) { print("✗ " + line) }
        #expect(failures.isEmpty, "\(failures.count) requests failed; first: \(failures.prefix(5).joined(separator: "\n"))")
    }
}
