/// The main view underneath any modal.
package enum Route: Equatable, Sendable {
    case dashboard
    /// The chat pane of one site.
    case chat(site: String)
}
