/// Work the state machine asks for; the runner performs it against a ``TUIBackend`` and feeds the result back as a
/// ``Feedback``. Keeping effects as values lets tests check what a key press would do without a daemon.
package enum Effect: Equatable, Sendable {
    case loadSites
    case loadVersions(site: String)
    case chat(site: String, message: String)
    case answer(requestID: Int64, answer: String)
    case fetchRequest(id: Int64)
    case deploy(site: String, version: Int)
    case rollback(site: String)
    /// Leave the TUI.
    case quit
}
