import SiteAPI
import Testing
import SiteTUI

@Suite struct VersionsModalTests {
    private func modalState(readonly: Bool = false) -> (AppState, [Effect]) {
        var state = Fixtures.loadedState(readonly: readonly)
        let effects = state.press(.character("v"))
        state.apply(.versionsLoaded(site: "blog", versions: Fixtures.versions))
        return (state, effects)
    }

    @Test func listsVersionsNewestFirstWithMarkers() {
        let (state, effects) = modalState()
        #expect(effects == [.loadVersions(site: "blog")])
        let screen = Fixtures.render(state)
        #expect(screen.contains("Versions · blog"))
        let rows = ["Dark footer", "Add blog section", "Add about page", "Starter site"].map { screen.find($0)?.row }
        #expect(rows.allSatisfy { $0 != nil })
        #expect(rows.compactMap { $0 } == rows.compactMap { $0 }.sorted())
        let live = screen.lines.first { $0.contains("[live]") } ?? ""
        #expect(live.contains("Add blog section"))
        #expect(live.contains("2026-06-12 17:00"))
        let preview = screen.lines.first { $0.contains("[preview]") } ?? ""
        #expect(preview.contains("Dark footer"))
        #expect(preview.contains("warnings"))
        #expect(screen.text(row: 23).contains("d deploy"))
        #expect(screen.text(row: 23).contains("b roll back"))
    }

    @Test func deployAsksForConfirmationThenDeploysAndRefreshes() {
        var (state, _) = modalState()
        #expect(state.press(.character("j"), .character("j")) == [])  // v4 → v3 → v2
        #expect(state.versions?.selectedVersion?.number == 2)
        #expect(state.press(.character("d")) == [])
        let dialog = Fixtures.render(state)
        #expect(dialog.contains("Deploy blog@2 to live?"))
        #expect(dialog.text(row: 23).contains("y confirm"))
        #expect(state.press(.character("y")) == [.deploy(site: "blog", version: 2)])
        let follow = state.apply(.pointerMoved(PointerMove(site: "blog", pointer: "live", from: 3, to: 2), rollback: false))
        #expect(follow == [.loadSites, .loadVersions(site: "blog")])
        #expect(Fixtures.render(state).contains("Deployed blog: live v3 → v2"))
    }

    @Test func answeringNoCancelsWithoutAnEffect() {
        var (state, _) = modalState()
        _ = state.press(.character("d"))
        #expect(state.confirmation == .deploy(site: "blog", version: 4))
        #expect(state.press(.character("x")) == [])  // other keys do not dismiss it
        #expect(state.press(.character("n")) == [])
        #expect(state.confirmation == nil)
        #expect(Fixtures.render(state).contains("Cancelled"))
    }

    @Test func rollbackAsksForConfirmation() {
        var (state, _) = modalState()
        _ = state.press(.character("b"))
        #expect(Fixtures.render(state).contains("Roll back blog from v3 to the previous live version?"))
        #expect(state.press(.character("y")) == [.rollback(site: "blog")])
        state.apply(.pointerMoved(PointerMove(site: "blog", pointer: "live", from: 3, to: 2), rollback: true))
        #expect(state.status?.text == "Rolled back blog: live v3 → v2")
    }

    @Test func deployingTheLiveVersionIsRefused() {
        var (state, _) = modalState()
        _ = state.press(.down)
        #expect(state.press(.character("d")) == [])
        #expect(state.confirmation == nil)
        #expect(state.status?.text == "blog@3 is already live")
    }

    @Test func readonlyRefusesDeployAndRollbackWithAMessage() {
        var (state, _) = modalState(readonly: true)
        #expect(state.press(.character("d")) == [])
        #expect(state.confirmation == nil)
        #expect(Fixtures.render(state).contains("Read-only: deploy is disabled"))
        #expect(state.press(.character("y")) == [])
        #expect(state.press(.character("b")) == [])
        #expect(state.status?.text.contains("rollback is disabled") == true)
        #expect(state.press(.character("y")) == [])
        let footer = Fixtures.render(state).text(row: 23)
        #expect(!footer.contains("deploy"))
        #expect(footer.contains("read-only"))
    }

    @Test func refreshAndCloseKeys() {
        var (state, _) = modalState()
        #expect(state.press(.character("r")) == [.loadVersions(site: "blog")])
        _ = state.press(.escape)
        #expect(state.versions == nil)
        #expect(state.route == .dashboard)
    }

    @Test func versionCreatedEventsReloadAnOpenModal() {
        var (state, _) = modalState()
        let effects = state.apply(.event(Event(kind: .versionCreated, site: "blog", time: Fixtures.epoch, version: 5)))
        #expect(effects == [.loadSites, .loadVersions(site: "blog")])
        let other = state.apply(.event(Event(kind: .siteDeployed, site: "docs", time: Fixtures.epoch, version: 7)))
        #expect(other == [.loadSites])
    }
}
