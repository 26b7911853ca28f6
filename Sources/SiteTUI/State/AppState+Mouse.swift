import SiteAPI

/// Mouse: a click (acted on at the release) selects the row under it, a click on the selected row opens it, the wheel moves the selection
/// (or scrolls the chat). Which row is under the pointer comes from the last frame's marks (``Screen/target``).
extension AppState {
    package mutating func handle(mouse: MouseEvent, target: HitTarget?) -> [Effect] {
        switch mouse.kind {
        case .press:
            // A click counts when the button comes up: ncurses reports only the last of the mouse events waiting
            // in one read, so a quick press and release can arrive as the release alone.
            return []
        case .wheelUp, .wheelDown:
            let up = mouse.kind == .wheelUp
            if showHelp || confirmation != nil || prompt != nil { return [] }
            if case .chat(let site) = route, versions == nil, diff == nil {
                withChat(site) { session in
                    session.scrollBack = up ? session.scrollBack + 3 : max(0, session.scrollBack - 3)
                }
                return []
            }
            return handle(up ? .up : .down)
        case .release:
            if showHelp {
                showHelp = false
                return []
            }
            guard confirmation == nil, prompt == nil, let target else { return [] }
            return click(target)
        }
    }

    private mutating func click(_ target: HitTarget) -> [Effect] {
        switch target {
        case .blocked:
            return []
        case .site(let name):
            guard route == .dashboard, versions == nil, diff == nil else { return [] }
            if selectedName == name || (selectedName == nil && selected?.name == name) { return openChat(name) }
            selectedName = name
        case .version(let number):
            guard var modal = versions, diff == nil, let index = modal.versions.firstIndex(where: { $0.number == number })
            else { return [] }
            modal.selected = index
            versions = modal
        case .job(let id):
            guard route == .jobs, versions == nil, jobs.selectedJobID != id else { return [] }
            jobs.select(id)
            return [.loadJobLog(id: id, after: 0)]
        }
        return []
    }
}
