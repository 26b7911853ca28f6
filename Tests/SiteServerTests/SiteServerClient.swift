import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
@testable import SiteServer

/// A response from the real site server, as the tests read it.
struct SiteResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
    var text: String { String(buffer: body) }
    var data: Data { Data(body.readableBytesView) }
}

/// An HTTP/1.1 client on one keep-alive connection to the daemon's site server.
struct SiteServerClient: Sendable {
    let client: TestClient
    let port: Int

    /// Sends `request` as it is on a new connection and returns everything the server writes until it closes
    /// (or `seconds` pass): for requests no HTTP client would send. The blocking socket work runs on a thread of
    /// its own: on the concurrency pool it would starve the server's tasks.
    func raw(_ request: String, seconds: Int = 5, halfClose: Bool = false) async throws -> String {
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try Self.rawBlocking(request, port: port, seconds: seconds, halfClose: halfClose) })
            }.start()
        }
    }

    private static func rawBlocking(_ request: String, port: Int, seconds: Int, halfClose: Bool) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { _ = Glibc.close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if halfClose { shutdown(descriptor, Int32(SHUT_WR)) }
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:]) async throws -> SiteResponse {
        let response = try await client.execute(.init(uri, method: method, headers: headers))
        return SiteResponse(status: response.status, headers: response.headers, body: response.body ?? ByteBuffer())
    }
}

extension TestDaemon {
    /// Runs the daemon's own site server (``SiteHTTPServer``, what `daemon start` serves with) on a free loopback
    /// port for `body`, then stops it.
    func withSiteServer<T: Sendable>(_ body: (SiteServerClient) async throws -> T) async throws -> T {
        let server = SiteHTTPServer(
            serving: components.serving, host: "127.0.0.1", port: 0, settings: components.configuration.servingConnections,
            threads: 1, logger: Logger(label: "test"), onBound: { _ in })
        let channel = try await server.bind()
        let port = try require(channel.localAddress?.port)
        let client = TestClient(host: "127.0.0.1", port: port)
        client.connect()
        do {
            let result = try await body(SiteServerClient(client: client, port: port))
            try? await client.shutdown()
            try await server.stop(channel)
            return result
        } catch {
            try? await client.shutdown()
            try? await server.stop(channel)
            throw error
        }
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.featureUnsupported) }
    return value
}
