import Foundation
import SiteAPI
import SiteTUI
import Synchronization
import Testing

/// Losing the daemon and finding it again: what the state shows, what it reloads, and the event pump's retries.
@Suite struct ConnectionTests {
    private let fourOClock = Fixtures.epoch.addingTimeInterval(2 * 3600 + 4 * 60)  // 16:04 UTC

    private func liveState() -> AppState {
        var state = Fixtures.loadedState()
        state.apply(.connected)
        return state
    }

    @Test func disconnectShowsUnreachableSinceAndKeepsTheLists() {
        var state = liveState()
        #expect(Fixtures.render(state).text(row: 0).contains("● live"))
        state.apply(.disconnected(at: fourOClock, reason: "Cannot reach the sitectl daemon"))
        state.apply(.disconnected(at: fourOClock.addingTimeInterval(600), reason: "Cannot reach the sitectl daemon"))
        let screen = Fixtures.render(state)
        #expect(screen.text(row: 0).contains("○ unreachable since 16:04"))  // the first failure, not the latest
        #expect(screen.contains("daemon unreachable since 16:04 — retrying (Cannot reach the sitectl daemon)"))
        #expect(screen.contains("blog"))
        #expect(screen.contains("docs"))
        #expect(!screen.contains("No sites yet"))
    }

    @Test func aFailedReloadWhileDownLeavesTheBannerAndTheList() {
        var state = liveState()
        state.apply(.disconnected(at: fourOClock, reason: "connection refused"))
        state.apply(.failed(.loadSites, message: "Cannot reach the sitectl daemon", unreachable: true))
        #expect(state.status == nil)
        #expect(state.sites.count == Fixtures.sites.count)
    }

    @Test func versionsModalSaysUnreachableNotNoVersions() {
        var state = liveState()
        _ = state.press(.character("v"))
        state.apply(.disconnected(at: fourOClock, reason: "connection refused"))
        state.apply(.failed(.loadVersions(site: "blog"), message: "Cannot reach the sitectl daemon", unreachable: true))
        let screen = Fixtures.render(state)
        #expect(!screen.contains("No versions yet"))
        #expect(!screen.contains("Loading versions"))
        #expect(screen.contains("daemon unreachable since 16:04"))
    }

    @Test func aVersionsLoadErrorIsShownInsteadOfAnEmptyList() {
        var state = liveState()
        _ = state.press(.character("v"))
        state.apply(.failed(.loadVersions(site: "blog"), message: "site blog not found"))
        let screen = Fixtures.render(state)
        #expect(screen.contains("site blog not found"))
        #expect(!screen.contains("No versions yet"))
        state.apply(.versionsLoaded(site: "blog", versions: Fixtures.versions.filter { $0.site == "blog" }))
        #expect(state.versions?.loadError == nil)
        #expect(Fixtures.render(state).contains("Dark footer"))
    }

    @Test func reconnectReloadsSitesFollowedRequestsAndTheModal() {
        var state = AppStateFeedbackTests().sentChat()
        state.apply(.connected)
        state.apply(.requestUpdated(Fixtures.request(1, state: .queued, job: 7)))
        state.apply(.disconnected(at: fourOClock, reason: "connection refused"))
        _ = state.press(.escape)
        _ = state.press(.character("v"))
        let effects = state.apply(.connected)
        #expect(effects.contains(.loadSites))
        #expect(effects.contains(.loadVersions(site: "blog")))
        #expect(effects.contains(.fetchRequest(id: 1)))
        #expect(state.connection == .live)
        #expect(state.status?.text == "Reconnected to the daemon")
        // The first connection reloads nothing: the start already loaded.
        var fresh = Fixtures.loadedState()
        #expect(fresh.apply(.connected) == [])
    }

    @Test func aRefusedSessionSaysSignedOut() {
        var state = liveState()
        state.apply(.disconnected(at: fourOClock, reason: "Session expired (hint: sitectl login)", signedOut: true))
        let screen = Fixtures.render(state)
        #expect(screen.text(row: 0).contains("signed out"))
        #expect(screen.contains("signed out: Session expired (hint: sitectl login)"))
    }

    @Test func thePumpReopensASilentStreamAndStopsOnASignedOutSession() async throws {
        let backend = InMemoryTUIBackend(sites: Fixtures.sites, now: Fixtures.epoch)
        let inbox = Inbox()
        let pump = EventPump(backend: backend, policy: ReconnectPolicy(delays: [.milliseconds(1)], silence: .milliseconds(80)),
                             now: { Fixtures.epoch })
        let seen = Mutex<[Feedback]>([])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await pump.run(into: inbox) }
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                seen.withLock { $0 += inbox.drain() }
                let reasons = seen.withLock { $0 }.compactMap { item -> String? in
                    if case .disconnected(_, let reason, _) = item { return reason }
                    return nil
                }
                if reasons.count >= 2 { break }
                try? await Task.sleep(for: .milliseconds(10))
            }
            group.cancelAll()
        }
        let items = seen.withLock { $0 }
        let connects = items.filter { if case .connected = $0 { true } else { false } }.count
        #expect(connects >= 2)  // opened, went silent, opened again
        #expect(items.contains { if case .disconnected(_, let reason, false) = $0 { reason.contains("no word from the daemon") } else { false } })
    }

    @Test func heartbeatsKeepAQuietStreamOpen() async throws {
        let backend = InMemoryTUIBackend(sites: Fixtures.sites, now: Fixtures.epoch)
        let inbox = Inbox()
        let pump = EventPump(backend: backend, policy: ReconnectPolicy(delays: [.milliseconds(1)], silence: .milliseconds(300)),
                             now: { Fixtures.epoch })
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await pump.run(into: inbox) }
            for _ in 0..<20 {  // 1 s of heartbeats every 50 ms
                try? await Task.sleep(for: .milliseconds(50))
                backend.heartbeat()
            }
            group.cancelAll()
        }
        let items = inbox.drain()
        #expect(items.filter { if case .connected = $0 { true } else { false } }.count == 1)
        #expect(!items.contains { if case .disconnected = $0 { true } else { false } })
    }
}
