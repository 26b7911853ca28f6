import Synchronization
import Foundation
import HTTPTypes
package import Logging
package import NIOCore
import NIOHTTP1
import NIOHTTP2
package import NIOPosix
package import NIOSSL
package import ServiceLifecycle

/// The site server: HTTP/1.1 straight on SwiftNIO, answering from memory on the event loop.
///
/// Hummingbird's server hands every request to a Swift task and back (two thread hops per request); for static
/// files that hand-off cost more than the rest of the work (24k req/s on one core where this answers ~2x that), so
/// sites are served by this small pipeline instead: the connection guard (first-request deadline, connections per
/// client), NIO's HTTP/1 codec with pipelining and its 400-and-close for malformed requests, an idle timeout, and
/// ``SiteRequestHandler``. A request whose answer is in memory (``SiteServing/cachedResponse(host:path:request:)``)
/// is written before the handler returns; the rest go through a task and are written back on the loop. Large
/// files go out with sendfile.
package struct SiteHTTPServer: Service {
    let serving: SiteServing
    let host: String
    let port: Int
    let settings: ConnectionSettings
    let onBound: @Sendable (String) -> Void
    let logger: Logger
    /// The site server's own event loops (one per CPU this process may run on, or `--serve-threads`), apart from
    /// the API's, so a busy API never delays a page and the other way round.
    let group: MultiThreadedEventLoopGroup
    let observers: ServingObservers
    /// The HTTPS listener (`--serve-tls`), with the plain listener's ACME answers and redirects.
    let tls: SiteTLS?

    package init(
        serving: SiteServing, host: String, port: Int, settings: ConnectionSettings, threads: Int? = nil,
        metrics: ServingMetrics = ServingMetrics(), accessLog: AccessLog? = nil, tls: SiteTLS? = nil, logger: Logger,
        onBound: @escaping @Sendable (String) -> Void
    ) {
        self.tls = tls
        self.observers = ServingObservers(metrics: metrics, accessLog: accessLog)
        self.serving = serving
        self.host = host
        self.port = port
        self.settings = settings
        self.logger = logger
        self.onBound = onBound
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads ?? Self.usableCPUs()))
    }

    /// CPUs this process may run on (its affinity mask, as `nproc` counts; `taskset -c 0` gives 1), from
    /// `Cpus_allowed_list` in /proc/self/status (Swift's Glibc module does not export sched_getaffinity).
    package static func usableCPUs() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return System.coreCount }
        var count = 0
        for part in line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces).split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[1] >= bounds[0] { count += bounds[1] - bounds[0] + 1 } else if bounds.count == 1 { count += 1 }
        }
        return count > 0 ? min(count, System.coreCount) : System.coreCount
    }

    /// A listener's bootstrap: the socket options both listeners use, and the connection cap (past it a connection
    /// is closed at once, so the API and other sites' visitors keep working) before `initialize` sets a channel up.
    /// Each listener has its own caps.
    private func bootstrap(
        halfClosure: Bool,
        _ initialize: @escaping @Sendable (any Channel, ConnectionCounter, TimeAmount) -> EventLoopFuture<Void>
    ) -> ServerBootstrap {
        let counter = ConnectionCounter(limit: settings.maxPerClient)
        let open = OpenConnections()
        let maxConnections = settings.maxConnections
        let deadline = TimeAmount.seconds(settings.idleTimeoutSeconds)
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: halfClosure)
            .childChannelInitializer { channel in
                guard open.admit(limit: maxConnections) else { return channel.close() }
                channel.closeFuture.whenComplete { _ in open.release() }
                return initialize(channel, counter, deadline)
            }
    }

    /// Binds and returns the channel (its local address has the port when 0 was asked for).
    package func bind() async throws -> any Channel {
        let serving = serving
        let observers = observers
        let front = tls?.front
        // A client may send its request and close its side (`nc -N`): the answers still go out, then we close.
        return try await bootstrap(halfClosure: true) { channel, counter, deadline in
            channel.eventLoop.makeCompletedFuture {
                let operations = channel.pipeline.syncOperations
                try operations.addHandler(ConnectionGuard(counter: counter, deadline: deadline))
                try operations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                try operations.addHandler(IdleStateHandler(allTimeout: deadline))
                try operations.addHandler(SiteRequestHandler(serving: serving, observers: observers, front: front))
            }
        }
        .bind(host: host, port: port)
        .get()
    }

    /// Binds the HTTPS listener: TLS with the certificate SNI names (``CertificateStore``), then HTTP/2 or
    /// HTTP/1.1 as ALPN settles, both ending in ``SiteRequestHandler``.
    package func bindTLS(_ tls: SiteTLS) async throws -> any Channel {
        let serving = serving
        let observers = observers
        let context = tls.context
        let store = tls.front.store
        return try await bootstrap(halfClosure: false) { channel, counter, deadline in
            channel.eventLoop.makeCompletedFuture {
                let operations = channel.pipeline.syncOperations
                try operations.addHandler(NIOSSLServerHandler(context: context))
                // Behind TLS the guard sees plain bytes: the handshake and the first request head (or HTTP/2's
                // preface) must arrive within the deadline.
                try operations.addHandler(ConnectionGuard(counter: counter, deadline: deadline))
            }.flatMap {
                channel.configureHTTP2SecureUpgrade(
                    h2ChannelConfigurator: { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(IdleStateHandler(allTimeout: deadline))
                            try channel.pipeline.syncOperations.addHandler(CloseWhenIdle())
                        }.flatMap {
                            channel.configureHTTP2Pipeline(mode: .server) { stream in
                                stream.eventLoop.makeCompletedFuture {
                                    try stream.pipeline.syncOperations.addHandler(HTTP2FramePayloadToHTTP1ServerCodec())
                                    try stream.pipeline.syncOperations.addHandler(
                                        SiteRequestHandler(
                                            serving: serving, observers: observers, front: nil, sendfile: false, mode: .parts,
                                            certificates: store))
                                }
                            }.flatMapThrowing { _ in
                                // After a connection error NIO sends GOAWAY; the connection then ends here instead of
                                // reading (and buffering) whatever the peer goes on sending.
                                try channel.pipeline.syncOperations.addHandler(CloseOnError())
                            }
                        }
                    },
                    http1ChannelConfigurator: { channel in
                        channel.eventLoop.makeCompletedFuture {
                            let operations = channel.pipeline.syncOperations
                            try operations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                            try operations.addHandler(IdleStateHandler(allTimeout: deadline))
                            try operations.addHandler(
                                SiteRequestHandler(serving: serving, observers: observers, front: nil, sendfile: false, certificates: store))
                        }
                    })
            }
        }
        .bind(host: tls.host, port: tls.port)
        .get()
    }

    /// Closes a channel from ``bind()`` and the server's event loops (tests; ``run()`` does this on shutdown).
    package func stop(_ channel: any Channel) async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }

    package func run() async throws {
        let channel: any Channel
        do {
            channel = try await bind()
        } catch {
            logger.error("cannot serve sites", metadata: ["address": .string("\(host):\(port)"), "error": .string("\(error)")])
            throw ServerStartError("Cannot serve sites on \(host):\(port) (--serve): \(error).",
                hint: "Pick a free address, e.g. --serve 127.0.0.1:8081; see what holds it with: ss -ltnp")
        }
        var boundTLS: (any Channel)?
        if let tls {
            do {
                let bound: any Channel
                do {
                    bound = try await bindTLS(tls)
                } catch {
                    logger.error("cannot serve sites over HTTPS", metadata: ["address": .string("\(tls.host):\(tls.port)"), "error": .string("\(error)")])
                    throw ServerStartError("Cannot serve sites over HTTPS on \(tls.host):\(tls.port) (--serve-tls): \(error).",
                        hint: "Pick a free address, e.g. --serve-tls 127.0.0.1:8443; see what holds it with: ss -ltnp")
                }
                tls.front.httpsPort.store(bound.localAddress?.port ?? tls.port, ordering: .relaxed)
                tls.onBound("\(tls.host):\(bound.localAddress?.port ?? tls.port)")
                logger.info("serving sites over HTTPS", metadata: ["address": .string("\(tls.host):\(bound.localAddress?.port ?? tls.port)")])
                boundTLS = bound
            } catch {
                try? await channel.close()
                throw error
            }
        }
        let tlsChannel = boundTLS
        onBound("\(host):\(channel.localAddress?.port ?? port)")
        logger.info("serving sites", metadata: ["address": .string("\(host):\(channel.localAddress?.port ?? port)")])
        // Stops accepting on graceful shutdown; connections in flight finish their response (keep-alive ones close
        // with the process).
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            if let accessLog = observers.accessLog { tasks.addTask { await accessLog.run() } }
            try await withGracefulShutdownHandler {
                try await channel.closeFuture.get()
                try await tlsChannel?.closeFuture.get()
            } onGracefulShutdown: {
                channel.close(promise: nil)
                tlsChannel?.close(promise: nil)
            }
            tasks.cancelAll()
        }
        try? await group.shutdownGracefully()
    }
}

/// One connection's requests: GET and HEAD are served, anything else is 405; bodies sent with a GET are
/// discarded. Responses keep the connection open unless the client asked to close it.
///
/// Over HTTP/1 (plain or TLS) the handler sits right behind NIO's request decoder and writes responses as bytes:
/// a full 200 of a prepared file is its prepared header block plus a status line, with no header encoding per
/// request. It keeps pipelined requests in order itself: while an answer is being loaded, later request parts wait
/// here and reading stops. Under HTTP/2 (one request per stream) it writes response parts to NIO's HTTP/2 codec.
final class SiteRequestHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = NIOAny
    typealias OutboundOut = HTTPServerResponsePart

    /// How responses are written: bytes (HTTP/1) or response parts (HTTP/2 streams).
    enum Mode { case http1, parts }

    private let serving: SiteServing
    private let observers: ServingObservers
    private let mode: Mode
    private var head: HTTPRequestHead?
    /// A request is being answered (from its end until its response is handed to the channel).
    private var answering = false
    /// Request parts that arrived while an answer was loading, in order.
    private var waiting = CircularBuffer<HTTPServerRequestPart>()
    /// A read was asked for while requests were waiting: done once they are answered.
    private var readHeld = false
    /// The last response's end, written or not yet.
    private var lastEnd: EventLoopFuture<Void>?
    /// The client closed its side: close ours once the answers are out.
    private var inputClosed = false
    /// Bytes of the current request's body (discarded; past `maxBody` the connection ends with a 413).
    private var bodyBytes = 0
    private var refused = false
    /// Something was written on this connection (a parse error then only closes it).
    private var wroteAny = false
    /// The connection ends after the answer being written: nothing more is read.
    private var closing = false
    /// A request that did not parse came after requests still being answered: its 400 follows theirs.
    private var parseErrorPending = false
    /// The `Date` field of this second (RFC 9110 §6.6.1), formatted once per second per connection.
    private var dateSecond = 0
    private var dateValue = ""
    /// Over TLS: the certificates, so a request for a host without one gets 421 (not another host's page).
    private let certificates: CertificateStore?
    static let maxBody = 64 << 10
    private var started: NIODeadline = .now()
    private lazy var remote: String = "-"

    /// ACME answers and redirects to HTTPS (plain listener, with `--serve-tls`).
    private let front: HTTPSFront?
    /// Large files go out with sendfile (plain HTTP/1 only: TLS and HTTP/2 need the bytes).
    private let sendfile: Bool

    init(
        serving: SiteServing, observers: ServingObservers, front: HTTPSFront? = nil, sendfile: Bool = true, mode: Mode = .http1,
        certificates: CertificateStore? = nil
    ) {
        self.certificates = certificates
        self.serving = serving
        self.observers = observers
        self.front = front
        self.sendfile = sendfile
        self.mode = mode
    }

    func channelActive(context: ChannelHandlerContext) {
        remote = context.channel.remoteAddress?.ipAddress ?? "-"
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { remote = context.channel.remoteAddress?.ipAddress ?? "-" }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        // Answers wait while one is loading, and while the client is not taking what was written (its pipelined
        // requests are not answered into memory without end).
        if answering || !waiting.isEmpty || !context.channel.isWritable {
            waiting.append(part)
            return
        }
        process(part, context: context)
    }

    /// Holds reads while requests wait for an answer or the client is not reading (the client's pipelined requests
    /// stay in its socket).
    func read(context: ChannelHandlerContext) {
        if closing { return }
        if answering || !waiting.isEmpty || !context.channel.isWritable {
            readHeld = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { resume(context: context) }
        context.fireChannelWritabilityChanged()
    }

    private func process(_ part: HTTPServerRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .head(let head):
            guard !refused else { return }
            self.head = head
            started = .now()
            bodyBytes = 0
            // Not GET or HEAD (CONNECT included): answered now, and the connection ends, so no body is read.
            if head.method != .GET, head.method != .HEAD {
                refuse(.methodNotAllowed, extra: [(.allow, "GET, HEAD")], head: head, context: context)
            }
        case .body(let part):
            guard !refused else { return }
            bodyBytes += part.readableBytes
            if bodyBytes > Self.maxBody, let head {
                refuse(.contentTooLarge, extra: [], head: head, context: context)
            }
        case .end:
            guard let head, !refused else { return }
            self.head = nil
            handle(head, context: context)
        }
    }

    /// Goes on with the requests that waited for the last answer.
    private func resume(context: ChannelHandlerContext) {
        while !answering, context.channel.isWritable, let part = waiting.popFirst() {
            process(part, context: context)
        }
        guard !answering, waiting.isEmpty else { return }
        if parseErrorPending {
            parseErrorPending = false
            answerParseError(context: context)
            return
        }
        if inputClosed { closeAfterLastEnd(context: context) }
        if readHeld {
            readHeld = false
            context.read()
        }
    }

    /// A request the HTTP/1 decoder cannot parse: 400 (unless an answer already went out on this connection, as
    /// RFC 9112 allows) and the connection ends.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard mode == .http1, error is HTTPParserError, !refused else {
            context.close(promise: nil)
            return
        }
        if answering || !waiting.isEmpty {
            // The requests before it are answered first, in order.
            parseErrorPending = true
            endSoon(context: context)
            return
        }
        answerParseError(context: context)
    }

    private func answerParseError(context: ChannelHandlerContext) {
        refused = true
        endSoon(context: context)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        let text = "The request could not be parsed as HTTP/1.1.\n"
        headers[.contentLength] = String(text.utf8.count)
        let request = HTTPRequestHead(version: .http1_1, method: .GET, uri: "-", headers: ["connection": "close"])
        answering = true
        write(ServedResponse(status: .badRequest, headers: headers, body: .buffer(ByteBuffer(string: text))), request: request, context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            if !answering, waiting.isEmpty { closeAfterLastEnd(context: context) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Answers `status` with an empty body and ends the connection (the rest of the request is not read).
    private func refuse(_ status: HTTPResponse.Status, extra: [(HTTPField.Name, String)], head: HTTPRequestHead, context: ChannelHandlerContext) {
        refused = true
        endSoon(context: context)
        var headers = HTTPFields()
        for (name, value) in extra { headers[name] = value }
        headers[.contentLength] = "0"
        var closing = head
        closing.headers.replaceOrAdd(name: "connection", value: "close")
        answering = true
        waiting.removeAll()
        write(ServedResponse(status: status, headers: headers, body: .none), request: closing, context: context)
    }

    /// Stops reading and closes the connection once the answer is out, or after 5 seconds if the client does not
    /// take it (a client that keeps sending after a refusal gets nothing more read).
    private func endSoon(context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        answering = true
        var head = head
        if head.headers.contains(name: "upgrade") {
            // NIO's decoder stops at an upgrade request (it expects the pipeline to change hands): answer it as a
            // plain request, then end the connection instead of leaving it stuck.
            head.headers.replaceOrAdd(name: "connection", value: "close")
            endSoon(context: context)
        }
        let hosts = head.headers["host"]
        if hosts.count > 1 || (hosts.isEmpty && head.version.major == 1 && head.version.minor >= 1 && !head.uri.hasPrefix("http")) {
            // RFC 9112: exactly one Host in HTTP/1.1 (an absolute-form target carries its own).
            refuse(.badRequest, extra: [], head: head, context: context)
            return
        }
        let (host, path, query) = Self.target(head)
        if let certificates, certificates.certificate(for: host ?? "") == nil {
            // HTTPS answers only hosts that have a certificate of their own (RFC 9110 §15.5.20).
            var response = SiteServing.page(
                HTTPResponse.Status(code: 421, reasonPhrase: "Misdirected Request"), title: "Misdirected request",
                text: "This host is not served over HTTPS here.")
            response.site = nil
            write(response, request: head, context: context)
            return
        }
        if let front, let answer = front.answer(host: host, path: path, query: query) {
            write(answer, request: head, context: context)
            return
        }
        let request = StaticRequest(
            isHead: head.method == .HEAD, acceptEncoding: head.headers.first(name: "accept-encoding"),
            range: head.headers.first(name: "range"), ifRange: head.headers.first(name: "if-range"),
            ifNoneMatch: head.headers.first(name: "if-none-match"), ifModifiedSince: head.headers.first(name: "if-modified-since"))
        if var response = serving.cachedResponse(host: host, path: path, request: request) {
            Self.keepQuery(query, in: &response)
            write(response, request: head, context: context)
            return
        }
        // A miss: load on a task, write back on the loop. Later requests wait in `waiting` until this response
        // is written, so answers stay in order.
        let serving = serving
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        Task {
            let response = SiteRequestHandler.withQuery(query, await serving.response(host: host, path: path, request: request))
            loopBound.eventLoop.execute {
                let (handler, context) = loopBound.value
                handler.write(response, request: head, context: context)
                handler.resume(context: context)
            }
        }
    }

    /// The host (an absolute-form target's authority, which RFC 9112 puts before the Host header; else Host), the
    /// path without query or fragment, and the query (kept on redirects).
    static func target(_ head: HTTPRequestHead) -> (host: String?, path: String, query: String?) {
        var uri = Substring(head.uri)
        var host = head.headers.first(name: "host")
        let lowered = uri.prefix(8).lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            uri = uri.drop(while: { $0 != ":" }).dropFirst(3)
            let authority = uri.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            host = String(authority)
            uri = uri.dropFirst(authority.count)
        }
        if let hash = uri.firstIndex(of: "#") { uri = uri[..<hash] }
        var query: String?
        if let mark = uri.firstIndex(of: "?") {
            query = String(uri[uri.index(after: mark)...])
            uri = uri[..<mark]
        }
        return (host, uri.isEmpty ? "/" : String(uri), query)
    }

    static func withQuery(_ query: String?, _ response: ServedResponse) -> ServedResponse {
        var response = response
        keepQuery(query, in: &response)
        return response
    }

    /// A redirect to a folder's slash keeps the request's query (`/docs?x=1` → `/docs/?x=1`).
    static func keepQuery(_ query: String?, in response: inout ServedResponse) {
        guard let query, !query.isEmpty, response.status == .movedPermanently || response.status == .permanentRedirect,
            let location = response.headers[.location]
        else { return }
        response.headers[.location] = location + "?" + query
    }

    private func closeAfterLastEnd(context: ChannelHandlerContext) {
        let channel = context.channel
        if let lastEnd {
            lastEnd.whenComplete { _ in channel.close(promise: nil) }
        } else {
            channel.close(promise: nil)
        }
    }

    private func write(_ response: ServedResponse, request: HTTPRequestHead, context: ChannelHandlerContext) {
        let keepAlive = request.isKeepAlive
        observe(response, request: request)
        answering = false
        guard context.channel.isActive else { return }
        wroteAny = true
        let ended: EventLoopPromise<Void> = context.eventLoop.makePromise()
        lastEnd = ended.futureResult
        switch mode {
        case .http1: writeHTTP1(response, request: request, keepAlive: keepAlive, ended: ended, context: context)
        case .parts: writeParts(response, request: request, ended: ended, context: context)
        }
        if inputClosed, waiting.isEmpty { closeAfterLastEnd(context: context) }
        if !keepAlive {
            let channel = context.channel
            ended.futureResult.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// The status line and header block as bytes, then the body: one write for small bodies.
    private func writeHTTP1(
        _ response: ServedResponse, request: HTTPRequestHead, keepAlive: Bool, ended: EventLoopPromise<Void>, context: ChannelHandlerContext
    ) {
        let version = request.version
        var head = context.channel.allocator.buffer(capacity: 128 + (response.block?.readableBytes ?? 512))
        Self.writeStatusLine(response.status, http10: version.major == 1 && version.minor == 0, into: &head)
        if let block = response.block {
            head.writeImmutableBuffer(block)
        } else if let prepared = response.prepared {
            head.writeImmutableBuffer(prepared.baseBlock)
            for field in response.headers { PreparedFile.writeLine(field.name.rawName, field.value, into: &head) }
        } else {
            var fields = response.headers
            SiteServing.addDefaultHeaders(&fields)
            for field in fields { PreparedFile.writeLine(field.name.rawName, field.value, into: &head) }
        }
        head.writeStaticString("Date: ")
        head.writeString(currentDate())
        head.writeStaticString("\r\n")
        if !keepAlive {
            head.writeStaticString("Connection: close\r\n")
        } else if version.major == 1, version.minor == 0 {
            head.writeStaticString("Connection: keep-alive\r\n")
        }
        head.writeStaticString("\r\n")
        switch response.body {
        case .none:
            context.writeAndFlush(NIOAny(head), promise: ended)
        case .buffer(let buffer) where buffer.readableBytes <= 16 << 10:
            head.writeImmutableBuffer(buffer)
            context.writeAndFlush(NIOAny(head), promise: ended)
        case .buffer(let buffer):
            context.write(NIOAny(head), promise: nil)
            context.writeAndFlush(NIOAny(buffer), promise: ended)
        case .file(let path, let range):
            context.write(NIOAny(head), promise: nil)
            sendFile(path: path, range: range, wrap: { NIOAny($0) }, endPart: false, ended: ended, context: context)
        }
    }

    private func writeParts(_ response: ServedResponse, request: HTTPRequestHead, ended: EventLoopPromise<Void>, context: ChannelHandlerContext) {
        var headers: HTTPHeaders
        if let prepared = response.prepared {
            headers = HTTPHeaders(prepared.baseHTTP1)
            for field in response.headers { headers.add(name: field.name.rawName, value: field.value) }
        } else {
            var fields = response.headers
            SiteServing.addDefaultHeaders(&fields)
            headers = HTTPHeaders(fields.map { ($0.name.rawName, $0.value) })
        }
        headers.add(name: "date", value: currentDate())
        let status = HTTPResponseStatus(statusCode: response.status.code, reasonPhrase: response.status.reasonPhrase)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))), promise: nil)
        switch response.body {
        case .none:
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: ended)
        case .buffer(let buffer):
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: ended)
        case .file(let path, let range):
            sendFile(path: path, range: range, wrap: { NIOAny(HTTPServerResponsePart.body(.byteBuffer($0))) },
                endPart: true, ended: ended, context: context)
        }
    }

    /// A large file: sendfile from the blob file on plain HTTP/1, else read in chunks on NIO's thread pool, each
    /// written before the next is read. The file is opened off the loop; later requests wait until it has ended.
    private func sendFile(
        path: String, range: ClosedRange<Int>, wrap: @escaping @Sendable (ByteBuffer) -> NIOAny, endPart: Bool,
        ended: EventLoopPromise<Void>, context: ChannelHandlerContext
    ) {
        let channel = context.channel
        let fileIO = NonBlockingFileIO(threadPool: .singleton)
        let sendfile = self.sendfile && mode == .http1
        let finish: @Sendable () -> Void = {
            if endPart {
                channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: ended)
            } else {
                channel.writeAndFlush(ByteBuffer(), promise: ended)
            }
        }
        fileIO.openFile(_deprecatedPath: path, eventLoop: context.eventLoop).whenComplete { result in
            switch result {
            case .success(let (handle, _)):
                if sendfile {
                    let region = FileRegion(fileHandle: handle, readerIndex: range.lowerBound, endIndex: range.upperBound + 1)
                    channel.write(IOData.fileRegion(region), promise: nil)
                    finish()
                    ended.futureResult.whenComplete { _ in try? handle.close() }
                    return
                }
                fileIO.readChunked(
                    fileHandle: handle, fromOffset: Int64(range.lowerBound), byteCount: range.count, chunkSize: 256 << 10,
                    allocator: channel.allocator, eventLoop: channel.eventLoop
                ) { chunk in
                    channel.writeAndFlush(wrap(chunk))
                }.whenComplete { read in
                    try? handle.close()
                    switch read {
                    case .success: finish()
                    case .failure:
                        ended.fail(ChannelError.ioOnClosedChannel)
                        channel.close(promise: nil)
                    }
                }
            case .failure:
                ended.fail(ChannelError.ioOnClosedChannel)
                channel.close(promise: nil)
            }
        }
    }

    private func currentDate() -> String {
        let now = Int(time(nil))
        if now != dateSecond {
            dateSecond = now
            dateValue = HTTPDate.format(Date(timeIntervalSince1970: Double(now)))
        }
        return dateValue
    }

    static func writeStatusLine(_ status: HTTPResponse.Status, http10: Bool, into buffer: inout ByteBuffer) {
        if !http10, status.code == 200 {
            buffer.writeStaticString("HTTP/1.1 200 OK\r\n")
            return
        }
        buffer.writeStaticString(http10 ? "HTTP/1.0 " : "HTTP/1.1 ")
        buffer.writeString(String(status.code))
        buffer.writeStaticString(" ")
        buffer.writeString(status.reasonPhrase)
        buffer.writeStaticString("\r\n")
    }
}

extension SiteRequestHandler {
    /// Metrics and the access log line for one response.
    private func observe(_ response: ServedResponse, request: HTTPRequestHead) {
        let bytes: Int
        switch response.body {
        case .none: bytes = 0
        case .buffer(let buffer): bytes = buffer.readableBytes
        case .file(_, let range): bytes = range.count
        }
        let elapsed = (NIODeadline.now() - started).nanoseconds
        observers.metrics.record(site: response.site, status: Int(response.status.code), bytes: bytes, nanoseconds: elapsed)
        guard let accessLog = observers.accessLog else { return }
        accessLog.record(AccessLog.Entry(
            site: response.site, remote: remote, method: request.method.rawValue, target: request.uri,
            version: "HTTP/\(request.version.major).\(request.version.minor)", status: Int(response.status.code), bytes: bytes,
            referer: request.headers.first(name: "referer"), userAgent: request.headers.first(name: "user-agent"),
            nanoseconds: elapsed, time: Date()))
    }
}

/// The HTTPS side of the site server (`daemon start --serve-tls ADDR`).
package struct SiteTLS: Sendable {
    package let host: String
    package let port: Int
    package let context: NIOSSLContext
    package let front: HTTPSFront
    let onBound: @Sendable (String) -> Void

    package init(host: String, port: Int, store: CertificateStore, challenges: ACMEChallenges, onBound: @escaping @Sendable (String) -> Void) throws {
        self.host = host
        self.port = port
        self.context = try store.serverContext()
        self.front = HTTPSFront(store: store, challenges: challenges, httpsPort: port)
        self.onBound = onBound
    }
}

/// What the plain listener answers before the sites when HTTPS is on: ACME's HTTP-01 challenges, and a redirect
/// to HTTPS for every host that has a certificate.
package final class HTTPSFront: Sendable {
    let store: CertificateStore
    let challenges: ACMEChallenges
    /// The HTTPS listener's port (known once bound; 443 is left out of redirects).
    let httpsPort: Atomic<Int>

    init(store: CertificateStore, challenges: ACMEChallenges, httpsPort: Int) {
        self.store = store
        self.challenges = challenges
        self.httpsPort = Atomic(httpsPort)
    }

    static let challengePrefix = "/.well-known/acme-challenge/"

    func answer(host: String?, path: String, query: String?) -> ServedResponse? {
        if path.hasPrefix(Self.challengePrefix) {
            let token = String(path.dropFirst(Self.challengePrefix.count))
            guard let answer = challenges.answer(token) else { return nil }
            var headers = HTTPFields()
            headers[.contentType] = "application/octet-stream"
            headers[.contentLength] = String(answer.utf8.count)
            headers[.cacheControl] = "no-store"
            return ServedResponse(status: .ok, headers: headers, body: .buffer(ByteBuffer(string: answer)))
        }
        guard let host, store.certificate(for: host) != nil else { return nil }
        let name = CertificateStore.canonical(host)
        // Only names a host may be: what is redirected to is the certificate's, never arbitrary text.
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        let port = httpsPort.load(ordering: .relaxed)
        // A target that does not start with "/" (`GET @evil.example`) must not become part of the authority.
        var location = "https://" + name + (port == 443 ? "" : ":\(port)") + (path.hasPrefix("/") ? path : "/" + path)
        if let query, !query.isEmpty { location += "?" + query }
        var headers = HTTPFields()
        headers[.location] = location
        headers[.contentLength] = "0"
        headers[.cacheControl] = "no-cache"
        return ServedResponse(status: .permanentRedirect, headers: headers, body: .none)
    }
}

/// Ends an HTTP/2 connection at its first connection error (after NIO's GOAWAY).
final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Closes an HTTP/2 connection that saw no traffic for the idle timeout.
final class CloseWhenIdle: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent { context.close(promise: nil) } else { context.fireUserInboundEventTriggered(event) }
    }
}

/// Where the site server reports what it served.
package struct ServingObservers: Sendable {
    package var metrics: ServingMetrics
    package var accessLog: AccessLog?
}

/// Open connections to the site server, against `--max-connections`.
final class OpenConnections: Sendable {
    private let count = Mutex(0)

    func admit(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { count.withLock { $0 -= 1 } }
}
