import Foundation
package import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
package import Logging
import NIOCore
package import NIOSSL
import HummingbirdTLS
package import SiteAPI
import SiteAgent

extension DaemonComponents {
    /// The API router (`/v1`, `/livez`, `/readyz`), shared by the real server and `HummingbirdTesting`.
    package func apiRouter() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ErrorMiddleware(databasePath: configuration.databasePath))
        router.get("/livez") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
        router.get("/readyz") { _, _ in
            runtime.isReady
                ? Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
                : Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "starting\n")))
        }
        router.get(.init(stringLiteral: Routes.status)) { _, _ in try HTTPJSON.response(try await status()) }
        router.post(.init(stringLiteral: Routes.daemonStop)) { _, context in
            // Only the operator stops the daemon: whoever can open its 0600 unix socket (locally or over ssh's
            // dial-stdio). Accounts on TCP are not the operator.
            guard context.isOperatorConnection else {
                throw ServerError(
                    .forbidden, .operatorOnly, "Only the daemon's operator can stop it, over its unix socket.",
                    hint: "Run sitectl daemon stop on the daemon's machine, or over an ssh:// context.")
            }
            guard runtime.requestShutdown() else {
                throw ServerError(.serviceUnavailable, .unavailable, "This daemon cannot be stopped through the API.")
            }
            return try HTTPJSON.response(try await status(), status: .accepted)
        }
        router.post(.init(stringLiteral: Routes.daemonRestart)) { _, context in
            guard context.isOperatorConnection else {
                throw ServerError(
                    .forbidden, .operatorOnly, "Only the daemon's operator can restart it, over its unix socket.",
                    hint: "Run sitectl daemon restart on the daemon's machine, or over an ssh:// context.")
            }
            guard runtime.requestRestart() else {
                throw ServerError(.serviceUnavailable, .unavailable, "This daemon cannot be restarted through the API.")
            }
            return try HTTPJSON.response(try await status(), status: .accepted)
        }
        let metrics = servingMetrics
        router.get("/metrics") { _, context in
            // Site names and traffic of every account: the operator's (the unix socket, or ssh://) only.
            guard context.isOperatorConnection else {
                throw ServerError(
                    .forbidden, .operatorOnly, "Only the daemon's operator can read its metrics, over its unix socket.",
                    hint: "curl --unix-socket \"$XDG_RUNTIME_DIR/sitectl/sitectl.sock\" http://localhost/metrics on the daemon's machine")
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get(.init(stringLiteral: Routes.daemonLogs)) { request, context in
            guard context.isOperatorConnection else {
                throw ServerError(
                    .forbidden, .operatorOnly, "Only the daemon's operator can read its log, over its unix socket.",
                    hint: "Run sitectl daemon logs on the daemon's machine, or over an ssh:// context.")
            }
            let tail = request.uri.queryParameters.get("tail").flatMap { Int($0) } ?? 100
            guard (0...1_000_000).contains(tail) else { throw ServerError.badRequest("tail must be between 0 (all) and 1000000.") }
            let follow = request.uri.queryParameters.get("follow") == "1"
            let path = configuration.logsDirectory.appendingPathComponent("daemon.log").path
            var headers = HTTPFields()
            headers[.contentType] = "application/x-ndjson"
            let runtime = runtime
            return Response(status: .ok, headers: headers, body: .init { writer in
                let reader = LogFileReader(path: path)
                for line in reader.lastLines(tail) { try await writer.write(ByteBuffer(string: line + "\n")) }
                while follow, !Task.isCancelled, !runtime.isStopping {
                    try await Task.sleep(for: .milliseconds(300))
                    for line in reader.newLines() { try await writer.write(ByteBuffer(string: line + "\n")) }
                }
                try await writer.finish(nil)
            })
        }
        AuthController(accounts: accounts, auth: auth, limits: rateLimits).addRoutes(to: router)
        SitesController(sites: sites, aliases: aliases, agents: agents, auth: auth, quotas: quotas, imports: imports).addRoutes(to: router)
        VersionsController(versions: versions, auth: auth).addRoutes(to: router)
        RequestsController(requests: requests, auth: auth, sites: sites, quotas: quotas).addRoutes(to: router)
        JobsController(jobs: jobs, events: events, auth: auth).addRoutes(to: router)
        EventsController(events: events, sites: sites, auth: auth).addRoutes(to: router)
        return router
    }

    package func status() async throws -> DaemonStatus {
        let counts = try await queue.counts()
        return DaemonStatus(
            version: SitectlVersion.current, pid: getpid(), apiAddress: runtime.apiAddress,
            serveAddress: runtime.serveAddress, workers: configuration.workers, queueDepth: counts.queued,
            runningJobs: counts.running, startedAt: runtime.startedAt, agent: configuration.agents.defaultConfiguration.kind.rawValue,
            serveTlsAddress: runtime.serveTlsAddress)
    }

    /// The API application on the configured listen address (with TLS when configured), with WebSocket upgrades
    /// for `/v1/events`.
    package func apiApplication(logger: Logger) throws -> some ApplicationProtocol {
        try apiApplication(listen: configuration.listen, tls: configuration.apiTLS.map(Self.tlsConfiguration), primary: true, logger: logger)
    }

    /// The operator's unix socket beside a TCP listener.
    package func operatorApplication(socket: String, logger: Logger) throws -> some ApplicationProtocol {
        try apiApplication(listen: .unix(path: socket), tls: nil, primary: false, logger: logger)
    }

    private func apiApplication(listen: ServerConfiguration.Listen, tls: TLSConfiguration?, primary: Bool, logger: Logger) throws
        -> some ApplicationProtocol
    {
        let wsRouter = Router(context: APIRequestContext.self)
        EventsController(events: events, sites: sites, auth: auth).addWebSocketRoutes(to: wsRouter)
        let address: BindAddress
        switch listen {
        case .unix(let path): address = .unixDomainSocket(path: path)
        case .tcp(let host, let port): address = .hostname(host, port: port)
        }
        let runtime = runtime
        let limits = configuration.apiConnections
        let plain = limits.http1WebSocketServer(webSocketRouter: wsRouter)
        let server = try tls.map { try HTTPServerBuilder.tls(plain, tlsConfiguration: $0) } ?? plain
        let scheme = tls == nil ? "tcp" : "https"
        return Application(
            router: apiRouter(),
            server: server,
            configuration: .init(
                address: address, serverName: "sitectl",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            onServerRunning: { channel in
                switch listen {
                case .unix(let path):
                    chmod(path, 0o600)
                    if primary { runtime.apiBound("unix://\(path)") } else { runtime.operatorBound("unix://\(path)") }
                case .tcp(let host, _):
                    runtime.apiBound("\(scheme)://\(host):\(channel.localAddress?.port ?? 0)")
                }
            },
            logger: logger)
    }

    /// The server side of `--listen https://…`: the certificate chain and key from PEM files (checked at start).
    package static func tlsConfiguration(_ files: ServerConfiguration.TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificateChain)
        } catch {
            throw ServerStartError("\(files.certificateChain) holds no PEM certificate (\(error)).",
                hint: "Give the certificate chain in PEM form (-----BEGIN CERTIFICATE-----), leaf first.")
        }
        guard !chain.isEmpty else {
            throw ServerStartError("\(files.certificateChain) holds no certificate.", hint: "Give the certificate chain in PEM form.")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.privateKey, format: .pem)
        } catch {
            throw ServerStartError("\(files.privateKey) holds no PEM private key (\(error)).",
                hint: "Give the certificate's private key in PEM form, readable by the daemon only (chmod 600).")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // The key must belong to the certificate: a mismatch would only show up as every handshake failing.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerStartError("The key \(files.privateKey) does not belong to the certificate \(files.certificateChain) (\(error)).",
                hint: "Give the key the certificate was made for.")
        }
        return configuration
    }

    /// The site server (``SiteHTTPServer``): deployed sites by `Host`.
    package func siteServer(logger: Logger) throws -> SiteHTTPServer {
        let runtime = runtime
        let serving = serving
        var tls: SiteTLS?
        if let address = configuration.serveTLS, let certificates {
            tls = try SiteTLS(host: address.host, port: address.port, store: certificates, challenges: challenges) { runtime.serveTLSBound($0) }
        }
        return SiteHTTPServer(
            serving: serving, host: configuration.serveHost, port: configuration.servePort, settings: configuration.servingConnections,
            threads: configuration.serveThreads, metrics: servingMetrics, accessLog: accessLog, tls: tls, logger: logger
        ) { address in
            runtime.serveBound(address)
            Task { try? await serving.warm() }
        }
    }
}

/// Reads the daemon's log file: its last lines, then what is appended. `sitectl daemon logs` uses it on the
/// daemon's machine, and the daemon's `/v1/daemon/logs` route for it over an ssh:// context.
package final class LogFileReader: @unchecked Sendable {
    package let path: String
    private var offset: UInt64 = 0
    private var partial = Data()

    package init(path: String) { self.path = path }

    /// The last `count` lines (0: all of them), reading only the end of a large file; ``newLines()`` goes on from
    /// the end.
    package func lastLines(_ count: Int) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        offset = size
        var window: UInt64 = 64 << 10
        var start: UInt64 = 0
        while count > 0, window < size {
            try? handle.seek(toOffset: size - window)
            let chunk = (try? handle.read(upToCount: Int(window))) ?? Data()
            if chunk.reduce(0, { $0 + ($1 == 0x0A ? 1 : 0) }) > count { start = size - window; break }
            window *= 4
        }
        try? handle.seek(toOffset: start)
        var data = (try? handle.read(upToCount: Int(size - start))) ?? Data()
        if start > 0, let newline = data.firstIndex(of: 0x0A) { data = Data(data[(newline + 1)...]) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return count > 0 ? Array(lines.suffix(count)) : lines
    }

    /// The complete lines appended since the last call (a truncated or replaced file is read from its start).
    package func newLines() -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        if size < offset { offset = 0; partial = Data() }  // rotated or truncated: from its beginning
        guard size > offset else { return [] }
        try? handle.seek(toOffset: offset)
        let more = (try? handle.read(upToCount: Int(min(size - offset, 8 << 20)))) ?? Data()
        offset += UInt64(more.count)
        partial.append(more)
        guard let last = partial.lastIndex(of: 0x0A) else { return [] }
        let complete = partial[partial.startIndex...last]
        partial = Data(partial[(last + 1)...])
        return String(decoding: complete, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
