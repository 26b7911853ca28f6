package import Foundation
import SiteAPI
import SiteClient
import Synchronization

/// Keeps the TUI subscribed to the daemon's events: opens the stream, posts ``Feedback/connected`` once the daemon
/// listens, forwards events, and when the stream ends, fails or falls silent posts ``Feedback/disconnected`` and
/// opens it again after the policy's delay. It stops only when cancelled or when the session is refused.
package struct EventPump: Sendable {
    let backend: any TUIBackend
    let policy: ReconnectPolicy
    let now: @Sendable () -> Date

    package init(backend: any TUIBackend, policy: ReconnectPolicy, now: @escaping @Sendable () -> Date) {
        self.backend = backend
        self.policy = policy
        self.now = now
    }

    package func run(into inbox: Inbox, generation: Int = 0) async {
        var attempt = 0
        while !Task.isCancelled {
            let end = await listen(into: inbox, generation: generation)
            if Task.isCancelled { return }
            if end.opened { attempt = 0 }
            inbox.post(.disconnected(at: now(), reason: end.reason, signedOut: end.signedOut), generation: generation)
            if end.signedOut { return }
            try? await Task.sleep(for: policy.delay(attempt: attempt))
            attempt += 1
        }
    }

    private struct End {
        var opened = false
        var reason = "the daemon closed the event stream"
        var signedOut = false
    }

    private struct Silent: Error {}

    /// What the reading task tells the watchdog and the caller.
    private final class Marks: Sendable {
        let lastHeard: Mutex<ContinuousClock.Instant>
        let opened = Mutex(false)
        init(now: ContinuousClock.Instant) { lastHeard = Mutex(now) }
    }

    /// One subscription, from opening to its end.
    private func listen(into inbox: Inbox, generation: Int) async -> End {
        let clock = ContinuousClock()
        let marks = Marks(now: clock.now)
        var end = End()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await item in backend.events() {
                        marks.lastHeard.withLock { $0 = clock.now }
                        switch item {
                        case .opened:
                            marks.opened.withLock { $0 = true }
                            inbox.post(.connected, generation: generation)
                        case .heartbeat:
                            break
                        case .event(let event):
                            inbox.post(.event(event), generation: generation)
                        }
                    }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: policy.silence / 4)
                        if marks.lastHeard.withLock({ clock.now - $0 }) > policy.silence { throw Silent() }
                    }
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch is Silent {
            end.reason = "no word from the daemon for \(policy.silence.components.seconds) s"
        } catch let error as ClientError {
            end.reason = EffectPerformer.describe(error)
            end.signedOut = error.exitCode == ClientError.Exit.auth
        } catch {
            end.reason = EffectPerformer.describe(error)
        }
        end.opened = marks.opened.withLock { $0 }
        return end
    }
}
