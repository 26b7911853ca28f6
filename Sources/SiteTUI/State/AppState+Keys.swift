import SiteAPI

/// Key handling, in order of precedence: help overlay, confirmation, the input line, the diff and versions
/// modals, then the route's view. Every key goes through ``KeyMap`` except typing into an input line.
extension AppState {
    /// Handles one key press and returns the effects it asks for.
    package mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if key == .control("c") { return quit() }
        if case .mouse(let event) = key { return handle(mouse: event, target: nil) }
        if case .paste = key, prompt == nil, chatSite == nil || versions != nil || diff != nil || confirmation != nil || showHelp {
            return []  // pasted text means nothing outside an input line
        }
        // Esc then a key read in one go arrives as Alt-key. Only an input line has Alt bindings (Alt-B/F, words);
        // anywhere else it is the two keys the user pressed.
        if case .alt(let character) = key {
            let editing = prompt != nil || (chatSite != nil && versions == nil && diff == nil && confirmation == nil && !showHelp)
            if !(editing && (character == "b" || character == "f")) {
                return handle(.escape) + handle(.character(character))
            }
        }
        if showHelp {
            switch key {
            case .character("j"), .down, .right, .pageDown, .character(" "): helpScroll = min(helpScroll + 1, 20)
            case .character("k"), .up, .left, .pageUp: helpScroll = max(0, helpScroll - 1)
            default: showHelp = false
            }
            return []
        }
        if confirmation != nil { return handleConfirmation(key) }
        if prompt != nil { return handlePrompt(key) }
        if diff != nil { return handleDiff(key) }
        if versions != nil { return handleVersions(key) }
        switch route {
        case .dashboard: return handleDashboard(key)
        case .chat(let site): return handleChat(key, site: site)
        case .jobs: return handleJobs(key)
        case .account: return handleAccount(key)
        case .daemon: return handleList(key, scope: .lists)
        }
    }

    mutating func quit() -> [Effect] {
        isQuitting = true
        return [.quit]
    }

    /// Runs `action` unless it changes something and the TUI is read-only.
    mutating func guardReadonly(_ action: KeyAction, in scope: KeyScope, _ what: String) -> Bool {
        guard readonly, KeyMap.isMutating(action, in: scope) else { return true }
        refuseReadonly(what)
        return false
    }

    /// Keys every list view shares: help, command line, switching views, quitting.
    mutating func handleList(_ key: Key, scope: KeyScope) -> [Effect] {
        status = nil
        switch KeyMap.action(for: key, in: scope) {
        case .help?: showHelp = true
        case .palette?: prompt = Prompt(.command)
        case .showSites?: route = .dashboard
        case .showJobs?: return showJobs()
        case .showAccount?: return showAccount()
        case .showDaemon?: return showDaemon()
        case .quit?: if route == .dashboard { return quit() } else { route = .dashboard }
        case .back?: if route != .dashboard { route = .dashboard }
        case .refresh?:
            switch route {
            case .jobs: return [.loadJobs]
            case .account: return [.loadAccount]
            case .daemon: return [.loadDaemonStatus]
            default: return [.loadSites, .loadActivity]
            }
        default: break
        }
        return []
    }

    mutating func showJobs(state: JobState? = nil, site: String? = nil, job: Int64? = nil) -> [Effect] {
        route = .jobs
        if state != nil || site != nil { jobs.stateFilter = state; jobs.siteFilter = site }
        if let job { jobs.select(job) }
        var effects: [Effect] = [.loadJobs]
        if let id = jobs.selectedJobID { effects.append(.loadJobLog(id: id, after: jobs.lastSeq)) }
        return effects
    }

    mutating func showAccount() -> [Effect] {
        route = .account
        return [.loadAccount]
    }

    mutating func showDaemon() -> [Effect] {
        route = .daemon
        return [.loadDaemonStatus]
    }

    private mutating func handleDashboard(_ key: Key) -> [Effect] {
        let action = KeyMap.action(for: key, in: .dashboard)
        if key == .escape, !filter.isEmpty {
            filter = ""
            return []
        }
        guard let action, guardReadonly(action, in: .dashboard, "changing sites") else { return [] }
        status = nil
        switch action {
        case .down: moveSelection(by: 1)
        case .up: moveSelection(by: -1)
        case .pageDown: moveSelection(by: 10)
        case .pageUp: moveSelection(by: -10)
        case .first: selectedName = visibleSites.first?.name
        case .last: selectedName = visibleSites.last?.name
        case .openChat:
            guard let site = selected else { break }
            return openChat(site.name)
        case .openVersions:
            guard let site = selected else { break }
            return openVersions(site.name)
        case .filter: prompt = Prompt(.filter, text: filter)
        case .createSite: prompt = Prompt(.newSite)
        case .deleteSite:
            guard let site = selected else { break }
            prompt = Prompt(.confirmDelete(site: site.name))
        case .toggleEnabled:
            guard let site = selected else { break }
            confirmation = .setEnabled(site: site.name, enabled: site.status != .enabled)
        default: return handleList(key, scope: .dashboard)
        }
        return []
    }

    private mutating func handleVersions(_ key: Key) -> [Effect] {
        guard var modal = versions, let action = KeyMap.action(for: key, in: .versions) else { return [] }
        status = nil
        defer { if versions != nil { versions = modal } }
        switch action {
        case .back, .quit: versions = nil
        case .help: showHelp = true
        case .down: modal.selected = min(modal.selected + 1, max(0, modal.versions.count - 1))
        case .up: modal.selected = max(modal.selected - 1, 0)
        case .pageDown: modal.selected = min(modal.selected + 10, max(0, modal.versions.count - 1))
        case .pageUp: modal.selected = max(modal.selected - 10, 0)
        case .first: modal.selected = 0
        case .last: modal.selected = max(0, modal.versions.count - 1)
        case .refresh:
            modal.isLoading = true
            return [.loadVersions(site: modal.site)]
        case .palette: prompt = Prompt(.command)
        case .deploy:
            guard guardReadonly(action, in: .versions, "deploy"), let version = modal.selectedVersion else { break }
            if version.isLive {
                status = StatusMessage("\(modal.site)@\(version.number) is already live")
            } else {
                confirmation = .deploy(site: modal.site, version: version.number)
            }
        case .rollback:
            guard guardReadonly(action, in: .versions, "rollback") else { break }
            let live = modal.versions.first { $0.isLive }?.number ?? site(named: modal.site)?.liveVersion
            confirmation = .rollback(site: modal.site, fromVersion: live)
        case .diff:
            guard let version = modal.selectedVersion else { break }
            return openDiff(site: modal.site, version: version, among: modal.versions)
        case .preview:
            guard guardReadonly(action, in: .versions, "preview"), let version = modal.selectedVersion else { break }
            status = StatusMessage("Pointing the preview at v\(version.number)…")
            return [.preview(site: modal.site, version: version.number)]
        default: break
        }
        return []
    }

    /// Opens the diff of `version` against the version it was made on (as `sitectl versions diff SITE@V`).
    mutating func openDiff(site: String, version: Version, among list: [Version]) -> [Effect] {
        guard let base = version.diffBase(existing: list.map(\.number)) else {
            status = StatusMessage("\(site)@\(version.number) has no earlier version to compare with")
            return []
        }
        diff = DiffModal(site: site, from: base, to: version.number)
        return [.loadDiff(site: site, from: base, to: version.number)]
    }

    private mutating func handleDiff(_ key: Key) -> [Effect] {
        guard var modal = diff, let action = KeyMap.action(for: key, in: .diff) else { return [] }
        switch action {
        case .back, .quit: diff = nil
        case .help: showHelp = true
        case .palette: prompt = Prompt(.command)
        case .down: modal.scroll += 1
        case .up: modal.scroll = max(0, modal.scroll - 1)
        case .pageDown: modal.scroll += 10
        case .pageUp: modal.scroll = max(0, modal.scroll - 10)
        case .first: modal.scroll = 0
        case .last: modal.scroll = Int.max / 2
        default: break
        }
        if diff != nil { diff = modal }
        return []
    }

    private mutating func handleConfirmation(_ key: Key) -> [Effect] {
        guard let pending = confirmation else { return [] }
        switch key {
        case .character("y"), .character("Y"):
            confirmation = nil
            status = StatusMessage("Working…")
            return [pending.effect]
        case .character("n"), .character("N"), .escape, .character("q"):
            confirmation = nil
            status = StatusMessage("Cancelled")
        default: break
        }
        return []
    }
}
