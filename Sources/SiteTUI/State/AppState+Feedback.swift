import SiteAPI

/// Folding results and daemon events into the state.
extension AppState {
    /// Applies a result or an event and returns follow-up effects (for example re-fetching a request whose state
    /// changed, or reloading versions after a deploy).
    @discardableResult
    package mutating func apply(_ feedback: Feedback) -> [Effect] {
        switch feedback {
        case .sitesLoaded(let list):
            sites = list.sorted { $0.name < $1.name }
            if selectedName == nil || site(named: selectedName ?? "") == nil {
                let index = min(selectedSite, max(0, visibleSites.count - 1))
                selectedName = visibleSites.indices.contains(index) ? visibleSites[index].name : nil
            }
            sitesLoaded = true
        case .versionsLoaded(let site, let list):
            guard versions?.site == site else { return [] }
            versions?.load(list)
            if let number = versions?.pendingDiff, let modal = versions {
                versions?.pendingDiff = nil
                if let index = modal.versions.firstIndex(where: { $0.number == number }) {
                    versions?.selected = index
                    return openDiff(site: site, version: modal.versions[index], among: modal.versions)
                }
                status = StatusMessage("\(site)@\(number) not found", kind: .error)
            }
        case .requestUpdated(let request):
            activity[request.site, default: SiteActivity()].request(request.id, state: request.state)
            guard chats[request.site] != nil else { return [] }
            withChat(request.site) { session in
                session.update(request)
                session.isSending = false
            }
        case .pointerMoved(let move, let rollback):
            let verb = rollback ? "Rolled back" : "Deployed"
            let from = move.from.map { "v\($0) → " } ?? ""
            status = StatusMessage("\(verb) \(move.site): \(move.pointer) \(from)v\(move.to)", kind: .success)
            return refreshAfterChange(site: move.site)
        case .activityLoaded(let requests, let jobs):
            activity = SiteActivity.from(requests: requests, jobs: jobs)
        case .chatHistoryLoaded(let site, let requests):
            var effects: [Effect] = []
            withChat(site) { session in
                session.loadHistory(requests)
                // A request still moving may have changed since the list was read.
                if let active = session.activeRequest, !active.state.isTerminal, active.state != .needsInput {
                    effects.append(.fetchRequest(id: active.id))
                }
            }
            return effects
        case .jobsLoaded(let list):
            let before = jobs.selectedJobID
            jobs.load(list)
            if let id = jobs.selectedJobID, id != before || jobs.log.isEmpty { return [.loadJobLog(id: id, after: jobs.lastSeq)] }
        case .jobLogLoaded(let id, let lines):
            if jobs.selectedJobID == id { jobs.merge(lines) }
        case .jobUpdated(let job):
            jobs.upsert(job)
            activity[job.site, default: SiteActivity()].job(job.id, state: job.state)
            // A running job stops at its next step: say so rather than "running".
            status = job.state.isTerminal
                ? StatusMessage("Job #\(job.id) \(job.state.rawValue)", kind: .success)
                : StatusMessage("Cancelling job #\(job.id)…")
        case .siteCreated(let site):
            status = StatusMessage("Created \(site.name): Enter opens its chat", kind: .success)
            selectedName = site.name
            filter = ""
            route = .dashboard
            return [.loadSites]
        case .siteDeleted(let name):
            status = StatusMessage("Deleted \(name)", kind: .success)
            sites.removeAll { $0.name == name }
            chats[name] = nil
            if selectedName == name { selectedName = visibleSites.first?.name }
            return [.loadSites]
        case .siteUpdated(let updated):
            status = StatusMessage("\(updated.name) is \(updated.status.rawValue)", kind: .success)
            return [.loadSites]
        case .diffLoaded(let result, let site):
            if diff?.site == site, diff?.from == result.from, diff?.to == result.to { diff?.diff = result }
        case .previewed(let result):
            var text = "Preview of \(result.move.site) is v\(result.move.to): \(result.url)"
            if let note = result.note { text += " (\(note))" }
            status = StatusMessage(text, kind: .success)
            return refreshAfterChange(site: result.move.site)
        case .accountLoaded(let info):
            account.info = info
            account.loadError = nil
            if !info.tokens.contains(where: { $0.id == account.selectedTokenID }) { account.selectedTokenID = info.tokens.first?.id }
        case .tokenRevoked(let id):
            status = StatusMessage("Revoked token #\(id)", kind: .success)
            return [.loadAccount]
        case .loggedOut:
            exitNote = "Logged out of context \(contextName)."
            return quit()
        case .daemonStatusLoaded(let status, let time):
            daemon.status = status
            daemon.loadError = nil
            daemon.loadedAt = time
        case .contextConnected(let name, let host):
            // Everything shown belonged to the other daemon.
            var fresh = AppState(readonly: readonly, contextName: name, host: host)
            fresh.status = StatusMessage("Switched to context \(name) (\(host)) for this session", kind: .success)
            self = fresh
            return start()
        case .contextsListed(let names, let current):
            let list = names.map { $0 == contextName ? "\($0) (shown)" : $0 }.joined(separator: ", ")
            status = StatusMessage("Contexts: \(list); started on \(current). :context NAME switches", kind: .info)
        case .failed(let effect, let message, let unreachable):
            return fail(effect, message: message, unreachable: unreachable)
        case .event(let event):
            return apply(event)
        case .connected:
            return connected()
        case .disconnected(let time, let reason, let signedOut):
            disconnected(at: time, reason: reason, signedOut: signedOut)
        }
        return []
    }

    private mutating func fail(_ effect: Effect, message: String, unreachable: Bool) -> [Effect] {
        let quiet = unreachable || connection.downSince != nil
        switch effect {
        case .chat(let site, _):
            withChat(site) { session in
                session.isSending = false
                session.entries.append(.error(message))
            }
        case .answer(let id, _):
            if let site = chats.values.first(where: { $0.activeRequest?.id == id })?.site {
                withChat(site) { session in
                    session.isSending = false
                    session.entries.append(.error(message))
                }
            }
        case .loadVersions(let site):
            if versions?.site == site {
                versions?.isLoading = false
                versions?.loadError = message
            }
        case .loadDiff:
            diff?.loadError = message
        case .loadJobs:
            jobs.isLoading = false
            jobs.loadError = message
            if quiet { return [] }
        case .loadAccount:
            account.loadError = message
            if quiet { return [] }
        case .loadDaemonStatus:
            daemon.loadError = message
            if quiet { return [] }
        case .loadChatHistory(let site):
            withChat(site) { $0.historyRequested = false }  // asked again on the next open or reconnect
            if quiet { return [] }
        case .loadSites, .fetchRequest, .loadActivity, .loadJobLog:
            // Reloads: the banner already says the daemon is away, and the last data stays on screen.
            if quiet { return [] }
        default:
            break
        }
        status = StatusMessage(message, kind: .error)
        return []
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event.kind {
        case .jobLog:
            guard let line = event.line else { return [] }
            var effects: [Effect] = []
            if route == .jobs, jobs.selectedJobID == line.jobId, let after = jobs.merge([line]) {
                effects.append(.loadJobLog(id: line.jobId, after: after))  // lines were dropped on the way
            }
            if chats[event.site] != nil { withChat(event.site) { $0.appendLog(line, requestID: event.requestId) } }
            return effects
        case .jobState:
            var effects: [Effect] = []
            if let id = event.jobId, let state = event.state.flatMap(JobState.init(rawValue:)) {
                activity[event.site, default: SiteActivity()].job(id, state: state)
                if route == .jobs {
                    if let index = jobs.jobs.firstIndex(where: { $0.id == id }) { jobs.jobs[index].state = state }
                    effects.append(.loadJobs)  // new jobs, versions and errors
                }
            }
            guard let session = chats[event.site], session.follows(requestID: event.requestId, jobID: event.jobId)
            else { return effects }
            if let job = event.jobId { withChat(event.site) { $0.follow(jobID: job) } }
            if let requestID = event.requestId ?? session.activeRequest?.id { effects.append(.fetchRequest(id: requestID)) }
            return effects
        case .requestState:
            guard let id = event.requestId else { return [] }
            if let state = event.state.flatMap(RequestState.init(rawValue:)) {
                activity[event.site, default: SiteActivity()].request(id, state: state)
            }
            // Followed requests, and in an open chat also requests sent from elsewhere (the CLI, another TUI).
            guard let session = chats[event.site], session.follows(requestID: id, jobID: nil) || session.historyLoaded
            else { return [] }
            return [.fetchRequest(id: id)]
        case .versionCreated, .siteDeployed, .sitePreviewed, .siteUpdated:
            return refreshAfterChange(site: event.site)
        case .siteDeleted:
            // Deleted elsewhere (the CLI, another TUI): the site and anything open on it go.
            sites.removeAll { $0.name == event.site }
            activity[event.site] = nil
            if versions?.site == event.site { versions = nil }
            if diff?.site == event.site { diff = nil }
            if chatSite == event.site {
                route = .dashboard
                status = StatusMessage("\(event.site) was deleted", kind: .error)
            }
            chats[event.site] = nil
            if selectedName == event.site { selectedName = visibleSites.first?.name }
            return [.loadSites]
        }
    }

    private func refreshAfterChange(site: String) -> [Effect] {
        var effects: [Effect] = [.loadSites]
        if versions?.site == site { effects.append(.loadVersions(site: site)) }
        return effects
    }
}
