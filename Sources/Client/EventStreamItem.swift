public import SiteAPI

/// One item of ``APIClient/eventStream(site:)``: the stream's transport signals as well as its events.
public enum EventStreamItem: Sendable, Equatable {
    /// The daemon answered and has subscribed this client; events from here on are delivered.
    case opened
    /// An idle-time keep-alive line: the connection is still there.
    case heartbeat
    /// A live event.
    case event(Event)
}
