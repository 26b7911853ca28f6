import SiteAPI

/// Which keys apply where, read from ``KeyMap``: the footer shows the current view's, the help overlay all of them.
package enum KeyHints {
    /// Hints for the footer, most useful first. Mutating keys are left out in read-only mode.
    package static func footer(for state: AppState) -> [KeyHint] {
        if state.showHelp { return [KeyHint("any key", "close help")] }
        if state.confirmation != nil { return [KeyHint("y", "confirm"), KeyHint("n", "cancel")] }
        if state.prompt != nil { return hints(.prompt, state) }
        if state.diff != nil { return hints(.diff, state) + [KeyHint("j/k pgdn/pgup", "scroll")] }
        if state.versions != nil { return [KeyHint("j/k", "move")] + hints(.versions, state) }
        switch state.route {
        case .dashboard:
            var hints = [KeyHint("j/k", "move")] + hints(.dashboard, state) + hints(.lists, state, skipFirst: true)
            if !state.filter.isEmpty { hints.insert(KeyHint("esc", "clear filter"), at: 1) }
            return hints
        case .chat:
            var hints = hints(.chat, state)
            if state.chat?.pendingQuestion != nil { hints[0] = KeyHint("enter", "answer") }
            if state.chat?.pendingQuestion?.options.isEmpty == false { hints.insert(KeyHint("1-9", "pick option"), at: 1) }
            return hints
        case .jobs:
            return [KeyHint("j/k", "move")] + hints(.jobs, state) + [KeyHint("esc", "back")]
        case .account:
            return [KeyHint("j/k", "move")] + hints(.account, state) + [KeyHint("esc", "back")]
        case .daemon:
            return [KeyHint("r", "refresh"), KeyHint("esc", "back"), KeyHint(":", "command")]
        }
    }

    private static func hints(_ scope: KeyScope, _ state: AppState, skipFirst: Bool = false) -> [KeyHint] {
        let rows = KeyMap.rows(scope, readonly: state.readonly).filter(\.footer)
        return (skipFirst ? Array(rows.dropFirst()) : rows).map { KeyHint($0.label, footerLabel($0)) }
    }

    /// The help text cut to its first words for the footer.
    private static func footerLabel(_ row: KeyBinding) -> String {
        switch row.action {
        case .down: "move"
        case .palette: "command"
        case .help: "help"
        case .quit: "quit"
        case .openChat: "chat"
        case .openVersions: "versions"
        case .filter: "filter"
        case .send: "send"
        case .pageUp: "scroll"
        case .back: row.scope == .chat ? "back" : row.scope == .prompt ? "cancel" : "close"
        case .deploy: "deploy"
        case .rollback: "roll back"
        case .diff: "diff"
        case .preview: "preview"
        case .cycleState: "state"
        case .toggleFollow: "follow"
        case .cancelJob: "cancel job"
        case .revokeToken: "revoke"
        case .logout: "log out"
        case .run: "run"
        case .complete: "complete"
        default: row.help
        }
    }

    /// Sections of the help overlay, each key listed once.
    package static func help(readonly: Bool) -> [(title: String, hints: [KeyHint])] {
        KeyScope.allCases.map { scope in
            (scope.rawValue, KeyMap.rows(scope, readonly: readonly).map { KeyHint($0.label, $0.help) })
        } + [("Commands (:)", Palette.commands.filter { !(readonly && $0.mutating) }.map { KeyHint(":" + $0.usage, $0.summary) })]
    }
}
