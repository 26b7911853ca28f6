import SiteAPI

/// The jobs view and the account view.
extension AppState {
    mutating func handleJobs(_ key: Key) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: .jobs) else { return [] }
        guard guardReadonly(action, in: .jobs, "changing jobs") else { return [] }
        status = nil
        let before = jobs.selectedJobID
        switch action {
        case .down: jobs.move(by: 1)
        case .up: jobs.move(by: -1)
        case .first: jobs.select(jobs.visibleJobs.first?.id)
        case .last: jobs.select(jobs.visibleJobs.last?.id)
        case .pageUp:
            jobs.follow = false
            jobs.scrollBack += Self.chatPageSize
        case .pageDown:
            jobs.scrollBack = max(0, jobs.scrollBack - Self.chatPageSize)
            if jobs.scrollBack == 0, jobs.pausedAt == jobs.log.count { jobs.follow = true }
        case .cycleState:
            let order: [JobState?] = [nil, .queued, .running, .failed, .succeeded, .cancelled]
            let index = order.firstIndex { $0 == jobs.stateFilter } ?? 0
            jobs.stateFilter = order[(index + 1) % order.count]
            if jobs.selectedJob == nil { jobs.select(jobs.visibleJobs.first?.id) }
            status = StatusMessage("Showing \(jobs.stateFilter?.rawValue ?? "all") jobs")
        case .toggleFollow:
            jobs.follow.toggle()
            if jobs.follow { jobs.scrollBack = 0 }
        case .cancelJob:
            guard let job = jobs.selectedJob else { break }
            guard !job.state.isTerminal else {
                status = StatusMessage("Job #\(job.id) already \(job.state.rawValue)")
                break
            }
            confirmation = .cancelJob(id: job.id, site: job.site)
        case .retryJob:
            guard let job = jobs.selectedJob, let request = job.requestId else {
                status = StatusMessage("Only jobs made by a chat request can be retried")
                break
            }
            confirmation = .retryJob(requestID: request, site: job.site, jobID: job.id)
        case .openChat:
            guard let job = jobs.selectedJob else { break }
            return openChat(job.site)
        default: return handleList(key, scope: .jobs)
        }
        if jobs.selectedJobID != before, let id = jobs.selectedJobID { return [.loadJobLog(id: id, after: 0)] }
        return []
    }

    mutating func handleAccount(_ key: Key) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: .account) else { return [] }
        status = nil
        switch action {
        case .down: account.move(by: 1)
        case .up: account.move(by: -1)
        case .revokeToken:
            guard guardReadonly(action, in: .account, "revoking tokens") else { break }
            guard let token = account.info?.tokens.first(where: { $0.id == account.selectedTokenID }) else {
                status = StatusMessage("No token selected")
                break
            }
            confirmation = .revokeToken(id: token.id, name: token.name)
        case .logout:
            guard guardReadonly(action, in: .account, "logging out") else { break }
            confirmation = .logout(context: contextName)
        default: return handleList(key, scope: .account)
        }
        return []
    }
}
