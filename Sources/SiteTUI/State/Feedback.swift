package import Foundation
package import SiteAPI

/// What comes back into the state machine: results of effects and events from the daemon.
package enum Feedback: Sendable {
    case sitesLoaded([Site])
    case versionsLoaded(site: String, versions: [Version])
    case requestUpdated(BuildRequest)
    case pointerMoved(PointerMove, rollback: Bool)
    case activityLoaded(requests: [BuildRequest], jobs: [Job])
    /// A site's recent requests, newest first.
    case chatHistoryLoaded(site: String, requests: [BuildRequest])
    case jobsLoaded([Job])
    case jobLogLoaded(id: Int64, lines: [LogLine])
    case jobUpdated(Job)
    case siteCreated(Site)
    case siteDeleted(String)
    case siteUpdated(Site)
    case diffLoaded(VersionDiff, site: String)
    case previewed(PreviewResult)
    case accountLoaded(AccountInfo)
    case tokenRevoked(id: Int64)
    case loggedOut
    case daemonStatusLoaded(DaemonStatus, at: Date)
    /// Another context answered; the runner has already switched its backend to it.
    case contextConnected(name: String, host: String)
    case contextsListed([String], current: String)
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
