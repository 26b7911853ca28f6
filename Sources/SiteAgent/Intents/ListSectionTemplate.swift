import SiteCompiler
import Yams

/// A new list section — testimonials, FAQ, features — with the first entry the person gives. Nothing is
/// invented: without an entry in the message the reply asks for one, in a shape the answer can be read from
/// ("Ana Ruiz, client: They made it easy.", "Is it free? Yes, always.", "Fast pages: Every page loads at once.").
enum ListSectionTemplate {
    struct Kind {
        var component: String
        var title: String
        var noun: String
        var example: String
    }

    static func kind(_ word: String) -> Kind? {
        let word = word.lowercased()
        if word.hasPrefix("testimonial") || word.hasPrefix("review") || word.hasPrefix("quote") {
            return Kind(component: "Testimonials", title: "What people say", noun: "testimonial", example: "Ana Ruiz, client: They made it easy.")
        }
        if word.hasPrefix("faq") || word.hasPrefix("question") || word.hasPrefix("q&a") {
            return Kind(component: "FAQ", title: "Questions", noun: "question", example: "Is it free? Yes, it always will be.")
        }
        if word.hasPrefix("feature") || word.hasPrefix("benefit") || word.hasPrefix("card") {
            return Kind(component: "Features", title: "What we offer", noun: "feature", example: "Fast pages: Every page loads at once.")
        }
        return nil
    }

    static func add(_ kind: Kind, to page: PageRecord, entry given: String, top: Bool, schemas: ThemeSchemas?, _ request: AgentRequest) throws -> Resolution {
        if let theme = request.site.theme, let manifest = schemas?.manifest(of: theme), !manifest.components.contains(where: { $0.name == kind.component }) {
            let others = request.context.installedThemes.filter { request.site.themeComponents[$0]?.contains(kind.component.lowercased()) == true }
            return .unsupported("The \(theme) theme has no \(kind.component) component, so a \(kind.noun) section cannot be added to “\(page.title)”."
                + (others.isEmpty ? "" : " \(Phrase.list(others.map { "“\($0)”" }, conjunction: "and")) \(others.count == 1 ? "has" : "have") one (“switch to the \(others[0]) theme”).")
                + " Or add the text as a heading and paragraphs: “add a heading \"…\" to the \(page.title) page saying …”.")
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        if !editor.blocks(named: kind.component).isEmpty {
            return .noChange("“\(page.title)” already has a \(kind.component) section; say “add a \(kind.noun) …” to add to it.")
        }
        var entry = given.trimmingWhitespace.replacing(/^(?i)(?:with|:|saying|that\s+says|containing|showing)\s*:?\s*/, with: "")
        let question = AgentQuestion(text: "What should the first \(kind.noun) on “\(page.title)” be? I only use words you give. For example: “\(kind.example)”")
        if entry.isEmpty, case .other(let answer) = request.answer(to: question) { entry = answer }
        guard !entry.isEmpty, let item = Self.item(kind, entry) else { return .question(question) }
        let props: YAMLValue = .map([("title", .string(kind.title)), ("items", .list([item.value]))])
        editor.insert(kind.component, props: props, at: top ? .top : .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "\(kind.component) section")
        return .change(workspace, summary: "Added a \(kind.noun) section “\(kind.title)” to \(top ? "the top" : "the bottom") of “\(page.title)” with \(item.shown). Say “add a \(kind.noun) …” for more, or “change the \(kind.component) title to …”.")
    }

    /// The words as given, without the quotes around them (full stops kept).
    private static func plain(_ text: some StringProtocol) -> String {
        var text = String(text).trimmingWhitespace
        if let inner = text.wholeMatch(of: /"([^"]+)"|“([^”]+)”|'(.+)'/) { text = String(inner.output.1 ?? inner.output.2 ?? inner.output.3 ?? "") }
        return text.trimmingWhitespace
    }

    /// One entry read from the words given, or nil when they do not have its parts.
    static func item(_ kind: Kind, _ text: String) -> (value: YAMLValue, shown: String)? {
        let text = text.trimmingWhitespace.replacing(/[.]$/, with: ".")
        switch kind.component {
        case "Testimonials":
            // "Ana Ruiz, client: They made it easy." or "'They made it easy.' - Ana Ruiz, client"
            var text = text
            // "'They made it easy.' - Ana Ruiz, client": the quote first.
            if let first = text.wholeMatch(of: /(?<quote>"[^"]+"|“[^”]+”|'[^']+')\s*[-—–,]+\s*(?<who>.+)/) {
                text = String(first.who) + ": " + first.quote
            }
            if let match = text.wholeMatch(of: /(?:from\s+)?(?<name>[^,:]+?)(?:\s*,\s*(?<role>[^:]+?))?\s*:\s*(?<quote>.+)/) {
                var fields: [(String, YAMLValue)] = [("quote", .string(plain(match.quote))), ("name", .string(String(match.name).trimmingWhitespace))]
                if let role = match.role { fields.append(("role", .string(String(role).trimmingWhitespace))) }
                return (.map(fields), "a quote from \(String(match.name).trimmingWhitespace)")
            }
        case "FAQ":
            if let match = text.wholeMatch(of: /(?:Q\s*:\s*)?(?<question>[^?]+\?)\s*(?:A\s*:\s*)?(?<answer>.+)/) {
                let question = plain(match.question)
                return (.map([("question", .string(question)), ("answer", .string(plain(match.answer)))]), "the question “\(question)”")
            }
        default:
            if let match = text.wholeMatch(of: /(?<title>[^:—–-]{2,60}?)\s*(?::|\s[-—–]\s)\s*(?<text>.+)/) {
                let title = plain(match.title)
                return (.map([("title", .string(title)), ("text", .string(plain(match.text)))]), "the feature “\(title)”")
            }
        }
        return nil
    }
}
