package import Foundation
package import SiteAPI

/// What comes back into the state machine: results of effects and events from the daemon.
package enum Feedback: Sendable {
    case sitesLoaded([Site])
    case versionsLoaded(site: String, versions: [Version])
    case requestUpdated(BuildRequest)
    case pointerMoved(PointerMove, rollback: Bool)
    /// An effect failed; `message` is safe to show. `unreachable` when the daemon could not be reached at all.
    case failed(Effect, message: String, unreachable: Bool = false)
    /// A live event (`job.log`, `request.state`, `version.created`, …).
    case event(Event)
    /// The event stream is open: the daemon is listening and events from now on arrive.
    case connected
    /// The event stream ended or could not open at `time`; `signedOut` when the session was refused, which
    /// retrying cannot fix.
    case disconnected(at: Date, reason: String, signedOut: Bool = false)
}
