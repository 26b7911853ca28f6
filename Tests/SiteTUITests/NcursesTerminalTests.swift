import Testing
import SiteTUI

/// ncurses keeps global state, so these run one at a time; they use /dev/null as the terminal device.
@Suite(.serialized) struct NcursesTerminalTests {
    @Test func unknownTerminalTypeIsAnErrorNotAnExit() {
        #expect(throws: TUIError.self) {
            _ = try NcursesTerminal(colorEnabled: true, termType: "no-such-terminal-xyz", devicePath: "/dev/null")
        }
    }

    @Test func drawsAFrameAndRestoresTheTerminal() async throws {
        let terminal = try NcursesTerminal(colorEnabled: true, termType: "xterm-256color", devicePath: "/dev/null")
        defer { terminal.close() }
        let size = terminal.size
        #expect(size.width > 0 && size.height > 0)
        let screen = AppView(state: Fixtures.loadedState(), context: RenderContext(timeZone: Fixtures.utc))
            .render(width: size.width, height: size.height)
        terminal.draw(screen)
        #expect(await terminal.readKey(timeout: .milliseconds(1)) == nil)
        terminal.close()
        terminal.close()  // idempotent
    }
}
