package import HummingbirdCore
package import NIOCore
import Synchronization

/// Bounds on connections, per server (operator-configurable through ``ServerConfiguration/connections``).
package struct ConnectionSettings: Sendable, Equatable {
    /// Seconds a connection may sit without a request (or take to send one) before it is closed.
    package var idleTimeoutSeconds: Int64 = 30
    /// Open connections per server; past it the server stops accepting until some close.
    package var maxConnections = 4096
    /// Open connections per client address per server; past it a new connection is closed at once.
    package var maxPerClient = 256

    package init() {}
}

/// Open connections per client address across one server.
package final class ConnectionCounter: Sendable {
    let limit: Int
    private let counts = Mutex<[String: Int]>([:])

    package init(limit: Int) { self.limit = limit }

    /// Counts a new connection from `client`; false (and not counted) when the client is at its limit.
    func open(_ client: String) -> Bool {
        counts.withLock { counts in
            let current = counts[client, default: 0]
            guard current < limit else { return false }
            counts[client] = current + 1
            return true
        }
    }

    func close(_ client: String) {
        counts.withLock { counts in
            let left = (counts[client] ?? 1) - 1
            counts[client] = left > 0 ? left : nil
        }
    }

    /// Connections open from `client` now.
    package func count(_ client: String) -> Int { counts.withLock { $0[client, default: 0] } }
}

/// Closes a connection at once when its client already has too many open (a slow-loris or idle flood from one
/// address must not take every slot); unix-socket peers (the operator) are not counted.
final class PerClientConnectionLimit: ChannelInboundHandler, RemovableChannelHandler {
    // Passes every part on untouched; only connection events matter here.
    typealias InboundIn = NIOAny

    private let counter: ConnectionCounter
    private var counted: String?

    init(counter: ConnectionCounter) { self.counter = counter }

    func handlerAdded(context: ChannelHandlerContext) {
        guard let client = context.channel.remoteAddress?.ipAddress else { return }
        if counter.open(client) {
            counted = client
        } else {
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let counted { counter.close(counted) }
        counted = nil
    }
}

extension ConnectionSettings {
    /// The HTTP/1 settings for a server: idle timeout and the per-client limit.
    func http1(counter: ConnectionCounter) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            additionalChannelHandlers: [PerClientConnectionLimit(counter: counter)], idleTimeout: .seconds(idleTimeoutSeconds))
    }
}
