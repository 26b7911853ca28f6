import Foundation

/// Runs `sitectl tui` on the process's terminal until the user quits.
///
/// Starts ncurses (the locale first, `newterm` so a bad `TERM` is an error rather than an exit), runs the loop
/// against `backend`, and always restores the terminal, also when the loop ends by an error or cancellation.
/// `NO_COLOR` in the environment disables colour even when `options.noColor` is false.
/// - Throws: ``TUIError`` when stdin/stdout are not a terminal or the terminal type is unknown.
/// - Returns: A note to print after the terminal is restored (such as "Logged out of context local."), if any.
@discardableResult
/// `connector` opens other contexts for `:context NAME`.
public func runTUI(backend: any TUIBackend, options: TUIOptions, connector: (any TUIConnector)? = nil) async throws -> String? {
    let noColor = options.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    let terminal = try NcursesTerminal(colorEnabled: !noColor, mouse: !options.noMouse)
    defer { terminal.close() }
    let runner = TUIRunner(backend: backend, context: RenderContext(colorEnabled: !noColor),
                           reconnect: options.overSSH ? .overSSH : .standard, connector: connector)
    let state = AppState(readonly: options.readonly, contextName: options.contextName, host: options.host)
    let final = await runner.run(state: state, on: terminal)
    terminal.close()
    return final.exitNote
}
