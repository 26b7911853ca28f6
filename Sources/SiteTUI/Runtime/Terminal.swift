/// The seam between the TUI and a real terminal: ``NcursesTerminal`` in production, a fake in tests.
///
/// Used from one task only (the runner's loop), so implementations need not be `Sendable`.
package protocol Terminal: AnyObject {
    /// The current size; re-read after every key and tick, so a resize shows up on the next frame.
    var size: TerminalSize { get }
    /// Shows a rendered screen (the whole frame).
    func draw(_ screen: Screen)
    /// Waits up to `timeout` for a key press; nil when none came, so the runner can apply events in between.
    func readKey(timeout: Duration) async -> Key?
}
