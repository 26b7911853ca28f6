package import Foundation
import SiteAPI
import Synchronization

/// The event loop: renders the state to a ``Terminal``, turns key presses and daemon events into state changes, and
/// performs the resulting effects concurrently against the backend.
///
/// One task owns the state and the terminal; effects and the event stream run as child tasks that only post
/// ``Feedback`` into an ``Inbox``, which the loop drains between key polls. Switching context (`:context NAME`)
/// starts a new *generation*: a new backend and event pump, and whatever the old one still posts is dropped.
package struct TUIRunner: Sendable {
    package let backend: any TUIBackend
    package let context: RenderContext
    /// How long one key poll waits before the loop looks at the inbox again.
    package let pollInterval: Duration
    /// How a lost event stream is retried.
    package let reconnect: ReconnectPolicy
    /// The clock for "unreachable since" (tests pin it).
    package let now: @Sendable () -> Date
    /// Opens other contexts; nil where there are none (tests, the demo backend).
    package let connector: (any TUIConnector)?

    package init(
        backend: any TUIBackend, context: RenderContext, pollInterval: Duration = .milliseconds(40),
        reconnect: ReconnectPolicy = .standard, now: @escaping @Sendable () -> Date = { Date() },
        connector: (any TUIConnector)? = nil
    ) {
        self.backend = backend
        self.context = context
        self.pollInterval = pollInterval
        self.reconnect = reconnect
        self.now = now
        self.connector = connector
    }

    /// The backend effects and events go to, its generation, and the signal that ends its event pump (finished
    /// when another context takes over).
    private struct Connection: Sendable {
        var backend: any TUIBackend
        var generation: Int
        var stop: AsyncStream<Void>
        var stopping: AsyncStream<Void>.Continuation

        init(backend: any TUIBackend, generation: Int) {
            self.backend = backend
            self.generation = generation
            (stop, stopping) = AsyncStream<Void>.makeStream()
        }
    }

    /// Runs until the user quits (or the task is cancelled) and returns the final state.
    package func run(state initial: AppState, on terminal: some Terminal) async -> AppState {
        let inbox = Inbox()
        let (connections, connect) = AsyncStream<Connection>.makeStream()
        let (reconnect, now) = (self.reconnect, self.now)
        return await withTaskGroup(of: Void.self) { group in
            // One event pump at a time: each runs until its connection's stop signal, then the next starts.
            group.addTask {
                for await connection in connections {
                    await withTaskGroup(of: Void.self) { pump in
                        let events = EventPump(backend: connection.backend, policy: reconnect, now: now)
                        pump.addTask { await events.run(into: inbox, generation: connection.generation) }
                        pump.addTask { for await _ in connection.stop {} }
                        await pump.next()
                        pump.cancelAll()
                    }
                }
            }
            var current = Connection(backend: backend, generation: 0)
            connect.yield(current)
            let opened = Handoff()
            let connector = self.connector
            var state = initial
            var pending = state.start()
            var lastFrame: Screen?
            var renderedState: AppState?
            var renderedSize: TerminalSize?
            while true {
                for effect in pending where effect != .quit {
                    let (performer, generation) = (EffectPerformer(backend: current.backend, now: now), current.generation)
                    group.addTask {
                        let feedback = await Self.perform(effect, with: performer, connector: connector, handoff: opened)
                        if let feedback { inbox.post(feedback, generation: generation) }
                    }
                }
                pending = []
                if state.isQuitting || Task.isCancelled { break }
                // Render only when something could have changed: a key, a result, an event or a new size. A long
                // transcript is not laid out 25 times a second for nothing.
                let size = terminal.size
                if state != renderedState || size != renderedSize || lastFrame == nil {
                    let frame = AppView(state: state, context: context).render(width: size.width, height: size.height)
                    if frame != lastFrame {
                        terminal.draw(frame)
                        lastFrame = frame
                    }
                    renderedState = state
                    renderedSize = size
                }
                if let key = await terminal.readKey(timeout: pollInterval) {
                    if case .mouse(let event) = key {
                        // What is under the pointer comes from the frame the user is looking at.
                        pending += state.handle(mouse: event, target: lastFrame?.target(atRow: event.row, col: event.col))
                    } else {
                        pending += state.handle(key)
                    }
                }
                for feedback in inbox.drain(generation: current.generation) {
                    if case .contextConnected(let name, _) = feedback {
                        guard let connection = opened.take(name) else { continue }
                        current.stopping.finish()
                        current = Connection(backend: connection.backend, generation: current.generation + 1)
                        connect.yield(current)
                    }
                    pending += state.apply(feedback)
                }
            }
            current.stopping.finish()
            connect.finish()
            group.cancelAll()
            return state
        }
    }

    /// Performs an effect; the context effects need the connector, the rest the backend.
    private static func perform(
        _ effect: Effect, with performer: EffectPerformer, connector: (any TUIConnector)?, handoff: Handoff
    ) async -> Feedback? {
        switch effect {
        case .switchContext(let name):
            guard let connector else { return .failed(effect, message: "Switching contexts is not available here") }
            do {
                let (backend, host) = try await connector.connect(context: name)
                handoff.put(ContextConnection(name: name, host: host, backend: backend))
                return .contextConnected(name: name, host: host)
            } catch {
                return .failed(effect, message: EffectPerformer.describe(error))
            }
        case .listContexts:
            guard let connector else { return .failed(effect, message: "Switching contexts is not available here") }
            do {
                let (names, current) = try connector.contexts()
                return .contextsListed(names, current: current)
            } catch {
                return .failed(effect, message: EffectPerformer.describe(error))
            }
        default:
            return await performer.perform(effect)
        }
    }
}

/// Hands a newly opened context's backend from the task that opened it to the loop.
private final class Handoff: Sendable {
    private let waiting = Mutex<ContextConnection?>(nil)

    func put(_ connection: ContextConnection) { waiting.withLock { $0 = connection } }

    /// The connection opened for `name`, once.
    func take(_ name: String) -> ContextConnection? {
        waiting.withLock { slot in
            guard let connection = slot, connection.name == name else { return nil }
            slot = nil
            return connection
        }
    }
}
