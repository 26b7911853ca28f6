import SiteCompiler
import Yams

/// A ContactForm that sends to an e-mail address: through the site's form endpoint when `site.yaml` has one,
/// else (the theme's fallback) through `mailto:`.
enum ContactFormTemplate {
    static func add(to page: PageRecord, rest: String, top: Bool, _ request: AgentRequest) throws -> Resolution {
        guard let email = rest.firstMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/).map({ String($0.0) }) else {
            let question = AgentQuestion(text: "Which e-mail address should the contact form on “\(page.title)” send to?", options: [])
            if case .other(let answer) = request.answer(to: question),
               let email = answer.firstMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/) {
                return try add(to: page, rest: " to \(email.0)", top: top, request)
            }
            return .question(question)
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        if !editor.blocks(named: "ContactForm").isEmpty {
            return .noChange("“\(page.title)” already has a contact form.")
        }
        // The starter theme always has Email and Message; `fields` adds single-line ones. Without an endpoint
        // (here or in site.yaml forms.endpoint) the theme falls back to mailto: to the recipient.
        let props: YAMLValue = .map([("to", .string(email)), ("fields", .list([.string("Name")]))])
        editor.insert("ContactForm", props: props, at: top ? .top : .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "ContactForm to \(email)")
        var summary = "Added a contact form to “\(page.title)” that sends to \(email) (fields: name, email, message)."
        if let endpoint = formEndpoint(request.site) {
            summary += " Submissions go through the form endpoint \(endpoint) from site.yaml."
        } else {
            summary += " No form endpoint is configured, so the form falls back to mailto: (it opens the visitor's e-mail program). To receive submissions directly, add `forms: { endpoint: \"https://…\" }` to site.yaml with the URL of a form service."
            workspace.warnings.append("The contact form on \(page.url) uses mailto: because site.yaml has no forms.endpoint.")
        }
        return .change(workspace, summary: summary)
    }

    private static func formEndpoint(_ site: SiteSnapshot) -> String? {
        guard let node = try? YAMLBudget.compose(site.siteYAML) else { return nil }
        return node["forms"]?["endpoint"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }
}
