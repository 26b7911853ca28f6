/// The one-line input at the bottom (vim and k9s style): the site filter, the command line, or a question that
/// needs typed text (a new site's name, a site's name to confirm its deletion).
package struct Prompt: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        /// `/`: narrows the dashboard as you type.
        case filter
        /// `:`: a command such as `versions blog`.
        case command
        /// `n`: the new site's name.
        case newSite
        /// `x`: the site's name again, to delete it.
        case confirmDelete(site: String)
    }

    package var kind: Kind
    package var editor: LineEditor

    package init(_ kind: Kind, text: String = "") {
        self.kind = kind
        self.editor = LineEditor(text: text)
    }

    /// What is shown before the text.
    package var label: String {
        switch kind {
        case .filter: "/"
        case .command: ":"
        case .newSite: "New site name: "
        case .confirmDelete(let site): "Type \(site) to delete it with all its versions: "
        }
    }
}
