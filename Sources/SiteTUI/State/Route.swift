/// The main view underneath any modal.
package enum Route: Equatable, Sendable {
    case dashboard
    /// The chat pane of one site.
    case chat(site: String)
    /// Jobs of every site, with the selected job's log.
    case jobs
    /// The signed-in account and its API tokens.
    case account
    /// The daemon's status and the connection to it.
    case daemon
}
