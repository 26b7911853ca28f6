import SiteAPI
import Testing
import SiteTUI

@Suite struct TUIRunnerTests {
    private func backend() -> InMemoryTUIBackend {
        InMemoryTUIBackend(sites: Fixtures.sites, versions: Fixtures.versions, now: Fixtures.epoch)
    }

    private func run(_ backend: InMemoryTUIBackend, _ terminal: FakeTerminal, readonly: Bool = false) async -> AppState {
        let runner = TUIRunner(backend: backend, context: RenderContext(timeZone: Fixtures.utc),
                               pollInterval: .milliseconds(1))
        return await runner.run(state: AppState(readonly: readonly, contextName: "test"), on: terminal)
    }

    @Test func chatStreamsJobLogLinesOntoTheScreen() async {
        let backend = backend()
        let terminal = FakeTerminal(script: [
            .waitFor("blog"),
            .key(.enter),
            .type("add a blog section"),
            .key(.enter),
            .waitFor("request #1 queued"),
            .run { backend.emitLog(site: "blog", requestID: 1, jobID: 1, seq: 1, message: "agent: editing content/blog.md") },
            .waitFor("agent: editing content/blog.md"),
            .run { backend.runJob(requestID: 1, logs: ["agent: editing content/blog.md", "compiled 12 pages"], summary: "Added a blog section") },
            .waitFor("sitectl [done]: Added a blog section (v5)"),
        ])
        let state = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        let screen = terminal.lastFrame ?? Screen(width: 0, height: 0)
        #expect(screen.contains("you: add a blog section"))
        #expect(screen.contains("compiled 12 pages"))
        #expect(screen.lines.filter { $0.contains("editing content/blog.md") }.count == 1)
        #expect(state.site(named: "blog")?.latestVersion == 5)  // version.created reloaded the sites
        #expect(backend.calls.contains("chat blog add a blog section"))
        #expect(backend.subscriberCount == 0)  // the event stream was closed on quit
    }

    /// The daemon goes away while a request is queued and finishes it meanwhile; when it is back, the TUI
    /// reconnects on its own and shows the reply without a key press. Both ways a stream ends are covered: a
    /// broken connection and a daemon's graceful stop.
    @Test(arguments: [false, true]) func reconnectsAfterTheDaemonComesBackAndFinishesTheChat(cleanly: Bool) async {
        let backend = backend()
        let runner = TUIRunner(backend: backend, context: RenderContext(timeZone: Fixtures.utc), pollInterval: .milliseconds(1),
                               reconnect: ReconnectPolicy(delays: [.milliseconds(5)], silence: .seconds(30)),
                               now: { Fixtures.epoch })
        let terminal = FakeTerminal(script: [
            .waitFor("● live"), .key(.enter), .type("add a blog"), .key(.enter),
            .waitFor("request #1 queued"),
            .run { backend.goDown(closeCleanly: cleanly) },
            .waitFor("○ unreachable since 14:00"),
            .waitFor("daemon unreachable since 14:00"),
            .run {
                backend.setRequest(1) { request in
                    request.state = .done
                    request.reply = "Added a blog section"
                    request.version = 5
                }
            },
            .run { backend.comeBack() },
            .waitFor("● live"),
            .waitFor("sitectl [done]: Added a blog section (v5)"),
        ])
        let state = await runner.run(state: AppState(contextName: "test"), on: terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(state.connection == .live)
        #expect(backend.calls.filter { $0 == "listSites" }.count >= 2)  // reloaded after the reconnect
    }

    /// A click lands on the row drawn under it in the frame on screen; a second click opens it.
    @Test func clickSelectsAndSecondClickOpens() async {
        let backend = backend()
        let press = Key.mouse(MouseEvent(row: 4, col: 10, kind: .press))  // rows: header, box, titles, blog, docs
        let release = Key.mouse(MouseEvent(row: 4, col: 10, kind: .release))
        let terminal = FakeTerminal(script: [
            .waitFor("shop"), .key(press), .key(release),
            .waitUntil("docs selected") { $0.text(row: 4).contains("›") },
            .key(press), .key(release),
            .waitFor("Chat · docs"),
        ])
        _ = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
    }

    /// The jobs view follows the selected job's log as the daemon writes it, without a key press.
    @Test func jobsViewFollowsALiveLog() async {
        let backend = backend()
        let request = try? await backend.chat(site: "docs", message: "rebuild")
        let terminal = FakeTerminal(script: [
            .waitFor("shop"), .key(.character("2")),
            .waitFor("Log · job #1 · docs · following"),
            .run { backend.emitLog(site: "docs", requestID: request?.id, jobID: 1, seq: 1, message: "compiling 12 pages") },
            .waitFor("compiling 12 pages"),
            .run { _ = backend.runJob(requestID: 1, logs: ["compiling 12 pages", "stored version 8"], summary: "Rebuilt") },
            .waitFor("stored version 8"),
            .waitUntil("succeeded") { $0.lines.contains { $0.contains("#1") && $0.contains("succeeded") } },
        ])
        _ = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
    }

    /// `:context NAME` switches the whole TUI to another daemon; what the old one still sends is dropped.
    @Test func switchingContextShowsTheOtherDaemonAndDropsTheOldOne() async {
        let first = backend()
        let other = InMemoryTUIBackend(sites: [
            Site(name: "remote-only", theme: "paper", description: nil, status: .enabled, liveVersion: 1, previewVersion: nil,
                 latestVersion: 1, createdAt: Fixtures.epoch, updatedAt: Fixtures.epoch),
        ], now: Fixtures.epoch)
        struct Connector: TUIConnector {
            let other: InMemoryTUIBackend
            func contexts() throws -> (names: [String], current: String) { (["local", "box"], "local") }
            func connect(context: String) async throws -> (backend: any TUIBackend, host: String) {
                guard context == "box" else { throw APIError(code: "usage", message: "There is no context named '\(context)'.") }
                return (other, "ssh://box")
            }
        }
        let runner = TUIRunner(backend: first, context: RenderContext(timeZone: Fixtures.utc), pollInterval: .milliseconds(1),
                               connector: Connector(other: other))
        let terminal = FakeTerminal(script: [
            .waitFor("shop"), .key(.character(":")), .type("context nowhere"), .key(.enter),
            .waitFor("There is no context named 'nowhere'."),
            .key(.character(":")), .type("contexts"), .key(.enter),
            .waitFor("Contexts: local (shown), box"),
            .key(.character(":")), .type("context box"), .key(.enter),
            .waitFor("context box (ssh://box)"),
            .waitFor("remote-only"),
            // The old daemon's events no longer reach the screen.
            .run { first.emit(Event(kind: .siteDeployed, site: "blog", time: Fixtures.epoch, version: 9)) },
            .waitFor("Switched to context box"),
        ])
        let state = await runner.run(state: AppState(contextName: "local", host: "unix:///x"), on: terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(state.contextName == "box")
        #expect(state.sites.map(\.name) == ["remote-only"])
        #expect(first.subscriberCount == 0)  // the old event stream was closed
        #expect(!first.calls.contains("listSites") || first.calls.filter { $0 == "listSites" }.count == 1)
    }

    @Test func clarifyingQuestionIsAnsweredInline() async {
        let backend = backend()
        backend.askNext(Question(text: "Where should the blog link go?", options: ["Header", "Footer"]))
        let terminal = FakeTerminal(script: [
            .waitFor("blog"), .key(.enter), .type("add a blog"), .key(.enter),
            .waitFor("[2] Footer"),
            .type("1"), .key(.enter),
            .waitFor("you (answer): Header"),
            .waitFor("request #1 queued"),
        ])
        _ = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(backend.calls.contains("answer 1 Header"))
        #expect(backend.storedRequest(1)?.answer == "Header")
    }

    @Test func deployWithConfirmationMovesLiveAndRefreshesTheList() async {
        let backend = backend()
        let terminal = FakeTerminal(script: [
            .waitFor("blog"), .key(.character("v")),
            .waitFor("Dark footer"),
            .key(.character("d")),
            .waitFor("Deploy blog@4 to live?"),
            .key(.character("y")),
            .waitFor("Deployed blog: live v3 → v4"),
            .waitUntil("v4 marked live") { screen in
                screen.lines.contains { $0.contains("[live]") && $0.contains("Dark footer") }
            },
        ])
        let state = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(backend.calls.contains("deploy blog 4"))
        #expect(state.versions?.versions.first { $0.isLive }?.number == 4)
        #expect(state.site(named: "blog")?.liveVersion == 4)
        let live = terminal.lastFrame?.lines.first { $0.contains("[live]") } ?? ""
        #expect(live.contains("Dark footer"))
    }

    @Test func readonlyNeverCallsAMutatingEndpoint() async {
        let backend = backend()
        let terminal = FakeTerminal(script: [
            .waitFor("blog"), .key(.character("v")), .waitFor("Dark footer"),
            .key(.character("d")), .key(.character("y")), .key(.character("b")), .key(.character("y")),
            .key(.escape), .key(.enter), .type("hello"), .key(.enter),
            .waitFor("Read-only: chat is disabled"),
        ])
        _ = await run(backend, terminal, readonly: true)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(!backend.calls.contains { $0.hasPrefix("deploy") || $0.hasPrefix("rollback") || $0.hasPrefix("chat") })
    }

    @Test func backendErrorsAreShownNotThrown() async {
        let backend = InMemoryTUIBackend(sites: [], now: Fixtures.epoch)
        let terminal = FakeTerminal(script: [
            .waitFor("No sites yet"),
            .key(.character("v")),  // nothing selected: no-op
            .key(.character("r")),
            .waitFor("No sites yet"),
        ])
        let state = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(state.versions == nil)
    }

    @Test func resizeRedrawsAtTheNewSize() async {
        let backend = backend()
        let terminal = FakeTerminal(width: 100, height: 24, script: [
            .waitFor("blog"), .resize(width: 60, height: 12), .waitFor("q quit"),
        ])
        _ = await run(backend, terminal)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        #expect(terminal.lastFrame?.width == 60)
        #expect(terminal.lastFrame?.height == 12)
    }
}
