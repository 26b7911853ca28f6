import Foundation
package import Hummingbird
package import HummingbirdWebSocket

/// The request context of every API route, WebSocket upgrades included.
package struct APIRequestContext: RequestContext, WebSocketRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let webSocket: WebSocketHandlerReference<Self>

    package init(source: Source) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
    }

    /// Uploads (`sites create --from`) can be large; everything else is read with a smaller limit per route.
    package var maxUploadSize: Int { 256 * 1024 * 1024 }
}
