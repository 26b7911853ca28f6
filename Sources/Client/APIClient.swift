import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
public import SiteAPI

/// The typed client of the daemon's `/v1` API, over a unix socket or HTTP(S).
///
/// Keeps the context's session fresh: refreshes the access token shortly before it expires, and once more on 401.
public struct APIClient: Sendable {
    public let endpoint: Endpoint
    public let contextName: String
    public let credentials: CredentialStore
    /// A token from `SITECTL_TOKEN` that replaces the stored session.
    public let staticToken: String?
    /// The ssh transport of an `ssh://` endpoint.
    public let tunnel: SSHTunnel?
    /// The context's CA file for `https://` (nil: system trust).
    public let caCertificate: String?
    let http: HTTPClient

    /// `caCertificate`: a PEM file of the CA that signs an `https://` daemon's certificate (default: system trust).
    public init(
        endpoint: Endpoint, contextName: String, credentials: CredentialStore, staticToken: String? = nil,
        caCertificate: String? = nil
    ) throws {
        self.endpoint = endpoint
        self.contextName = contextName
        self.credentials = credentials
        self.staticToken = staticToken
        if case .ssh(let target) = endpoint { tunnel = SSHTunnel(target: target) } else { tunnel = nil }
        self.caCertificate = caCertificate
        if let caCertificate {
            guard FileManager.default.isReadableFile(atPath: caCertificate) else {
                throw ClientError(
                    "The CA certificate \(caCertificate) of context \(contextName) cannot be read.",
                    hint: "sitectl context update \(contextName) --ca-cert PATH", exitCode: ClientError.Exit.usage)
            }
            self.http = try Self.client(trusting: caCertificate)
        } else {
            self.http = Self.sharedHTTP
        }
    }

    /// The URL of an API path, through the ssh tunnel's local socket for an ssh:// endpoint.
    func url(_ path: String) throws -> String {
        // A malformed site name is the caller's mistake (exit 64), not a site the daemon does not have.
        if path.hasPrefix(Routes.sites + "/") {
            let name = String(path.dropFirst(Routes.sites.count + 1).prefix { $0 != "/" && $0 != "?" })
            if let problem = SiteNameRules.problem(with: name) {
                let shown = name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "That" : "'\(name)'"
                throw ClientError("\(shown) is not a site name: it \(problem).", hint: "sitectl sites list", exitCode: ClientError.Exit.usage)
            }
        }
        guard let tunnel else { return endpoint.url(path) }
        return endpoint.url(path, tunnelSocket: try tunnel.start())
    }

    /// One client for the process (never shut down: it lives as long as the CLI). Connection attempts give up fast,
    /// so a stopped daemon is reported in seconds rather than at the request deadline.
    static let sharedHTTP: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(3), read: .seconds(600))
        configuration.connectionPool = .init(idleTimeout: .seconds(30))
        // One attempt, then the reason: a refused port or a certificate that does not verify is said at once
        // instead of after the connect timeout's worth of retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    nonisolated(unsafe) private static var trustingClients: [String: HTTPClient] = [:]
    private static let trustingLock = NSLock()

    /// A client that trusts only the CA certificates in `path` (one per file for the process's life).
    static func client(trusting path: String) throws -> HTTPClient {
        try trustingLock.withLock {
            if let client = trustingClients[path] { return client }
            var tls = TLSConfiguration.makeClientConfiguration()
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw ClientError("\(path) holds no PEM certificate.", hint: "Give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----).",
                    exitCode: ClientError.Exit.usage)
            }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .seconds(10), read: .seconds(600))
            configuration.connectionPool = .init(idleTimeout: .seconds(30))
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.tlsConfiguration = tls
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            trustingClients[path] = client
            return client
        }
    }

    /// Fails fast when the local socket does not exist or nobody listens on it.
    func checkReachable() throws {
        if let tunnel {
            _ = try tunnel.start()
            return
        }
        guard case .unix(let path) = endpoint else { return }
        guard FileManager.default.fileExists(atPath: path) else { throw unreachable(ClientError("no socket at \(path)")) }
        if !UnixSocket.isListening(path) { throw unreachable(ClientError("nothing listens on \(path)")) }
    }

    // MARK: Requests

    struct RawResponse {
        var status: Int
        var body: Data
        var contentType: String?
    }

    func raw(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, contentType: String = "application/json", token: String?,
        timeout: TimeAmount = .seconds(120)
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: try url(path))
        request.method = method
        request.headers.add(name: "User-Agent", value: "sitectl/\(SitectlVersion.current)")
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        try checkReachable()
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: timeout)
        } catch {
            var lost = unreachable(error)
            // The daemon was listening a moment ago: the request may have reached it before the connection broke.
            // (Over ssh a failed connection is only known when ssh says why; then nothing reached the daemon.)
            if tunnel?.lastFailure == nil { lost.code = "connection_lost" }
            throw lost
        }
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: 512 * 1024 * 1024)
        } catch {
            var lost = unreachable(error)
            lost.code = "connection_lost"
            throw lost
        }
        return RawResponse(status: Int(response.status.code), body: Data(buffer.readableBytesView), contentType: response.headers.first(name: "Content-Type"))
    }

    func unreachable(_ error: any Error) -> ClientError {
        switch endpoint {
        case .unix(let path):
            return ClientError(
                "Cannot reach the sitectl daemon at unix://\(path) (context \(contextName)).",
                hint: "sitectl daemon start --wait", exitCode: ClientError.Exit.unreachable)
        case .http(let base):
            let reason = Self.describe(error)
            let name = contextName.hasPrefix("host:") ? "NAME" : contextName
            let hint = !reason.contains("does not verify") ? contextTestHint
                : caCertificate == nil
                ? "Trust the CA that signed the daemon's certificate: sitectl context update \(name) --ca-cert ca.pem (never skip verification)"
                : "The certificate is not valid for \(caCertificate ?? "the CA") now (expired, another CA, or not for this host name): openssl s_client -connect HOST:PORT -CAfile \(caCertificate ?? "ca.pem")"
            return ClientError(
                "Cannot reach the sitectl daemon at \(base) (context \(contextName)): \(reason)",
                hint: hint, exitCode: ClientError.Exit.unreachable)
        case .ssh(let target):
            var reason = tunnel?.lastFailure ?? Self.describe(error)
            if tunnel?.lastFailure == nil, reason.contains("not HTTP") {
                reason += " (does a shell startup file on \(target.host) print text? `ssh \(target.host) true` must print nothing)"
            }
            let hint = tunnel?.lastHint.map { $0.replacingOccurrences(of: "context update NAME", with: "context update \(contextName.hasPrefix("host:") ? "NAME" : contextName)") }
            return ClientError(
                "Cannot reach the sitectl daemon over \(target) (context \(contextName)): \(reason)",
                hint: hint ?? contextTestHint, exitCode: ClientError.Exit.unreachable)
        }
    }

    /// Tokens are base64url with a prefix: anything else (a line break, a space) is never sent, nor printed.
    public static func isPlausibleToken(_ token: String) -> Bool {
        !token.isEmpty && token.count <= 512 && token.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// The command that logs in on this client's context.
    public var loginHintText: String { loginHint }

    var loginHint: String {
        if contextName == "local" { return "sitectl login" }
        if contextName.hasPrefix("host:") { return "sitectl login --host \(endpoint)" }
        return "sitectl login --context \(contextName)"
    }

    var contextTestHint: String {
        contextName.hasPrefix("host:") ? "sitectl context create NAME --host \(endpoint) && sitectl context test NAME"
            : "sitectl context test \(contextName)"
    }

    /// A transport error in a sentence (TLS verification failures named as such).
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        // Never echo header values (they hold the token).
        if text.contains("invalidHeaderFieldValues") || text.contains("invalidHeaderFieldNames") { return "a request header was not valid (not sent)" }
        if text.contains("deadlineExceeded") || text.contains("readTimeout") { return "no answer in time (the address accepts connections but does not answer)" }
        if text.contains("invalid constant string") || text.contains("HTTPParserError") || text.contains("invalidResponse") {
            return "what came back is not HTTP from a sitectl daemon"
        }
        if text.contains("Connection refused") { return "connection refused (nothing listens on that address and port)" }
        if text.contains("connectTimeout") || text.contains("ConnectTimeout") { return "the connection timed out" }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "its TLS certificate does not verify against the trusted CAs (CERTIFICATE_VERIFY_FAILED)"
        }
        if let ssl = error as? NIOSSLError {
            if case .handshakeFailed(let inner) = ssl { return "the TLS handshake failed (\(inner))" }
            return "TLS error: \(ssl)"
        }
        if let ssl = error as? NIOSSLExtraError, String(describing: ssl).contains("hostname") || String(describing: ssl).contains("Hostname") {
            return "its TLS certificate is not for this host name (\(ssl))"
        }
        return text
    }

    /// Sends a request and decodes the JSON answer, mapping API errors to ``ClientError``.
    func call<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: (some Encodable)? = Optional<Int>.none, authenticated: Bool = true,
        as: Response.Type = Response.self
    ) async throws -> Response {
        let data = try await callData(method, path, body: body, authenticated: authenticated)
        do {
            return try APIJSON.decoder().decode(Response.self, from: data)
        } catch {
            throw ClientError("The daemon sent an answer this sitectl does not understand (\(path)).",
                hint: "Check that the CLI and daemon versions match: sitectl daemon status")
        }
    }

    func callData(_ method: HTTPMethod, _ path: String, body: (some Encodable)? = Optional<Int>.none, authenticated: Bool = true)
        async throws -> Data
    {
        try await callData(method, path, bytes: try body.map { try APIJSON.encoder().encode($0) }, authenticated: authenticated)
    }

    /// Sends `bytes` as the body (of `contentType`), refreshing the session once on a 401.
    func callData(
        _ method: HTTPMethod, _ path: String, bytes bodyData: Data?, contentType: String = "application/json",
        authenticated: Bool = true
    ) async throws -> Data {
        var token = authenticated ? try await accessToken() : nil
        var response = try await raw(method, path, body: bodyData, contentType: contentType, token: token)
        if response.status == 401, authenticated, staticToken == nil, try await refreshSession() {
            token = try await accessToken()
            response = try await raw(method, path, body: bodyData, contentType: contentType, token: token)
        }
        guard (200..<300).contains(response.status) else { throw decodeError(response) }
        return response.body
    }

    func decodeError(_ response: RawResponse) -> ClientError {
        if let envelope = try? APIJSON.decoder().decode(APIErrorEnvelope.self, from: response.body) {
            var error = ClientError.from(envelope.error, status: response.status)
            if response.status == 401 { error.hint = error.hint ?? "sitectl login" }
            if response.status == 401, staticToken != nil, envelope.error.code == "unauthorized" {
                error.message = "The daemon did not accept the token in SITECTL_TOKEN (context \(contextName)): unknown, or made on another daemon."
                error.hint = "Make one on this daemon: sitectl auth token create"
            }
            return error
        }
        return ClientError("The daemon answered HTTP \(response.status).", exitCode: ClientError.Exit.failure, status: response.status)
    }

    // MARK: Session

    /// The access token to send, refreshed first when it is about to expire. Nil when not logged in.
    func accessToken() async throws -> String? {
        if let staticToken { return staticToken }
        guard let session = try credentials.session(for: contextName) else {
            try checkReachable()
            // Over the network, "not logged in" is only worth saying about a daemon that answers.
            if !endpoint.isUnixSocket { _ = try await raw(.GET, Routes.livez, token: nil, timeout: .seconds(30)) }
            throw ClientError("You are not logged in (context \(contextName)).", hint: loginHint, exitCode: ClientError.Exit.auth)
        }
        // A session is for the daemon it came from: never send its token to another host the context now names.
        if endpoint.isRemote || session.host.hasPrefix("ssh://") || session.host.hasPrefix("http"), session.host != endpoint.description {
            throw ClientError(
                "The saved session of context \(contextName) is for \(session.host), not \(endpoint).",
                hint: loginHint, exitCode: ClientError.Exit.auth)
        }
        if session.accessExpiresAt.timeIntervalSinceNow < 30 {
            if try await refreshSession() { return try credentials.session(for: contextName)?.accessToken }
            throw ClientError("Your session has expired (context \(contextName)).", hint: loginHint, exitCode: ClientError.Exit.auth)
        }
        return session.accessToken
    }

    /// Rotates the refresh token; false when there is no valid session to refresh.
    ///
    /// Holds the credentials file's lock throughout, so commands started together refresh once: the others wait,
    /// then find a fresh access token (or a rotated refresh token) in the file and use it.
    func refreshSession() async throws -> Bool {
        let presented = try credentials.session(for: contextName)?.refreshToken
        let lock = try await credentials.lock()
        defer { lock.release() }
        guard let session = try credentials.session(for: contextName), session.refreshExpiresAt > Date() else { return false }
        if session.refreshToken != presented || session.accessExpiresAt.timeIntervalSinceNow >= 30 {
            return true  // another command refreshed while this one waited
        }
        let body = try APIJSON.encoder().encode(RefreshRequest(refreshToken: session.refreshToken))
        let response = try await raw(.POST, Routes.refresh, body: body, token: nil)
        guard response.status == 200, let pair = try? APIJSON.decoder().decode(TokenPair.self, from: response.body) else {
            return false
        }
        try save(pair)
        return true
    }

    func save(_ pair: TokenPair) throws {
        try credentials.save(
            StoredSession(
                email: pair.user.email, host: endpoint.description, accessToken: pair.accessToken,
                accessExpiresAt: pair.accessExpiresAt, refreshToken: pair.refreshToken, refreshExpiresAt: pair.refreshExpiresAt),
            for: contextName)
    }

    // MARK: Shell completion

    /// A quick authenticated GET for shell completion: synchronous (on NIO's threads, not the task pool), no
    /// session refresh, at most `seconds`; nil on any failure (a completion never prints an error).
    public func completionGet(_ path: String, seconds: Int64 = 3) -> Data? {
        guard let url = try? url(path) else { return nil }
        if let tunnel { _ = try? tunnel.start() }
        var token = staticToken
        if token == nil, let session = try? credentials.session(for: contextName), session.accessExpiresAt > Date() {
            token = session.accessToken
        }
        guard let token, var request = try? HTTPClient.Request(url: url, method: .GET) else { return nil }
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        guard let response = try? http.execute(request: request, deadline: .now() + .seconds(seconds)).wait(),
            response.status == .ok, let body = response.body
        else { return nil }
        return Data(body.readableBytesView)
    }

    // MARK: Streams

    /// Streams a response line by line, undecoded (the daemon's own log; no session needed).
    public func lines(_ path: String) -> AsyncThrowingStream<String, any Error> {
        lineStream(path, authenticated: false) { String(decoding: $0, as: UTF8.self) }
    }

    /// Streams an NDJSON response line by line (each line decoded as `Item`).
    public func stream<Item: Decodable & Sendable>(_ path: String, as: Item.Type = Item.self) -> AsyncThrowingStream<Item, any Error> {
        let decoder = APIJSON.decoder()
        return lineStream(path, authenticated: true) { try decoder.decode(Item.self, from: $0) }
    }

    /// The one reader behind ``lines(_:)`` and ``stream(_:as:)``: a GET whose body is split at line feeds (empty
    /// lines skipped), each line turned into an `Item`; a connection that breaks mid-stream is exit 69.
    ///
    /// `opened` is yielded once the daemon has answered 200, `blank` for each empty line (a heartbeat), and a line
    /// for which `item` returns nil is skipped.
    func lineStream<Item: Sendable>(
        _ path: String, authenticated: Bool, opened: Item? = nil, blank: Item? = nil,
        _ item: @escaping @Sendable (Data) throws -> Item?
    ) -> AsyncThrowingStream<Item, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try checkReachable()
                    var request = HTTPClientRequest(url: try url(path))
                    if authenticated {
                        let token = try await accessToken()
                        request.headers.add(name: "Authorization", value: "Bearer \(token ?? "")")
                    }
                    request.headers.add(name: "Accept", value: "application/x-ndjson")
                    let response: HTTPClientResponse
                    do {
                        response = try await http.execute(request, timeout: .hours(24 * 365))
                    } catch {
                        throw unreachable(error)
                    }
                    guard response.status.code == 200 else {
                        let body = try await response.body.collect(upTo: 1024 * 1024)
                        throw decodeError(RawResponse(status: Int(response.status.code), body: Data(body.readableBytesView)))
                    }
                    if let opened { continuation.yield(opened) }
                    var pending = Data()
                    do {
                        for try await buffer in response.body {
                            pending.append(contentsOf: buffer.readableBytesView)
                            while let newline = pending.firstIndex(of: 0x0A) {
                                let line = pending[pending.startIndex..<newline]
                                pending = Data(pending[(newline + 1)...])
                                if line.isEmpty {
                                    if let blank { continuation.yield(blank) }
                                } else if let value = try item(Data(line)) {
                                    continuation.yield(value)
                                }
                            }
                        }
                    } catch is DecodingError {
                        throw ClientError("The daemon sent a line this sitectl does not understand.",
                            hint: "Check that the CLI and daemon versions match: sitectl context test")
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        var lost = unreachable(error)
                        lost.message = "The connection to the daemon broke while following (context \(contextName)): \(tunnel?.lastFailure ?? Self.describe(error))"
                        throw lost
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
