import Foundation
package import Hummingbird
package import HummingbirdWebSocket
package import NIOCore

/// The request context of every API route, WebSocket upgrades included.
package struct APIRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let webSocket: WebSocketHandlerReference<Self>
    /// The peer; nil in router tests, an address without an IP on the unix socket.
    package let remoteAddress: SocketAddress?

    package init(source: Source) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Whether the request came over the daemon's unix socket, which only its operator can open (mode 0600).
    package var isOperatorConnection: Bool {
        if case .unixDomainSocket = remoteAddress { return true }
        return false
    }

    /// The key per-client limits use: the peer's IP, or `local` for the owner-only unix socket and tests.
    package var clientKey: String { remoteAddress?.ipAddress ?? "local" }

    /// Uploads (`sites create --from`) can be large; everything else is read with a smaller limit per route.
    package var maxUploadSize: Int { 256 * 1024 * 1024 }
}
