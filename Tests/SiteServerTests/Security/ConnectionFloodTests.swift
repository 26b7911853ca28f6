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

        func close() { _ = Glibc.close(descriptor) }
    }

    static func daemon(idle: Int64 = 30, perClient: Int = 256) throws -> TestDaemon {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            servePort: 0, themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        configuration.servingConnections.idleTimeoutSeconds = idle
        configuration.servingConnections.maxPerClient = perClient
        return try TestDaemon(configuration: configuration)
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        let daemon = try Self.daemon(idle: 1)
        let app = daemon.components.servingApplication(logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let idle = try IdleConnection(port: port)
            defer { idle.close() }
            #expect(idle.isClosedByPeer(within: 10), "an idle connection stayed open past the 1 s idle timeout")
        }
    }

    @Test func oneClientCannotHoldMoreThanItsShareOfConnections() async throws {
        let daemon = try Self.daemon(perClient: 4)
        let app = daemon.components.servingApplication(logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let held = try (0..<4).map { _ in try IdleConnection(port: port) }
            defer { held.forEach { $0.close() } }
            let extra = try IdleConnection(port: port)
            defer { extra.close() }
            #expect(extra.isClosedByPeer(within: 10), "a fifth connection from one address was kept")
            // The held ones are still served.
            #expect(!held[0].isClosedByPeer(within: 1))
        }
    }
}
