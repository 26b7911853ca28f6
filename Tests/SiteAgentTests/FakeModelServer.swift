import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// An in-process OpenAI-compatible server that replays recorded exchanges in order and keeps every request body.
final class FakeModelServer: Sendable {
    /// One recorded answer.
    enum Reply: Sendable {
        /// `text/event-stream`: each element is sent as one chunk (write what a server wrote, fragments included).
        case stream([String])
        /// A whole JSON body.
        case json(String)
        /// An error status with a body.
        case status(Int, String)
        /// Headers, then a comment every 100 ms for up to 10 s: a server that never answers.
        case stall
    }

    private let replies: Mutex<[Reply]>
    private let bodies = Mutex<[JSONValueBox]>([])

    init(_ replies: [Reply]) {
        self.replies = Mutex(replies)
    }

    /// Every request body received, parsed.
    var requests: [[String: Any]] {
        bodies.withLock { $0.map(\.object) }
    }

    /// The `data:` framing of one chunk object.
    static func event(_ json: String) -> String { "data: \(json)\n\n" }

    /// Starts the server on a free port, runs `body` with the base URL, stops the server.
    func serve<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let data = try await request.body.collect(upTo: 16 * 1024 * 1024)
            let bytes = Data(data.readableBytesView)
            self.bodies.withLock { $0.append(JSONValueBox(bytes)) }
            let reply = self.replies.withLock { $0.isEmpty ? Reply.status(500, "no more recorded replies") : $0.removeFirst() }
            return Self.response(reply)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: Self.quietLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            defer { group.cancelAll() }
            return try await body("http://127.0.0.1:\(port)/v1")
        }
    }

    /// Hummingbird logs a cancelled shutdown as an error; the tests stop the server that way on purpose.
    private static let quietLogger: Logger = {
        var logger = Logger(label: "fake-model-server")
        logger.logLevel = .critical
        return logger
    }()

    private static func response(_ reply: Reply) -> Response {
        switch reply {
        case .stream(let chunks):
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: ResponseBody { writer in
                    for chunk in chunks { try await writer.write(ByteBuffer(string: chunk)) }
                    try await writer.finish(nil)
                })
        case .json(let text):
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        case .status(let code, let text):
            return Response(
                status: HTTPResponse.Status(code: code), headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        case .stall:
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: ResponseBody { writer in
                    for _ in 0..<100 {
                        try await writer.write(ByteBuffer(string: ": waiting\n\n"))
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}

/// A request body held as JSON text (so the server's state stays `Sendable`).
struct JSONValueBox: Sendable {
    let data: Data

    init(_ data: Data) { self.data = data }

    var object: [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }
}
