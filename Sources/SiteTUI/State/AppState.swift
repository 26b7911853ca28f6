package import SiteAPI

/// Everything the TUI shows, as a value. Keys go in through ``handle(_:)``, results and daemon events through
/// ``apply(_:)``; both return the ``Effect``s to perform. No I/O happens here, so every interaction is testable
/// without a terminal.
package struct AppState: Equatable, Sendable {
    /// Mutating keys (send, answer, deploy, roll back) are refused with a message.
    package let readonly: Bool
    /// Shown in the header: which daemon this is.
    package let contextName: String
    package let host: String

    package var sites: [Site] = []
    package var selectedSite = 0
    package var sitesLoaded = false
    package var route: Route = .dashboard
    package var chats: [String: ChatSession] = [:]
    package var versions: VersionsModal?
    package var showHelp = false
    package var status: StatusMessage?
    /// Whether the daemon's events are flowing.
    package var connection = ConnectionState.connecting
    package var isQuitting = false

    package init(readonly: Bool = false, contextName: String = "local", host: String = "") {
        self.readonly = readonly
        self.contextName = contextName
        self.host = host
    }

    /// The effects to perform when the TUI starts.
    package func start() -> [Effect] { [.loadSites] }

    /// The site highlighted on the dashboard.
    package var selected: Site? { sites.indices.contains(selectedSite) ? sites[selectedSite] : nil }

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

    mutating func withChat(_ site: String, _ body: (inout ChatSession) -> Void) {
        var session = chats[site] ?? ChatSession(site: site)
        body(&session)
        chats[site] = session
    }
}
