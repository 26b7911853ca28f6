import SiteAPI

/// Folding results and daemon events into the state.
extension AppState {
    /// Applies a result or an event and returns follow-up effects (for example re-fetching a request whose state
    /// changed, or reloading versions after a deploy).
    @discardableResult
    package mutating func apply(_ feedback: Feedback) -> [Effect] {
        switch feedback {
        case .sitesLoaded(let list):
            let keep = selected?.name
            sites = list.sorted { $0.name < $1.name }
            selectedSite = keep.flatMap { name in sites.firstIndex { $0.name == name } } ?? min(selectedSite, max(0, sites.count - 1))
            sitesLoaded = true
        case .versionsLoaded(let site, let list):
            if versions?.site == site { versions?.load(list) }
        case .requestUpdated(let request):
            withChat(request.site) { session in
                session.isSending = false
                session.update(request)
            }
        case .pointerMoved(let move, let rollback):
            let verb = rollback ? "Rolled back" : "Deployed"
            let from = move.from.map { "v\($0) → " } ?? ""
            status = StatusMessage("\(verb) \(move.site): \(move.pointer) \(from)v\(move.to)", kind: .success)
            return refreshAfterChange(site: move.site)
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
        case .loadSites, .fetchRequest:
            // Reloads: the banner already says the daemon is away, and the last data stays on screen.
            if unreachable || connection.downSince != nil { return [] }
        default:
            break
        }
        status = StatusMessage(message, kind: .error)
        return []
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event.kind {
        case .jobLog:
            guard let line = event.line, chats[event.site] != nil else { return [] }
            withChat(event.site) { $0.appendLog(line, requestID: event.requestId) }
        case .jobState:
            guard let session = chats[event.site], session.follows(requestID: event.requestId, jobID: event.jobId)
            else { return [] }
            if let job = event.jobId { withChat(event.site) { $0.follow(jobID: job) } }
            let requestID = event.requestId ?? session.activeRequest?.id
            if let requestID { return [.fetchRequest(id: requestID)] }
        case .requestState:
            guard let id = event.requestId, chats[event.site]?.follows(requestID: id, jobID: nil) == true else { return [] }
            return [.fetchRequest(id: id)]
        case .versionCreated, .siteDeployed, .sitePreviewed, .siteUpdated:
            return refreshAfterChange(site: event.site)
        }
        return []
    }

    private func refreshAfterChange(site: String) -> [Effect] {
        var effects: [Effect] = [.loadSites]
        if versions?.site == site { effects.append(.loadVersions(site: site)) }
        return effects
    }
}
