import SiteAPI

/// Which keys apply where: the footer shows the current context's hints, the help overlay all of them.
package enum KeyHints {
    /// Hints for the footer, most useful first. Mutating keys are left out in read-only mode.
    package static func footer(for state: AppState) -> [KeyHint] {
        if state.showHelp { return [KeyHint("any key", "close help")] }
        if state.versions?.confirmation != nil { return [KeyHint("y", "confirm"), KeyHint("n", "cancel")] }
        if state.versions != nil { return versions(readonly: state.readonly) }
        switch state.route {
        case .dashboard: return dashboard
        case .chat:
            var hints = [KeyHint("enter", state.chat?.pendingQuestion != nil ? "answer" : "send")]
            if state.chat?.pendingQuestion?.options.isEmpty == false { hints.append(KeyHint("1-9", "pick option")) }
            return hints + [
                KeyHint("ctrl-v", "versions"), KeyHint("pgup/pgdn", "scroll"), KeyHint("esc", "back"),
                KeyHint("ctrl-c", "quit"),
            ]
        }
    }

    /// Sections of the help overlay, each key listed once.
    package static func help(readonly: Bool) -> [(title: String, hints: [KeyHint])] {
        var versionKeys = [KeyHint("r", "refresh"), KeyHint("esc", "close")]
        if !readonly { versionKeys.insert(contentsOf: [KeyHint("d", "deploy selected"), KeyHint("b", "roll back live")], at: 0) }
        return [
            ("Everywhere", [KeyHint("j/k ↓/↑", "move"), KeyHint("g/G", "first/last"), KeyHint("?", "this help"),
                            KeyHint("ctrl-c", "quit")]),
            ("Dashboard", [KeyHint("enter/c", "chat"), KeyHint("v", "versions"), KeyHint("r", "refresh"),
                           KeyHint("q", "quit")]),
            ("Chat", [KeyHint("enter", "send or answer"), KeyHint("1-9", "pick an option"),
                      KeyHint("←/→ home/end", "move in the line"), KeyHint("ctrl-u/k/w", "delete to start/end/word"),
                      KeyHint("↑/↓", "earlier messages"), KeyHint("ctrl-v", "versions"),
                      KeyHint("pgup/pgdn", "scroll"), KeyHint("esc", "back")]),
            ("Versions", versionKeys),
        ]
    }

    private static let dashboard = [
        KeyHint("j/k", "move"), KeyHint("enter", "chat"), KeyHint("v", "versions"), KeyHint("r", "refresh"),
        KeyHint("?", "help"), KeyHint("q", "quit"),
    ]

    private static func versions(readonly: Bool) -> [KeyHint] {
        var hints = [KeyHint("j/k", "move")]
        if !readonly { hints += [KeyHint("d", "deploy"), KeyHint("b", "roll back")] }
        return hints + [KeyHint("r", "refresh"), KeyHint("esc", "close")]
    }
}
