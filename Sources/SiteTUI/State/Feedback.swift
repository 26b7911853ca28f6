package import SiteAPI

/// What comes back into the state machine: results of effects and events from the daemon.
package enum Feedback: Sendable {
    case sitesLoaded([Site])
    case versionsLoaded(site: String, versions: [Version])
    case requestUpdated(BuildRequest)
    case pointerMoved(PointerMove, rollback: Bool)
    /// An effect failed; `message` is safe to show.
    case failed(Effect, message: String)
    /// A live event (`job.log`, `request.state`, `version.created`, …).
    case event(Event)
    /// The event stream stopped, with the reason when it failed.
    case eventStreamEnded(reason: String?)
}
