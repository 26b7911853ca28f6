package import SiteAPI
import Synchronization
import Foundation

/// An event and the id of the site it is about: subscribers authorise by id, never by name (a deleted site's
/// name can be taken by another account).
package struct SiteEvent: Sendable {
    package var event: Event
    package var siteID: Int64
}

/// The site an event is about, as publishers know it.
package struct EventSite: Sendable {
    package var id: Int64
    package var name: String
}

extension SiteRecord {
    /// This site for publishing events.
    package var eventSite: EventSite { EventSite(id: id ?? 0, name: name) }
}

extension ClaimedJob {
    /// The job's site for publishing events.
    package var eventSite: EventSite { EventSite(id: job.siteId, name: siteName) }
}

/// Fans events out to every live subscriber (WebSocket and NDJSON streams, `jobs logs -f`).
///
/// In-process for the embedded daemon; a PostgreSQL LISTEN/NOTIFY implementation can sit behind the same calls.
package final class EventBus: Sendable {
    private struct Subscriber {
        var filter: @Sendable (SiteEvent) -> Bool
        var continuation: AsyncStream<SiteEvent>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])
    /// Called synchronously with a site's name when what it serves may have changed (see ``siteChanged(_:)``).
    private let siteListeners = Mutex<[@Sendable (String) -> Void]>([])

    package init() {}

    /// Called synchronously with a custom domain that was added or removed (see ``domainChanged(_:)``).
    private let domainListeners = Mutex<[@Sendable (String) -> Void]>([])

    package func onDomainChange(_ listener: @escaping @Sendable (String) -> Void) {
        domainListeners.withLock { $0.append(listener) }
    }

    /// Tells the listeners, before returning, that `domain` now serves another site or none.
    package func domainChanged(_ domain: String) {
        for listener in domainListeners.withLock({ $0 }) { listener(domain) }
    }

    /// Registers `listener` for ``siteChanged(_:)`` (the serving table's invalidation).
    package func onSiteChange(_ listener: @escaping @Sendable (String) -> Void) {
        siteListeners.withLock { $0.append(listener) }
    }

    /// Tells the listeners, before returning, that `site`'s pointers, status or versions changed. ``publish(_:siteID:)``
    /// does it for deploy, preview and status events; deletions (which publish nothing) call it themselves.
    package func siteChanged(_ site: String) {
        for listener in siteListeners.withLock({ $0 }) { listener(site) }
    }

    /// A stream of the events that pass `filter`, from now on. Ends when the consumer stops iterating.
    package func subscribe(bufferLimit: Int = 1024, filter: @escaping @Sendable (SiteEvent) -> Bool = { _ in true })
        -> AsyncStream<SiteEvent>
    {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: SiteEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = Subscriber(filter: filter, continuation: continuation) }
        return stream
    }

    /// Delivers `event` about the site `siteID` to every subscriber whose filter takes it.
    package func publish(_ event: Event, siteID: Int64) {
        if [.siteDeployed, .sitePreviewed, .siteUpdated].contains(event.kind) { siteChanged(event.site) }
        let published = SiteEvent(event: event, siteID: siteID)
        let targets = subscribers.withLock { $0.values.filter { $0.filter(published) }.map(\.continuation) }
        for continuation in targets { continuation.yield(published) }
    }

    /// Ends every stream (daemon shutdown).
    package func finishAll() {
        let all = subscribers.withLock { dict -> [AsyncStream<SiteEvent>.Continuation] in
            let values = dict.values.map(\.continuation)
            dict.removeAll()
            return values
        }
        for continuation in all { continuation.finish() }
    }

    package var subscriberCount: Int { subscribers.withLock { $0.count } }
}
