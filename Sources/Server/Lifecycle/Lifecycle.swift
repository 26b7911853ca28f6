package import SiteAPI

/// The lifecycle of a build request and its job, as one typed state machine: which event moves which state where.
///
/// Pure and table-driven (see `LifecycleTests`); ``LifecycleStore`` is the only writer, and it applies every change
/// through ``RequestState/after(_:)`` and ``JobState/after(_:)`` inside the transaction that makes it, so no code
/// path can put a request or a job into a state the table does not allow.
package enum RequestEvent: Sendable, Equatable, CustomStringConvertible {
    /// Triage understood the request; a job is queued with it.
    case queuedJob
    /// Triage (or the agent while running) needs an answer first.
    case asked
    /// Understood, nothing to change / outside what a static site can do.
    case closedNoChange, closedUnsupported
    /// Triage or the job failed; the reply says why.
    case failed
    /// A worker claimed the request's job.
    case jobClaimed
    /// The job went back to the queue (shutdown, lost worker).
    case jobRequeued
    /// The job stored the request's version (in the same transaction).
    case versionStored
    /// The user cancelled it (before or while its job ran).
    case cancelled

    package var description: String {
        switch self {
        case .queuedJob: "queued a job"
        case .asked: "asked a question"
        case .closedNoChange: "closed with no change"
        case .closedUnsupported: "closed as unsupported"
        case .failed: "failed"
        case .jobClaimed: "job claimed"
        case .jobRequeued: "job requeued"
        case .versionStored: "version stored"
        case .cancelled: "cancelled"
        }
    }
}

extension RequestState {
    /// The state after `event`, or nil when the event is not allowed in this state. A new request starts in
    /// `needsInput`'s place: triage moves it out the same way an answer does.
    package func after(_ event: RequestEvent) -> RequestState? {
        switch (self, event) {
        case (.needsInput, .queuedJob): .queued
        case (.needsInput, .asked): .needsInput
        case (.needsInput, .closedNoChange): .noChange
        case (.needsInput, .closedUnsupported): .unsupported
        case (.needsInput, .failed): .failed
        case (.needsInput, .cancelled): .cancelled
        case (.queued, .jobClaimed): .running
        case (.queued, .cancelled): .cancelled
        case (.queued, .failed): .failed
        case (.running, .jobRequeued): .queued
        case (.running, .versionStored): .done
        case (.running, .asked): .needsInput
        case (.running, .closedNoChange): .noChange
        case (.running, .closedUnsupported): .unsupported
        case (.running, .failed): .failed
        case (.running, .cancelled): .cancelled
        default: nil
        }
    }
}

/// What happens to a job.
package enum JobEvent: Sendable, Equatable, CustomStringConvertible {
    case claimed, requeued, succeeded, failed, cancelled

    package var description: String {
        switch self {
        case .claimed: "claimed"
        case .requeued: "requeued"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}

extension JobState {
    /// The state after `event`, or nil when the event is not allowed in this state.
    package func after(_ event: JobEvent) -> JobState? {
        switch (self, event) {
        case (.queued, .claimed): .running
        case (.queued, .cancelled): .cancelled
        case (.queued, .failed): .failed
        case (.running, .requeued): .queued
        case (.running, .succeeded): .succeeded
        case (.running, .failed): .failed
        case (.running, .cancelled): .cancelled
        default: nil
        }
    }
}

/// A transition the lifecycle table does not allow (a bug, or a race another writer won): nothing was written.
package struct IllegalTransition: Error, CustomStringConvertible {
    package var subject: String
    package var state: String
    package var event: String
    package var description: String { "\(subject) is \(state); cannot apply '\(event)'" }
}
