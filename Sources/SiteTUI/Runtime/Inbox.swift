import Synchronization

/// Where effect results and daemon events wait until the runner's loop picks them up between key polls.
///
/// A mutex-guarded queue rather than an `AsyncStream`: the loop must drain without blocking, because it also polls
/// the keyboard.
package final class Inbox: Sendable {
    private let items = Mutex<[Feedback]>([])

    package init() {}

    /// Queues one item; safe from any task.
    package func post(_ feedback: Feedback) {
        items.withLock { $0.append(feedback) }
    }

    /// Takes everything queued so far, oldest first.
    package func drain() -> [Feedback] {
        items.withLock { items in
            defer { items.removeAll() }
            return items
        }
    }
}
