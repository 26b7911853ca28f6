import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOCore
import SiteAPI
@testable import SiteServer
import Synchronization
import Testing

@Suite struct EventStreamTests {
    /// The WebSocket stream at /v1/events delivers a job's state, log lines and the new version, to its owner only.
    @Test func webSocketStreamsJobEventsToTheOwner() async throws {
        let daemon = try TestDaemon()
        let (ann, annToken) = try await daemon.user("ann@example.test")
        let (_, bobToken) = try await daemon.user("bob@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let wsRouter = Router(context: APIRequestContext.self)
        EventsController(events: daemon.components.events, sites: daemon.components.sites, auth: daemon.components.auth)
            .addWebSocketRoutes(to: wsRouter)
        let app = Application(router: daemon.components.apiRouter(), server: .http1WebSocketUpgrade(webSocketRouter: wsRouter))
        let annEvents = EventSink()
        let bobEvents = EventSink()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (token, sink) in [(annToken, annEvents), (bobToken, bobEvents)] {
                    group.addTask {
                        var configuration = WebSocketClientConfiguration()
                        configuration.additionalHeaders = [.authorization: "Bearer \(token)"]
                        _ = try await WebSocketClient.connect(
                            url: "ws://127.0.0.1:\(port)/v1/events", configuration: configuration, logger: Logger(label: "test")
                        ) { inbound, _, _ in
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .text(let text) = message else { continue }
                                let event = try APIJSON.decoder().decode(Event.self, from: Data(text.utf8))
                                sink.append(event)
                                if event.kind == .jobState, event.state == "succeeded" { return }
                            }
                        }
                    }
                }
                // Wait until both clients are subscribed, then make something happen.
                let deadline = Date().addingTimeInterval(10)
                while daemon.components.events.subscriberCount < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
                _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Streamed", for: ann)
                let claimed = try #require(try await daemon.components.lifecycle.claim(worker: "w"))
                try await daemon.components.runner.process(claimed, worker: "w")
                // Ann's stream ends on the final job state; Bob's must not have seen anything.
                try await group.next()
                group.cancelAll()
            }
        }
        let kinds = annEvents.events.map(\.kind)
        #expect(kinds.contains(.requestState))
        #expect(kinds.contains(.jobLog))
        #expect(kinds.contains(.versionCreated))
        #expect(annEvents.events.first { $0.kind == .versionCreated }?.version == 2)
        #expect(bobEvents.events.isEmpty)
    }

    @Test func webSocketWithoutATokenIsRefused() async throws {
        let daemon = try TestDaemon()
        let wsRouter = Router(context: APIRequestContext.self)
        EventsController(events: daemon.components.events, sites: daemon.components.sites, auth: daemon.components.auth)
            .addWebSocketRoutes(to: wsRouter)
        let app = Application(router: daemon.components.apiRouter(), server: .http1WebSocketUpgrade(webSocketRouter: wsRouter))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            await #expect(throws: (any Error).self) {
                _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/v1/events", logger: Logger(label: "test")) { _, _, _ in }
            }
        }
    }
}

/// Events received by one WebSocket client.
final class EventSink: Sendable {
    private let received = Mutex<[Event]>([])
    func append(_ event: Event) { received.withLock { $0.append(event) } }
    var events: [Event] { received.withLock { $0 } }
}
