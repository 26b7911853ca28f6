import Foundation

/// Runs `sitectl tui` on the process's terminal until the user quits.
///
/// Starts ncurses (the locale first, `newterm` so a bad `TERM` is an error rather than an exit), runs the loop
/// against `backend`, and always restores the terminal, also when the loop ends by an error or cancellation.
/// `NO_COLOR` in the environment disables colour even when `options.noColor` is false.
/// - Throws: ``TUIError`` when stdin/stdout are not a terminal or the terminal type is unknown.
public func runTUI(backend: any TUIBackend, options: TUIOptions) async throws {
    let noColor = options.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    let terminal = try NcursesTerminal(colorEnabled: !noColor)
    defer { terminal.close() }
    let runner = TUIRunner(backend: backend, context: RenderContext(colorEnabled: !noColor))
    let state = AppState(readonly: options.readonly, contextName: options.contextName, host: options.host)
    _ = await runner.run(state: state, on: terminal)
}
