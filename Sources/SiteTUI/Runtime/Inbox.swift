import Synchronization

/// Where effect results and daemon events wait until the runner's loop picks them up between key polls.
///
/// A mutex-guarded queue rather than an `AsyncStream`: the loop must drain without blocking, because it also polls
/// the keyboard.
package final class Inbox: Sendable {
    private let items = Mutex<[(generation: Int, feedback: Feedback)]>([])

    package init() {}

    /// Queues one item; safe from any task. `generation` is the connection it came from (see ``TUIRunner``).
    package func post(_ feedback: Feedback, generation: Int = 0) {
        items.withLock { $0.append((generation, feedback)) }
    }

    /// Takes everything queued so far, oldest first; with `generation`, what came from older connections (a
    /// context switched away from) is dropped.
    package func drain(generation: Int? = nil) -> [Feedback] {
        items.withLock { items in
            defer { items.removeAll() }
            return items.filter { generation == nil || $0.generation == generation }.map(\.feedback)
        }
    }
}
