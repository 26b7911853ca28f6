import Foundation
import Glibc
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

    /// An idle NDJSON stream carries an empty line every heartbeat, so a client can tell a quiet daemon from a
    /// dead connection, and an event still arrives between beats.
    @Test func ndjsonStreamSendsHeartbeatsWhileIdle() async throws {
        let daemon = try TestDaemon()
        let (ann, annToken) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let blogID = try #require(try await daemon.components.sites.site(named: "blog", for: ann).id)
        try await daemon.withEventStream(heartbeat: .milliseconds(100), token: annToken) { socket in
            // Three beats: the body is chunked, so each empty line is the chunk "1\r\n\n\r\n".
            let beats = try socket.read(until: { $0.components(separatedBy: "1\r\n\n\r\n").count > 3 }, timeout: .seconds(10))
            #expect(beats.hasPrefix("HTTP/1.1 200"))
            daemon.components.events.publish(Event(kind: .siteUpdated, site: "blog", time: Date(), state: "between-beats"), siteID: blogID)
            let more = try socket.read(until: { $0.contains("between-beats") }, timeout: .seconds(10))
            #expect(more.contains("\"site\":\"blog\""))
        }
    }

    /// A stream ends within a beat of its session: here the access token stops being valid (logout).
    @Test func aLoggedOutSessionsStreamEnds() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        let session = try await daemon.components.accounts.login(email: "ann@example.test", password: "correct horse battery")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        try await daemon.withEventStream(heartbeat: .milliseconds(100), token: session.accessToken) { socket in
            _ = try socket.read(until: { $0.contains("1\r\n\n\r\n") }, timeout: .seconds(10))
            try await daemon.components.accounts.logout(refreshToken: session.refreshToken)
            // The chunked body ends with its last chunk, "0\r\n\r\n".
            let end = try socket.read(until: { $0.hasSuffix("0\r\n\r\n") }, timeout: .seconds(10))
            #expect(end.hasSuffix("0\r\n\r\n"))
        }
    }

    /// While events flow, a logged-out session's stream delivers none of them after a second, even between beats.
    @Test func aLoggedOutSessionGetsNoMoreEventsBetweenBeats() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        let session = try await daemon.components.accounts.login(email: "ann@example.test", password: "correct horse battery")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let blogID = try #require(try await daemon.components.sites.site(named: "blog", for: ann).id)
        try await daemon.withEventStream(heartbeat: .seconds(600), token: session.accessToken) { socket in
            _ = try socket.read(until: { $0.contains("\r\n\r\n") }, timeout: .seconds(10))
            try await daemon.components.accounts.logout(refreshToken: session.refreshToken)
            try await Task.sleep(for: .milliseconds(1200))
            daemon.components.events.publish(Event(kind: .siteUpdated, site: "blog", time: Date(), state: "after-logout"), siteID: blogID)
            let end = try socket.read(until: { $0.hasSuffix("0\r\n\r\n") || $0.contains("after-logout") }, timeout: .seconds(10))
            #expect(!end.contains("after-logout"))
        }
    }

    /// Deleting a site tells its owner's streams, so dashboards drop it without a refresh.
    @Test func deletingASiteIsAnEvent() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let controller = EventsController(events: daemon.components.events, sites: daemon.components.sites, auth: daemon.components.auth)
        let stream = try await controller.stream(for: ann, site: nil)
        try await daemon.components.sites.delete(site: "blog", for: ann)
        var iterator = stream.makeAsyncIterator()
        let event = await iterator.next()
        #expect(event?.kind == .siteDeleted)
        #expect(event?.site == "blog")
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

extension TestDaemon {
    /// Serves the NDJSON event stream with `heartbeat` on a live port and runs `body` with a socket that has asked
    /// for it with `token`.
    func withEventStream(heartbeat: Duration, token: String, _ body: @escaping @Sendable (RawHTTPSocket) async throws -> Void) async throws {
        let router = Router(context: APIRequestContext.self)
        var controller = EventsController(events: components.events, sites: components.sites, auth: components.auth)
        controller.heartbeat = heartbeat
        controller.addRoutes(to: router)
        try await Application(router: router).test(.live) { client in
            let socket = try RawHTTPSocket(port: try #require(client.port))
            defer { socket.close() }
            try socket.send("GET /v1/events?format=ndjson HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
            try await body(socket)
        }
    }
}

/// A blocking TCP client for reading a streamed HTTP response as it arrives (the test clients collect whole bodies).
final class RawHTTPSocket {
    private let fd: Int32
    private var received = ""

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Everything received so far once `done` holds for it; throws after `timeout`.
    func read(until done: (String) -> Bool, timeout: Duration) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !done(received) {
            guard ContinuousClock.now < deadline else { throw POSIXError(.ETIMEDOUT) }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
            if count == 0 { throw POSIXError(.ECONNRESET) }
        }
        return received
    }

    func close() { Glibc.close(fd) }
}
