import Foundation

/// Where a key binding applies.
package enum KeyScope: String, CaseIterable, Sendable {
    /// Every list view (dashboard, versions, jobs, account, daemon), unless the view binds the key itself.
    case lists = "Every list"
    case dashboard = "Dashboard"
    case chat = "Chat"
    case versions = "Versions"
    case diff = "Diff"
    case jobs = "Jobs"
    case account = "Account"
    case prompt = "Filter and command line"
}

/// What a key does. The state machine dispatches on these; the footer, the `?` overlay and docs/usage.md are
/// rendered from the same table, so they cannot disagree with what the keys do.
package enum KeyAction: Equatable, Sendable {
    case quit, help, back, palette, filter, refresh
    case down, up, first, last, pageDown, pageUp
    case showSites, showJobs, showAccount, showDaemon
    case openChat, openVersions, createSite, deleteSite, toggleEnabled
    case send, pickOption, editLine, history
    case deploy, rollback, diff, preview
    case cycleState, toggleFollow, cancelJob, retryJob
    case revokeToken, logout
    case run, complete
}

/// One row of the key map.
package struct KeyBinding: Sendable {
    package var scope: KeyScope
    /// The keys that trigger it (empty for documentation-only rows such as the line editor's keys).
    package var keys: [Key]
    /// How the keys are written in the footer, the overlay and the docs.
    package var label: String
    package var action: KeyAction
    package var help: String
    /// Refused under `--readonly`.
    package var mutating: Bool
    /// Shown in the footer of its scope.
    package var footer: Bool

    init(_ scope: KeyScope, _ keys: [Key], _ label: String, _ action: KeyAction, _ help: String,
         mutating: Bool = false, footer: Bool = false) {
        self.scope = scope
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.mutating = mutating
        self.footer = footer
    }
}

/// The one key table of the TUI.
package enum KeyMap {
    private static func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    package static let bindings: [KeyBinding] = [
        // Every list.
        KeyBinding(.lists, chars("j") + [.down], "j/k ↓/↑", .down, "move", footer: true),
        KeyBinding(.lists, chars("k") + [.up], "", .up, ""),
        KeyBinding(.lists, chars("g") + [.home], "g/G", .first, "first / last"),
        KeyBinding(.lists, chars("G") + [.end], "", .last, ""),
        KeyBinding(.lists, [.pageDown], "pgdn/pgup", .pageDown, "page down / up"),
        KeyBinding(.lists, [.pageUp], "", .pageUp, ""),
        KeyBinding(.lists, chars(":"), ":", .palette, "command line (:help lists the commands)", footer: true),
        KeyBinding(.lists, chars("1"), "1 2 3 4", .showSites, "sites · jobs · account · daemon"),
        KeyBinding(.lists, chars("2"), "", .showJobs, ""),
        KeyBinding(.lists, chars("3"), "", .showAccount, ""),
        KeyBinding(.lists, chars("4"), "", .showDaemon, ""),
        KeyBinding(.lists, chars("r") + [.control("r")], "r", .refresh, "refresh"),
        KeyBinding(.lists, chars("?"), "?", .help, "this help", footer: true),
        KeyBinding(.lists, [.escape], "esc", .back, "back, close, clear the filter"),
        KeyBinding(.lists, chars("q"), "q", .quit, "quit (from the dashboard; elsewhere back)", footer: true),
        KeyBinding(.lists, [.control("c")], "ctrl-c", .quit, "quit from anywhere"),
        // Dashboard.
        KeyBinding(.dashboard, [.enter, .right] + chars("cl"), "enter", .openChat, "open the site's chat", footer: true),
        KeyBinding(.dashboard, chars("v"), "v", .openVersions, "versions", footer: true),
        KeyBinding(.dashboard, chars("/"), "/", .filter, "filter sites by name", footer: true),
        KeyBinding(.dashboard, chars("n"), "n", .createSite, "new site", mutating: true),
        KeyBinding(.dashboard, chars("x"), "x", .deleteSite, "delete the site (type its name)", mutating: true),
        KeyBinding(.dashboard, chars("e"), "e", .toggleEnabled, "enable / disable serving", mutating: true),
        // Chat.
        KeyBinding(.chat, [.enter], "enter", .send, "send, or answer the question", mutating: true, footer: true),
        KeyBinding(.chat, [], "1-9 enter", .pickOption, "answer with that option's number"),
        KeyBinding(.chat, [], "←/→ home/end", .editLine, "move in the line (ctrl-a/e, alt-b/f words)"),
        KeyBinding(.chat, [], "ctrl-u/k/w", .editLine, "delete to the start / end / word"),
        KeyBinding(.chat, [], "↑/↓", .history, "earlier messages"),
        KeyBinding(.chat, [.control("v")], "ctrl-v", .openVersions, "versions", footer: true),
        KeyBinding(.chat, [.pageUp], "pgup/pgdn", .pageUp, "scroll the transcript", footer: true),
        KeyBinding(.chat, [.pageDown], "", .pageDown, ""),
        KeyBinding(.chat, [.escape], "esc", .back, "back to the dashboard", footer: true),
        KeyBinding(.chat, [.control("c")], "ctrl-c", .quit, "quit", footer: true),
        // Versions.
        KeyBinding(.versions, chars("d") + [.enter], "d", .deploy, "deploy the selected version", mutating: true, footer: true),
        KeyBinding(.versions, chars("b"), "b", .rollback, "roll live back", mutating: true, footer: true),
        KeyBinding(.versions, chars("="), "=", .diff, "diff against the version before", footer: true),
        KeyBinding(.versions, chars("p"), "p", .preview, "preview the selected version", mutating: true, footer: true),
        KeyBinding(.versions, [.escape, .left] + chars("hq"), "esc", .back, "close", footer: true),
        // Diff.
        KeyBinding(.diff, [.escape, .left] + chars("hq"), "esc", .back, "close", footer: true),
        // Jobs.
        KeyBinding(.jobs, chars("s"), "s", .cycleState, "state filter: all, queued, running, failed, …", footer: true),
        KeyBinding(.jobs, chars("f"), "f", .toggleFollow, "follow the log / stop following", footer: true),
        KeyBinding(.jobs, chars("c"), "c", .cancelJob, "cancel the job", mutating: true, footer: true),
        KeyBinding(.jobs, chars("R"), "R", .retryJob, "retry: send the request's message again (asks first)", mutating: true),
        KeyBinding(.jobs, [.enter], "enter", .openChat, "open the job's site chat"),
        // Account.
        KeyBinding(.account, chars("x"), "x", .revokeToken, "revoke the selected token", mutating: true, footer: true),
        KeyBinding(.account, chars("L"), "L", .logout, "log out (ends the TUI)", mutating: true, footer: true),
        // Filter and command line.
        KeyBinding(.prompt, [.enter], "enter", .run, "run the command / keep the filter", footer: true),
        KeyBinding(.prompt, [.tab], "tab", .complete, "complete a command or site name", footer: true),
        KeyBinding(.prompt, [.escape], "esc", .back, "cancel", footer: true),
    ]

    /// The action `key` triggers in `scope`, falling back to the list keys for every list view.
    package static func action(for key: Key, in scope: KeyScope) -> KeyAction? {
        if let own = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return own.action }
        guard scope != .chat, scope != .prompt else { return nil }
        return bindings.first { $0.scope == .lists && $0.keys.contains(key) }?.action
    }

    /// Whether `action` changes something (refused under `--readonly`).
    package static func isMutating(_ action: KeyAction, in scope: KeyScope) -> Bool {
        bindings.contains { $0.scope == scope && $0.action == action && $0.mutating }
    }

    /// The documented rows of a scope (rows with an empty label only add keys to the row above).
    package static func rows(_ scope: KeyScope, readonly: Bool = false) -> [KeyBinding] {
        bindings.filter { $0.scope == scope && !$0.label.isEmpty && !(readonly && $0.mutating) }
    }

    /// The key map as the Markdown table in docs/usage.md.
    package static func markdown() -> String {
        var lines = ["| Where | Keys | Does |", "| --- | --- | --- |"]
        for scope in KeyScope.allCases {
            for row in rows(scope) {
                let keys = row.label.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| \(scope.rawValue) | `\(keys)` | \(row.help)\(row.mutating ? " (not with `--readonly`)" : "") |")
            }
        }
        lines += ["", "| Command | Does |", "| --- | --- |"]
        for command in Palette.commands {
            lines.append("| `:\(command.usage)` | \(command.summary)\(command.mutating ? " (not with `--readonly`)" : "") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
