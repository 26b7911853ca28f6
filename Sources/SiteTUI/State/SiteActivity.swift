package import SiteAPI

/// What is going on at a site, whoever started it (this TUI, the CLI, a script): questions waiting for an answer,
/// jobs queued or running, and whether the last finished job failed. The dashboard shows it as a marker.
package struct SiteActivity: Equatable, Sendable {
    /// Requests in `needs_input`.
    package var questions: Set<Int64> = []
    package var queued: Set<Int64> = []
    package var running: Set<Int64> = []
    /// The newest finished job's id and state.
    package var lastFinished: (id: Int64, state: JobState)?

    package init() {}

    package static func == (a: SiteActivity, b: SiteActivity) -> Bool {
        a.questions == b.questions && a.queued == b.queued && a.running == b.running
            && a.lastFinished?.id == b.lastFinished?.id && a.lastFinished?.state == b.lastFinished?.state
    }

    /// The one thing worth showing, most urgent first.
    package var marker: Marker? {
        if !questions.isEmpty { return .question }
        if !running.isEmpty { return .running }
        if !queued.isEmpty { return .queued }
        if let last = lastFinished, last.state == .failed { return .failed }
        return nil
    }

    package enum Marker: Equatable, Sendable {
        case question, running, queued, failed

        /// A glyph and a word, such as `? question`.
        package var label: String {
            switch self {
            case .question: "? question"
            case .running: "▶ building"
            case .queued: "… queued"
            case .failed: "✗ failed"
            }
        }
    }

    /// Folds a request's new state in.
    package mutating func request(_ id: Int64, state: RequestState) {
        if state == .needsInput { questions.insert(id) } else { questions.remove(id) }
    }

    /// Folds a job's new state in.
    package mutating func job(_ id: Int64, state: JobState) {
        queued.remove(id)
        running.remove(id)
        switch state {
        case .queued: queued.insert(id)
        case .running: running.insert(id)
        case .succeeded, .failed, .cancelled:
            if id >= (lastFinished?.id ?? 0) { lastFinished = (id, state) }
        }
    }

    /// Activity of every site from the request and job lists (newest first, as the daemon returns them).
    package static func from(requests: [BuildRequest], jobs: [Job]) -> [String: SiteActivity] {
        var result: [String: SiteActivity] = [:]
        for request in requests where request.state == .needsInput { result[request.site, default: SiteActivity()].request(request.id, state: request.state) }
        for job in jobs.sorted(by: { $0.id < $1.id }) { result[job.site, default: SiteActivity()].job(job.id, state: job.state) }
        return result
    }
}
