/// A mutating action waiting for y/n.
package enum Confirmation: Equatable, Sendable {
    case deploy(site: String, version: Int)
    case rollback(site: String, fromVersion: Int?)

    /// The question shown in the dialog.
    package var prompt: String {
        switch self {
        case .deploy(let site, let version):
            "Deploy \(site)@\(version) to live?"
        case .rollback(let site, let from):
            if let from { "Roll back \(site) from v\(from) to the previous live version?" }
            else { "Roll back \(site) to the previous live version?" }
        }
    }

    /// The effect performed on "y".
    package var effect: Effect {
        switch self {
        case .deploy(let site, let version): .deploy(site: site, version: version)
        case .rollback(let site, _): .rollback(site: site)
        }
    }
}
