package import Foundation
package import SiteAPI

/// The jobs view: every site's jobs (newest first), an optional state filter, the selected job and its log.
package struct JobsPane: Equatable, Sendable {
    package var jobs: [Job] = []
    package var isLoading = true
    package var loadError: String?
    package var stateFilter: JobState?
    package var siteFilter: String?
    package var selectedJobID: Int64?
    /// The selected job's log, ordered by seq without duplicates.
    package var log: [LogLine] = []
    /// The log pane sticks to the newest line.
    package var follow = true {
        didSet { pausedAt = follow ? nil : (pausedAt ?? log.count) }
    }
    /// While not following: how many log lines there were when the pane stopped, so new ones do not scroll it.
    package var pausedAt: Int?
    package var scrollBack = 0
    /// Lines kept per job; older ones are dropped.
    package static let logLimit = 5_000

    package init(state: JobState? = nil, site: String? = nil) {
        stateFilter = state
        siteFilter = site
    }

    package var visibleJobs: [Job] {
        jobs.filter { (stateFilter == nil || $0.state == stateFilter) && (siteFilter == nil || $0.site == siteFilter) }
    }

    package var selectedIndex: Int? { visibleJobs.firstIndex { $0.id == selectedJobID } }
    package var selectedJob: Job? { visibleJobs.first { $0.id == selectedJobID } }

    /// The last seq held for the selected job.
    package var lastSeq: Int { log.last?.seq ?? 0 }

    /// Replaces the list, keeping the same job selected when it is still shown.
    package mutating func load(_ list: [Job]) {
        jobs = list.sorted { $0.id > $1.id }
        isLoading = false
        loadError = nil
        if selectedJob == nil { selectedJobID = visibleJobs.first?.id }
    }

    /// Inserts or updates one job.
    package mutating func upsert(_ job: Job) {
        if let index = jobs.firstIndex(where: { $0.id == job.id }) { jobs[index] = job } else {
            jobs.insert(job, at: 0)
            jobs.sort { $0.id > $1.id }
        }
        if selectedJob == nil { selectedJobID = visibleJobs.first?.id }
    }

    /// Merges log lines by seq (a refetch after a gap and live lines may overlap or arrive out of order).
    /// Returns the seq to refetch after when a gap shows that lines were missed.
    @discardableResult
    package mutating func merge(_ lines: [LogLine]) -> Int? {
        guard let id = selectedJobID else { return nil }
        let before = lastSeq
        // The common case, a live line right after the last one: append (a 20,000-line log must not re-sort).
        if lines.count == 1, let line = lines.first, line.jobId == id, line.seq == before + 1 {
            log.append(line)
            if log.count > Self.logLimit { log.removeFirst(log.count - Self.logLimit) }
            if let anchor = pausedAt { pausedAt = min(anchor, log.count) }
            return nil
        }
        var seen = Set(log.map(\.seq))
        for line in lines where line.jobId == id && !seen.contains(line.seq) {
            seen.insert(line.seq)
            log.append(line)
        }
        log.sort { $0.seq < $1.seq }
        if log.count > Self.logLimit { log.removeFirst(log.count - Self.logLimit) }
        // A live line far past what was held: lines in between were dropped on the way.
        if lines.count == 1, let seq = lines.first?.seq, seq > before + 1, before > 0 || seq > 1 { return before }
        return nil
    }

    /// Moves the selection by `offset` rows within the visible jobs.
    package mutating func move(by offset: Int) {
        let list = visibleJobs
        guard !list.isEmpty else { return }
        let index = min(max(0, (selectedIndex ?? 0) + offset), list.count - 1)
        select(list[index].id)
    }

    /// Selects a job and clears the log of the previous one.
    package mutating func select(_ id: Int64?) {
        guard id != selectedJobID else { return }
        selectedJobID = id
        log = []
        scrollBack = 0
        follow = true
        pausedAt = nil
    }
}

/// A version's diff over the versions modal.
package struct DiffModal: Equatable, Sendable {
    package var site: String
    package var from: Int
    package var to: Int
    package var diff: VersionDiff?
    package var loadError: String?
    package var scroll = 0

    package init(site: String, from: Int, to: Int) {
        self.site = site
        self.from = from
        self.to = to
    }
}

/// The account view: who is signed in, and the API tokens.
package struct AccountPane: Equatable, Sendable {
    package var info: AccountInfo?
    package var loadError: String?
    package var selectedTokenID: Int64?

    package init() {}

    package mutating func move(by offset: Int) {
        guard let tokens = info?.tokens, !tokens.isEmpty else { return }
        let index = tokens.firstIndex { $0.id == selectedTokenID } ?? 0
        selectedTokenID = tokens[min(max(0, index + offset), tokens.count - 1)].id
    }
}

/// The daemon view: its status as last read.
package struct DaemonPane: Equatable, Sendable {
    package var status: DaemonStatus?
    package var loadError: String?
    package var loadedAt: Date?

    package init() {}
}
