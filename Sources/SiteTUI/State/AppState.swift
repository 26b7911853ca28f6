package import SiteAPI

/// Everything the TUI shows, as a value. Keys go in through ``handle(_:)``, results and daemon events through
/// ``apply(_:)``; both return the ``Effect``s to perform. No I/O happens here, so every interaction is testable
/// without a terminal.
package struct AppState: Equatable, Sendable {
    /// Mutating keys (send, answer, deploy, roll back) are refused with a message.
    package let readonly: Bool
    /// Shown in the header: which daemon this is.
    package var contextName: String
    package var host: String

    package var sites: [Site] = []
    /// The highlighted site, by name (an index would point at another site after a reload or a filter change).
    package var selectedName: String?
    package var sitesLoaded = false
    /// Narrows the dashboard to sites whose name contains it (case-insensitive).
    package var filter = ""
    package var route: Route = .dashboard
    package var chats: [String: ChatSession] = [:]
    /// Questions and jobs per site, for the dashboard's markers.
    package var activity: [String: SiteActivity] = [:]
    package var versions: VersionsModal?
    package var diff: DiffModal?
    package var jobs = JobsPane()
    package var account = AccountPane()
    package var daemon = DaemonPane()
    /// The bottom input line, when open.
    package var prompt: Prompt?
    /// A mutating action waiting for y/n.
    package var confirmation: Confirmation?
    package var showHelp = false {
        didSet { if !showHelp { helpScroll = 0 } }
    }
    /// Lines the help overlay is scrolled down.
    package var helpScroll = 0
    package var status: StatusMessage?
    /// Whether the daemon's events are flowing.
    package var connection = ConnectionState.connecting
    package var isQuitting = false
    /// Printed after the TUI ends (for example after logging out).
    package var exitNote: String?

    package init(readonly: Bool = false, contextName: String = "local", host: String = "") {
        self.readonly = readonly
        self.contextName = contextName
        self.host = host
    }

    /// The effects to perform when the TUI starts.
    package func start() -> [Effect] { [.loadSites, .loadActivity] }

    /// The sites the dashboard shows: all, or those matching the filter.
    package var visibleSites: [Site] {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return sites }
        return sites.filter { $0.name.lowercased().contains(needle) }
    }

    /// The highlighted row of the dashboard (0 when nothing is selected).
    package var selectedSite: Int {
        visibleSites.firstIndex { $0.name == selectedName } ?? 0
    }

    /// The site highlighted on the dashboard.
    package var selected: Site? {
        let list = visibleSites
        return list.first { $0.name == selectedName } ?? list.first
    }

    /// The site whose chat pane is open.
    package var chatSite: String? {
        if case .chat(let site) = route { return site }
        return nil
    }

    /// The open chat pane's session.
    package var chat: ChatSession? { chatSite.flatMap { chats[$0] } }

    /// The site named `name`, if loaded.
    package func site(named name: String) -> Site? { sites.first { $0.name == name } }

    mutating func refuseReadonly(_ action: String) {
        status = StatusMessage("Read-only: \(action) is disabled (started with --readonly)", kind: .error)
    }

    /// Moves the dashboard selection by `offset` rows within the visible sites.
    mutating func moveSelection(by offset: Int) {
        let list = visibleSites
        guard !list.isEmpty else { return }
        selectedName = list[min(max(0, selectedSite + offset), list.count - 1)].name
    }

    /// Opens a site's chat pane, loading its history the first time.
    mutating func openChat(_ site: String) -> [Effect] {
        route = .chat(site: site)
        versions = nil
        diff = nil
        var effects: [Effect] = []
        withChat(site) { session in
            if !session.historyRequested {
                session.historyRequested = true
                effects.append(.loadChatHistory(site: site))
            }
        }
        return effects
    }

    mutating func openVersions(_ site: String) -> [Effect] {
        versions = VersionsModal(site: site)
        return [.loadVersions(site: site)]
    }

    mutating func withChat(_ site: String, _ body: (inout ChatSession) -> Void) {
        var session = chats[site] ?? ChatSession(site: site)
        body(&session)
        chats[site] = session
    }
}

import Foundation
