import SiteCompiler
import Yams

/// Adds a Hero block at the top of a page.
enum HeroTemplate {
    static func add(to page: PageRecord, headline: String, subheadline: String?, button: (label: String, url: String)?, _ request: AgentRequest) throws -> Resolution {
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        if !editor.blocks(named: "Hero").isEmpty {
            return .noChange("The page “\(page.title)” already has a hero; say “change the hero headline on \(page.title) to …” to edit it.")
        }
        var props: [(String, YAMLValue)] = [("headline", .string(headline))]
        if let subheadline { props.append(("subheadline", .string(subheadline))) }
        if let button {
            props += [("button_label", .string(button.label)), ("button_url", .string(button.url))]
        }
        editor.insert("Hero", props: .map(props), at: .top)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "Hero at the top")
        var summary = "Added a hero to the top of “\(page.title)” with the headline “\(headline)”"
        if let button { summary += " and a button “\(button.label)” linking to \(button.url)" }
        summary += "."
        if let button, URLPath.isInternal(button.url), request.site.page(url: button.url) == nil {
            workspace.warnings.append("The hero button links to \(button.url), which is not a page of the site.")
        }
        return .change(workspace, summary: summary)
    }
}
