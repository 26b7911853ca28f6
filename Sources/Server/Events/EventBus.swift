package import SiteAPI
import Synchronization
import Foundation

/// Fans events out to every live subscriber (WebSocket and NDJSON streams, `jobs logs -f`).
///
/// In-process for the embedded daemon; a PostgreSQL LISTEN/NOTIFY implementation can sit behind the same calls.
package final class EventBus: Sendable {
    private struct Subscriber {
        var filter: @Sendable (Event) -> Bool
        var continuation: AsyncStream<Event>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])

    package init() {}

    /// A stream of the events that pass `filter`, from now on. Ends when the consumer stops iterating.
    package func subscribe(bufferLimit: Int = 1024, filter: @escaping @Sendable (Event) -> Bool = { _ in true })
        -> AsyncStream<Event>
    {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = Subscriber(filter: filter, continuation: continuation) }
        return stream
    }

    package func publish(_ event: Event) {
        let targets = subscribers.withLock { $0.values.filter { $0.filter(event) }.map(\.continuation) }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream (daemon shutdown).
    package func finishAll() {
        let all = subscribers.withLock { dict -> [AsyncStream<Event>.Continuation] in
            let values = dict.values.map(\.continuation)
            dict.removeAll()
            return values
        }
        for continuation in all { continuation.finish() }
    }

    package var subscriberCount: Int { subscribers.withLock { $0.count } }
}
