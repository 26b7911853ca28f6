import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import SiteServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, item 10: idle connections are closed after the idle timeout, and one client cannot hold more than
/// its share of connections (20,000 idle connections once made serving and the API unreachable).
@Suite struct ConnectionFloodTests {
    /// A TCP connection to 127.0.0.1:port that sends nothing; `isClosedByPeer` waits up to `seconds` for EOF.
    struct IdleConnection {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        }

        func isClosedByPeer(within seconds: Int) -> Bool {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return false }
            var byte: UInt8 = 0
            return recv(descriptor, &byte, 1, 0) <= 0
        }

        func send(_ text: String) { _ = text.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }

        func close() { _ = Glibc.close(descriptor) }
    }

    static func daemon(idle: Int64 = 30, perClient: Int = 256) throws -> TestDaemon {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            servePort: 0, themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        configuration.servingConnections.idleTimeoutSeconds = idle
        configuration.servingConnections.maxPerClient = perClient
        configuration.apiConnections.idleTimeoutSeconds = idle
        configuration.apiConnections.maxPerClient = perClient
        return try TestDaemon(configuration: configuration)
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        let daemon = try Self.daemon(idle: 1)
        try await daemon.withSiteServer { client in
            let port = client.port
            let idle = try IdleConnection(port: port)
            defer { idle.close() }
            #expect(idle.isClosedByPeer(within: 10), "an idle connection stayed open past the 1 s idle timeout")
        }
    }

    @Test func oneClientCannotHoldMoreThanItsShareOfConnections() async throws {
        let daemon = try Self.daemon(perClient: 4)
        try await daemon.withSiteServer { client in
            let port = client.port
            // The server accepts in any order: whichever connection comes fifth is the one refused.
            let connections = try (0..<5).map { _ in try IdleConnection(port: port) }
            defer { connections.forEach { $0.close() } }
            var closed = 0
            for connection in connections where connection.isClosedByPeer(within: 2) { closed += 1 }
            // The test framework's own client may hold one of the four slots too.
            #expect((1...2).contains(closed), "\(closed) of 5 connections from one address were closed; the limit is 4")
        }
    }

    @Test func aSilentConnectionToTheAPIIsClosedBeforeItsFirstRequest() async throws {
        // The API's WebSocket-capable channel only starts Hummingbird's idle timer after a first request head.
        let daemon = try Self.daemon(idle: 1)
        let app = try daemon.components.apiApplication(logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let silent = try IdleConnection(port: port)
            defer { silent.close() }
            #expect(silent.isClosedByPeer(within: 10), "a silent API connection stayed open")
        }
    }

    @Test func aSlowLorisDrippingItsHeadIsClosed() async throws {
        let daemon = try Self.daemon(idle: 2)
        let app = try daemon.components.apiApplication(logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let loris = try IdleConnection(port: port)
            defer { loris.close() }
            loris.send("GET /livez HTTP/1.1\r\nHost: x\r\n")
            var closed = false
            for index in 0..<20 where !closed {
                loris.send("X-Drip-\(index): y\r\n")
                closed = loris.isClosedByPeer(within: 1)
            }
            #expect(closed, "a head dripped one line a second was never cut off")
        }
    }

    @Test func aNormalRequestStillWorksOnTheGuardedAPI() async throws {
        let daemon = try Self.daemon(idle: 20)
        let app = try daemon.components.apiApplication(logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/livez", method: .get)
            #expect(response.status == .ok)
        }
    }
}
