/// A mutating action waiting for y/n.
package enum Confirmation: Equatable, Sendable {
    case deploy(site: String, version: Int)
    case rollback(site: String, fromVersion: Int?)
    case setEnabled(site: String, enabled: Bool)
    case cancelJob(id: Int64, site: String)
    case revokeToken(id: Int64, name: String)
    case logout(context: String)
    case retryJob(requestID: Int64, site: String, jobID: Int64)

    /// The question shown in the dialog.
    package var prompt: String {
        switch self {
        case .deploy(let site, let version):
            "Deploy \(site)@\(version) to live?"
        case .rollback(let site, let from):
            if let from { "Roll back \(site) from v\(from) to the previous live version?" }
            else { "Roll back \(site) to the previous live version?" }
        case .setEnabled(let site, let enabled):
            enabled ? "Enable \(site)? Its live version is served again." : "Disable \(site)? It stops being served."
        case .cancelJob(let id, let site):
            "Cancel job #\(id) of \(site)?"
        case .revokeToken(let id, let name):
            "Revoke token #\(id) (\(name))? Scripts using it stop working."
        case .logout(let context):
            "Log out of context \(context)? The TUI ends."
        case .retryJob(let request, let site, let job):
            "Send the message of request #\(request) (job #\(job)) to \(site) again? It makes a new request."
        }
    }

    /// The effect performed on "y".
    package var effect: Effect {
        switch self {
        case .deploy(let site, let version): .deploy(site: site, version: version)
        case .rollback(let site, _): .rollback(site: site)
        case .setEnabled(let site, let enabled): .setEnabled(site: site, enabled: enabled)
        case .cancelJob(let id, _): .cancelJob(id: id)
        case .revokeToken(let id, _): .revokeToken(id: id)
        case .logout: .logout
        case .retryJob(let request, let site, _): .retryJob(requestID: request, site: site)
        }
    }
}
