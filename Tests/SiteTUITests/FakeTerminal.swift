import Synchronization
import SiteTUI

/// A ``Terminal`` for runner tests: plays a script of key presses, waits for things to appear on screen, runs test
/// actions in between, and keeps every frame drawn.
final class FakeTerminal: Terminal, Sendable {
    /// One scripted step.
    enum Step: Sendable {
        case key(Key)
        case type(String)
        /// Wait until the last frame contains this text (fails the script after the deadline).
        case waitFor(String)
        /// Wait until the last frame satisfies a condition, described for the failure message.
        case waitUntil(String, @Sendable (Screen) -> Bool)
        /// Run an action, e.g. make the backend emit events.
        case run(@Sendable () async -> Void)
        case resize(width: Int, height: Int)
    }

    private struct State {
        var steps: [Step]
        var frames: [Screen] = []
        var size: TerminalSize
        var failure: String?
        var waitStarted: ContinuousClock.Instant?
    }

    private let state: Mutex<State>
    private let deadline: Duration

    init(width: Int = 100, height: Int = 24, deadline: Duration = .seconds(10), script: [Step]) {
        state = Mutex(State(steps: script, size: TerminalSize(width: width, height: height)))
        self.deadline = deadline
    }

    var size: TerminalSize { state.withLock { $0.size } }
    var lastFrame: Screen? { state.withLock { $0.frames.last } }
    var frameCount: Int { state.withLock { $0.frames.count } }
    /// Why the script gave up, if it did.
    var failure: String? { state.withLock { $0.failure } }

    func draw(_ screen: Screen) { state.withLock { $0.frames.append(screen) } }

    func readKey(timeout: Duration) async -> Key? {
        while true {
            let next: Step? = state.withLock { state in
                guard !state.steps.isEmpty else { return nil }
                switch state.steps[0] {
                case .type(let text) where text.count > 1:
                    state.steps[0] = .type(String(text.dropFirst()))
                    return .key(.character(text.first ?? " "))
                case .type(let text):
                    state.steps.removeFirst()
                    return .key(.character(text.first ?? " "))
                default:
                    return state.steps.removeFirst()
                }
            }
            switch next {
            case nil:
                return .control("c")  // script finished: quit
            case .key(let key):
                return key
            case .type:
                return nil
            case .resize(let width, let height):
                state.withLock { $0.size = TerminalSize(width: width, height: height) }
                return .resize
            case .run(let action):
                await action()
            case .waitFor(let text):
                switch check(.waitUntil(text, { $0.contains(text) })) {
                case .satisfied: continue
                case .notYet:
                    try? await Task.sleep(for: .milliseconds(2))
                    return nil
                case .timedOut: return .control("c")
                }
            case .waitUntil(let text, let condition):
                switch check(.waitUntil(text, condition)) {
                case .satisfied: continue
                case .notYet:
                    try? await Task.sleep(for: .milliseconds(2))
                    return nil
                case .timedOut: return .control("c")
                }
            }
        }
    }

    private enum WaitOutcome { case satisfied, notYet, timedOut }

    /// Checks the last frame for `text`; when it is not there yet the step goes back on the script.
    private func check(_ step: Step) -> WaitOutcome {
        guard case .waitUntil(let text, let condition) = step else { return .satisfied }
        let now = ContinuousClock.now
        return state.withLock { state in
            if let frame = state.frames.last, condition(frame) {
                state.waitStarted = nil
                return .satisfied
            }
            let started = state.waitStarted ?? now
            state.waitStarted = started
            if now - started > deadline {
                state.failure = "timed out waiting for \"\(text)\"; last frame:\n\(state.frames.last?.rendered ?? "")"
                state.steps = []
                return .timedOut
            }
            state.steps.insert(step, at: 0)
            return .notYet
        }
    }
}
