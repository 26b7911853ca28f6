package import SiteAPI

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
    /// Pending questions and queued/running/finished jobs of every site, for the dashboard's markers.
    case loadActivity
    /// A site's recent requests, for its chat's history.
    case loadChatHistory(site: String)
    case loadJobs
    case loadJobLog(id: Int64, after: Int)
    case cancelJob(id: Int64)
    /// Sends the message of a job's request again (as `sitectl jobs retry`).
    case retryJob(requestID: Int64, site: String)
    case createSite(name: String)
    case deleteSite(name: String)
    case setEnabled(site: String, enabled: Bool)
    case loadDiff(site: String, from: Int, to: Int)
    case preview(site: String, version: Int)
    case loadAccount
    case revokeToken(id: Int64)
    case logout
    case loadDaemonStatus
    /// Talk to another context from now on (`:context NAME`).
    case switchContext(name: String)
    case listContexts
    /// Leave the TUI.
    case quit
}
