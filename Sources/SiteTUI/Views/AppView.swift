import Foundation
import SiteAPI

/// Composes the whole screen from an ``AppState``: header, the current route, footer, then any modal on top.
package struct AppView {
    package var state: AppState
    package var context: RenderContext

    /// Below this size only a "too small" notice is drawn.
    package static let minimumSize = (width: 30, height: 8)

    package init(state: AppState, context: RenderContext = RenderContext()) {
        self.state = state
        self.context = context
    }

    /// Renders into a fresh screen of the given size.
    package func render(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height, colorEnabled: context.colorEnabled)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            screen.put("Terminal too small", row: 0, col: 0, style: .strong)
            screen.put("\(width)x\(height), need \(Self.minimumSize.width)x\(Self.minimumSize.height)", row: 1, col: 0)
            screen.put("ctrl-c quit", row: 2, col: 0, style: CellStyle(dim: true))
            return screen
        }
        let notice = state.connectionBanner(in: context.timeZone)
        HeaderView(state: state, timeZone: context.timeZone).draw(into: &screen, in: Rect(row: 0, col: 0, width: width, height: 1))
        let body = Rect(row: 1, col: 0, width: width, height: height - 3)
        switch state.route {
        case .dashboard:
            DashboardView(sites: state.visibleSites, selected: state.selectedSite, loaded: state.sitesLoaded, notice: notice,
                          activity: state.activity, filter: state.filter, total: state.sites.count)
                .draw(into: &screen, in: body)
        case .chat(let site):
            ChatView(session: state.chats[site] ?? ChatSession(site: site), site: state.site(named: site),
                     readonly: state.readonly, timeZone: context.timeZone, notice: notice)
                .draw(into: &screen, in: body)
        case .jobs:
            JobsView(pane: state.jobs, timeZone: context.timeZone, notice: notice).draw(into: &screen, in: body)
        case .account:
            AccountView(pane: state.account, timeZone: context.timeZone, notice: notice).draw(into: &screen, in: body)
        case .daemon:
            DaemonView(pane: state.daemon, connection: state.connection, timeZone: context.timeZone, notice: notice)
                .draw(into: &screen, in: body)
        }
        FooterView(state: state).draw(into: &screen, in: Rect(row: height - 2, col: 0, width: width, height: 2))
        if let modal = state.versions {
            screen.cursor = nil
            VersionsModalView(modal: modal, timeZone: context.timeZone, notice: notice ?? modal.loadError).draw(into: &screen, in: body)
        }
        if let modal = state.diff {
            screen.cursor = nil
            DiffView(modal: modal).draw(into: &screen, in: body)
        }
        if let confirmation = state.confirmation {
            screen.cursor = nil
            ConfirmDialogView(confirmation: confirmation).draw(into: &screen, in: body)
        }
        if state.showHelp {
            screen.cursor = nil
            HelpOverlayView(readonly: state.readonly, scroll: state.helpScroll).draw(into: &screen, in: body)
        }
        if let prompt = state.prompt {
            PromptLineView(prompt: prompt).draw(into: &screen, row: height - 2, width: width)
        }
        return screen
    }
}
