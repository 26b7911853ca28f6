package import Foundation
import SiteAPI

/// The event loop: renders the state to a ``Terminal``, turns key presses and daemon events into state changes, and
/// performs the resulting effects concurrently against the backend.
///
/// One task owns the state and the terminal; effects and the event stream run as child tasks that only post
/// ``Feedback`` into an ``Inbox``, which the loop drains between key polls.
package struct TUIRunner: Sendable {
    package let backend: any TUIBackend
    package let context: RenderContext
    /// How long one key poll waits before the loop looks at the inbox again.
    package let pollInterval: Duration
    /// How a lost event stream is retried.
    package let reconnect: ReconnectPolicy
    /// The clock for "unreachable since" (tests pin it).
    package let now: @Sendable () -> Date

    package init(
        backend: any TUIBackend, context: RenderContext, pollInterval: Duration = .milliseconds(40),
        reconnect: ReconnectPolicy = .standard, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.backend = backend
        self.context = context
        self.pollInterval = pollInterval
        self.reconnect = reconnect
        self.now = now
    }

    /// Runs until the user quits (or the task is cancelled) and returns the final state.
    package func run(state initial: AppState, on terminal: some Terminal) async -> AppState {
        let inbox = Inbox()
        let performer = EffectPerformer(backend: backend, now: now)
        let pump = EventPump(backend: backend, policy: reconnect, now: now)
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await pump.run(into: inbox) }
            var state = initial
            var pending = state.start()
            var lastFrame: Screen?
            while true {
                for effect in pending where effect != .quit {
                    group.addTask {
                        if let feedback = await performer.perform(effect) { inbox.post(feedback) }
                    }
                }
                pending = []
                if state.isQuitting || Task.isCancelled { break }
                let size = terminal.size
                let frame = AppView(state: state, context: context).render(width: size.width, height: size.height)
                if frame != lastFrame {
                    terminal.draw(frame)
                    lastFrame = frame
                }
                if let key = await terminal.readKey(timeout: pollInterval) {
                    if case .mouse(let event) = key {
                        // What is under the pointer comes from the frame the user is looking at.
                        pending += state.handle(mouse: event, target: lastFrame?.target(atRow: event.row, col: event.col))
                    } else {
                        pending += state.handle(key)
                    }
                }
                for feedback in inbox.drain() { pending += state.apply(feedback) }
            }
            group.cancelAll()
            return state
        }
    }
}
