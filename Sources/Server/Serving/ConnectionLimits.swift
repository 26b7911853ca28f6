package import Hummingbird
package import HummingbirdCore
package import HummingbirdWebSocket
package import Logging
package import NIOCore
import NIOHTTP1
import Synchronization

/// Bounds on connections, per server (operator-configurable through ``ServerConfiguration/connections``).
package struct ConnectionSettings: Sendable, Equatable {
    /// Seconds a connection may sit without a request, or take to send a request's head, before it is closed.
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
}

/// First in every connection's pipeline, on raw bytes: closes a connection whose client already has too many
/// open, and one that has not sent a complete first request head (`\r\n\r\n`) within the deadline (slow-loris,
/// or a socket opened and left silent). After the first head, Hummingbird's idle timeout takes over. It stays
/// for the connection's life (WebSocket upgrades included) so the count is right until it closes. Unix-socket
/// peers (the operator) are not counted.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let counter: ConnectionCounter
    private let deadline: TimeAmount
    private var counted: String?
    private var timer: Scheduled<Void>?
    private var sawHead = false
    /// The last bytes of what arrived before the head ended, to find a `\r\n\r\n` split across reads.
    private var tail: [UInt8] = []

    init(counter: ConnectionCounter, deadline: TimeAmount) {
        self.counter = counter
        self.deadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Added while the accepted channel is being set up; the checks run once it is active.
        if context.channel.isActive { admit(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context: context)
        context.fireChannelActive()
    }

    private func admit(context: ChannelHandlerContext) {
        guard timer == nil, counted == nil, !sawHead else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: deadline) { [context] in
            context.close(promise: nil)
        }
        if let client = context.channel.remoteAddress?.ipAddress {
            guard counter.open(client) else {
                context.close(promise: nil)
                return
            }
            counted = client
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !sawHead {
            let buffer = unwrapInboundIn(data)
            let bytes = tail + buffer.readableBytesView
            if bytes.count >= 4, (0...(bytes.count - 4)).contains(where: { index in
                bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10
            }) {
                sawHead = true
                tail = []
                timer?.cancel()
                timer = nil
            } else {
                tail = Array(bytes.suffix(3))
            }
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if let counted { counter.close(counted) }
        counted = nil
    }
}

/// A child channel with a ``ConnectionGuard`` in front of `base`'s handlers.
struct GuardedChildChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let counter: ConnectionCounter
    let deadline: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let counter = self.counter
        let deadline = self.deadline
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ConnectionGuard(counter: counter, deadline: deadline), position: .first)
        }.flatMap { base.setup(channel: channel, logger: logger) }.flatMapThrowing { value in
            // Right behind the HTTP decoder: a request it cannot parse gets a 400 and the connection closes. The
            // WebSocket-upgrade pipeline otherwise waits for a head that never comes, and keeps the connection.
            let operations = channel.pipeline.syncOperations
            if let decoder = try? operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) {
                try operations.addHandler(MalformedRequestCloser(), position: .after(decoder))
            }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension ConnectionSettings {
    /// HTTP/1 with the idle timeout, behind a connection guard.
    func http1Server() -> HTTPServerBuilder {
        let counter = ConnectionCounter(limit: maxPerClient)
        let configuration = HTTP1Channel.Configuration(idleTimeout: .seconds(idleTimeoutSeconds))
        let deadline = TimeAmount.seconds(idleTimeoutSeconds)
        return HTTPServerBuilder { responder in
            GuardedChildChannel(base: HTTP1Channel(responder: responder, configuration: configuration), counter: counter, deadline: deadline)
        }
    }
}

extension ConnectionSettings {
    /// HTTP/1 with WebSocket upgrades (the API), with the idle timeout, behind a connection guard.
    func http1WebSocketServer<Context: WebSocketRequestContext>(webSocketRouter: Router<Context>) -> HTTPServerBuilder {
        let counter = ConnectionCounter(limit: maxPerClient)
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(http1: .init(idleTimeout: .seconds(idleTimeoutSeconds)))
        let deadline = TimeAmount.seconds(idleTimeoutSeconds)
        let webSocketResponder = webSocketRouter.buildResponder()
        return HTTPServerBuilder { responder in
            GuardedChildChannel(
                base: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                counter: counter, deadline: deadline)
        }
    }
}

/// Answers a request the HTTP decoder could not parse (garbage, an oversized head, conflicting lengths) with a bare
/// `400` written straight to the socket, then closes the connection.
final class MalformedRequestCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let body = "The request could not be parsed as HTTP/1.1.\n"
        let response = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        // Written from the connection guard's place, the first handler, so no HTTP encoder sees raw bytes.
        if let first = try? context.pipeline.syncOperations.context(handlerType: ConnectionGuard.self) {
            first.writeAndFlush(NIOAny(ByteBuffer(string: response))).whenComplete { _ in context.close(promise: nil) }
        } else {
            context.close(promise: nil)
        }
    }
}
