import Foundation
import SiteCompiler

/// The instructions and the first message the tool loop sends.
enum AgentPrompt {
    /// What the model is, what a site's source looks like and how to work.
    static let system = """
        You edit the source of a static website for its owner, using the tools. The source holds site.yaml \
        (title, description, theme, tokens, nav, …), content/**/*.md (Markdown with YAML front matter; components \
        are written as a ':::component Name' line, YAML props and a closing ':::' line) and static/ (copied as-is). \
        Only those paths can be written; the theme is read-only.
        Work like this: read what you need, make the smallest change that does what was asked, prefer the typed \
        tools (set_site_field, set_token, nav_add, nav_remove, nav_move, set_front_matter) to rewriting files, keep \
        every other line byte-identical, and call compile_site to check your work before you finish.
        If the request is ambiguous, call ask_user with one question (and options when there are clear choices) \
        instead of guessing. If it cannot be done on a static site, call report_unsupported. For "undo" or "go back \
        to version N", call revert_to_version.
        When done, answer without a tool call: one or two sentences saying what changed, for the site owner.
        """

    /// The triage instructions: a one-shot JSON verdict.
    static let triage = """
        You decide whether a request to change a static website (site.yaml, Markdown content, static files, a theme \
        with design tokens) is clear enough to do. Answer with JSON only, one of:
        {"verdict":"clear","summary":"what will be done, one sentence"}
        {"verdict":"question","question":"one self-contained question","options":["choice", "…"]}
        {"verdict":"no_change","reason":"why nothing needs to change"}
        {"verdict":"unsupported","reason":"why a static site cannot do this, and what to do instead"}
        """

    /// The request with what the model needs to start: site.yaml, the file list and the stored versions.
    static func request(_ context: AgentContext) -> String {
        var text = "Request: \(context.promptText)\n\n"
        text += "Source files:\n" + context.source.paths.map { "- \($0)" }.joined(separator: "\n")
        if let yaml = context.source.text("site.yaml") { text += "\n\nsite.yaml:\n" + String(yaml.prefix(8000)) }
        if !context.versions.isEmpty {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = context.timeZone
            let versions = context.versions.sorted { $0.number < $1.number }.map {
                "v\($0.number) \(formatter.string(from: $0.createdAt))\($0.isLive ? " (live)" : "")"
            }
            text += "\n\nStored versions: " + versions.joined(separator: ", ")
        }
        if let base = context.baseVersion { text += "\nYou are editing the source of v\(base)." }
        text += "\nNow: \(ISO8601DateFormatter().string(from: context.now))"
        return text
    }
}
