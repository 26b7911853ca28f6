import Foundation
import Synchronization

/// Collects the agent's progress lines from its synchronous callback so the runner can persist them.
final class LogForwarder: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    func drain() -> [String] { lines.withLock { current in defer { current.removeAll() }; return current } }
}
