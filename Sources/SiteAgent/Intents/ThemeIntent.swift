import SiteCompiler
import Yams

/// Theme switches: "switch to the docs theme"; "something more modern" asks which installed theme.
struct ThemeIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        guard text.contains(/(?i)\btheme\b/),
              text.contains(/(?i)^(?:switch|change|move|use|set|apply|go|try|pick|choose|select|install|make)\b/) else { return nil }
        let installed = request.context.installedThemes
        let current = request.site.theme
        let words = Set(text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init))
        if let named = installed.first(where: { words.contains($0.lowercased()) && $0 != current }) {
            return try Self.switchTheme(to: named, request)
        }
        if let current, words.contains(current.lowercased()), text.contains(/(?i)\bto\s+(?:the\s+)?\w+\s+theme\b|\buse\s+(?:the\s+)?\w+\s+theme\b/) {
            return .noChange("The site already uses the \(current) theme.")
        }
        if let match = text.firstMatch(of: /(?i)\b(?:to|use)\s+(?:the\s+)?(?<name>[\w-]+)\s+theme\b/),
           !["a", "another", "new", "different", "other", "better", "nicer", "modern"].contains(String(match.name).lowercased()) {
            return .noChange("There is no installed theme called “\(match.name)”. Installed themes: \(Phrase.list(installed)).")
        }
        let others = installed.filter { $0 != current }
        guard !others.isEmpty else { return .noChange("No other theme is installed (the site uses \(current ?? "its theme")).") }
        let question = AgentQuestion(
            text: "Which theme should the site use? Installed themes: \(Phrase.list(installed))\(current.map { " (current: \($0))" } ?? ""). I cannot judge which looks more modern; pick one and preview it.",
            options: others)
        if case .option(let index) = request.answer(to: question) { return try Self.switchTheme(to: others[index], request) }
        return .question(question)
    }

    /// Sets `theme:` in `site.yaml`; tokens and content stay as they are.
    static func switchTheme(to name: String, _ request: AgentRequest) throws -> Resolution {
        guard request.site.theme != name else { return .noChange("The site already uses the \(name) theme.") }
        if let missing = request.site.componentsMissing(in: name), !missing.isEmpty {
            return .unsupported("The \(name) theme has no \(Phrase.list(missing)) component, which the site's pages use, so the site would not build with it. Remove \(missing.count == 1 ? "that section" : "those sections") first, or keep the \(request.site.theme ?? "current") theme.")
        }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "theme: \(name)") { $0.set("theme", to: name) }
        let from = request.site.theme.map { " from \($0)" } ?? ""
        return .change(workspace, summary: "Switched the theme\(from) to \(name). Your tokens (colours, fonts, radius) and content are kept; the build compiles the site with \(name) and its checks report any component the new theme does not support. Preview it before promoting.")
    }
}
