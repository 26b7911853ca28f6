import SiteAPI

/// Key handling: the key map of every view, in order of precedence (help, confirmation, versions modal, route).
extension AppState {
    /// Handles one key press and returns the effects it asks for.
    package mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if key == .control("c") { return quit() }
        if showHelp {
            showHelp = false
            return []
        }
        if versions?.confirmation != nil { return handleConfirmation(key) }
        if versions != nil { return handleVersions(key) }
        switch route {
        case .dashboard: return handleDashboard(key)
        case .chat(let site): return handleChat(key, site: site)
        }
    }

    private mutating func quit() -> [Effect] {
        isQuitting = true
        return [.quit]
    }

    private mutating func handleDashboard(_ key: Key) -> [Effect] {
        status = nil
        switch key {
        case .character("q"): return quit()
        case .character("?"): showHelp = true
        case .character("j"), .down: selectedSite = min(selectedSite + 1, max(0, sites.count - 1))
        case .character("k"), .up: selectedSite = max(selectedSite - 1, 0)
        case .character("g"), .home: selectedSite = 0
        case .character("G"), .end: selectedSite = max(0, sites.count - 1)
        case .character("r"): return [.loadSites]
        case .enter, .character("c"), .character("l"), .right:
            guard let site = selected else { break }
            route = .chat(site: site.name)
            withChat(site.name) { _ in }
        case .character("v"):
            guard let site = selected else { break }
            return openVersions(site.name)
        default: break
        }
        return []
    }

    private mutating func openVersions(_ site: String) -> [Effect] {
        versions = VersionsModal(site: site)
        return [.loadVersions(site: site)]
    }

    private mutating func handleVersions(_ key: Key) -> [Effect] {
        guard var modal = versions else { return [] }
        status = nil
        defer { if versions != nil { versions = modal } }
        switch key {
        case .escape, .character("q"), .character("h"), .left:
            versions = nil
        case .character("?"): showHelp = true
        case .character("j"), .down: modal.selected = min(modal.selected + 1, max(0, modal.versions.count - 1))
        case .character("k"), .up: modal.selected = max(modal.selected - 1, 0)
        case .character("g"), .home: modal.selected = 0
        case .character("G"), .end: modal.selected = max(0, modal.versions.count - 1)
        case .character("r"):
            modal.isLoading = true
            return [.loadVersions(site: modal.site)]
        case .character("d"), .enter:
            guard !readonly else {
                refuseReadonly("deploy")
                break
            }
            guard let version = modal.selectedVersion else { break }
            if version.isLive {
                status = StatusMessage("\(modal.site)@\(version.number) is already live")
            } else {
                modal.confirmation = .deploy(site: modal.site, version: version.number)
            }
        case .character("b"):
            guard !readonly else {
                refuseReadonly("rollback")
                break
            }
            let live = modal.versions.first { $0.isLive }?.number ?? site(named: modal.site)?.liveVersion
            modal.confirmation = .rollback(site: modal.site, fromVersion: live)
        default: break
        }
        return []
    }

    private mutating func handleConfirmation(_ key: Key) -> [Effect] {
        guard var modal = versions, let confirmation = modal.confirmation else { return [] }
        switch key {
        case .character("y"), .character("Y"):
            modal.confirmation = nil
            versions = modal
            status = StatusMessage("Working…")
            return [confirmation.effect]
        case .character("n"), .character("N"), .escape, .character("q"):
            modal.confirmation = nil
            versions = modal
            status = StatusMessage("Cancelled")
        default: break
        }
        return []
    }
}
