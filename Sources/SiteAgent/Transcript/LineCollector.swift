import Synchronization

/// Collects lines sent from any task (an agent's `log` callback), in order.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    init() {}

    /// Appends one line.
    func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    /// Every line so far.
    var lines: [String] { storage.withLock { $0 } }
}
