package import Foundation
import AsyncHTTPClient
package import Crypto
package import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceLifecycle
import SiteAPI
import Synchronization
import SwiftASN1
import X509

/// The HTTP-01 answers the site server gives while ACME validates a domain: token → key authorization.
package final class ACMEChallenges: Sendable {
    private let answers = Mutex([String: String]())
    package init() {}
    package func set(_ token: String, _ keyAuthorization: String) { answers.withLock { $0[token] = keyAuthorization } }
    package func remove(_ token: String) { _ = answers.withLock { $0.removeValue(forKey: token) } }
    package func answer(_ token: String) -> String? { answers.withLock { $0[token] } }
}

/// What the daemon is told about its ACME server (`daemon start --acme-directory`).
package struct ACMESettings: Sendable, Equatable {
    package var directoryURL: String
    package var email: String?
    /// Extra PEM roots to trust for the ACME server's own HTTPS (a test CA such as pebble's).
    package var trustRoots: String?
    /// Renew when fewer than this many seconds of validity are left (default 30 days; a third of the lifetime
    /// when that is shorter).
    package var renewBefore: TimeInterval = 30 * 86400
    /// How often certificates are checked for renewal and missing ones retried.
    package var checkInterval: Duration = .seconds(3600)

    package init(directoryURL: String, email: String? = nil, trustRoots: String? = nil) {
        self.directoryURL = directoryURL
        self.email = email
        self.trustRoots = trustRoots
    }
}

extension ACMESettings {
    /// Why `path` cannot serve as `--acme-ca-cert`, or nil.
    package static func problem(withTrustRoots path: String) -> String? {
        guard FileManager.default.isReadableFile(atPath: path) else { return "cannot be read" }
        guard let text = try? CertificateStore.readSmall(path) else { return "is not a readable PEM file of at most 1 MB" }
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(text.utf8)), !certificates.isEmpty else {
            return "holds no PEM certificate"
        }
        return nil
    }
}

package struct ACMEError: Error, CustomStringConvertible {
    package var description: String
    /// The ACME problem type (`urn:ietf:params:acme:error:badNonce`, …), when the server sent one.
    package var type: String?
    init(_ description: String, type: String? = nil) {
        self.description = description
        self.type = type
    }
}

/// An ACME (RFC 8555) client for HTTP-01, written here because none of the packages this project may use speaks
/// ACME. JWS with ES256 (swift-crypto), CSRs from swift-certificates, HTTP from AsyncHTTPClient.
package final class ACMEClient: Sendable {
    let settings: ACMESettings
    let http: HTTPClient
    let accountKey: P256.Signing.PrivateKey
    private struct Session {
        var directory: Directory?
        var nonce: String?
        var accountURL: String?
    }
    private let session = Mutex(Session())

    struct Directory: Decodable {
        var newNonce: String
        var newAccount: String
        var newOrder: String
    }

    package init(settings: ACMESettings, accountKey: P256.Signing.PrivateKey, accountURL: String?) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let roots = settings.trustRoots {
            let certificates = try NIOSSLCertificate.fromPEMFile(roots)
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(30))
        configuration.redirectConfiguration = .disallow
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.settings = settings
        self.accountKey = accountKey
        session.withLock { $0.accountURL = accountURL }
    }

    package func shutdown() async { try? await http.shutdown() }

    package var accountURL: String? { session.withLock { $0.accountURL } }

    // MARK: The order

    /// Obtains a certificate for `domain` over HTTP-01: the answers are put in `challenges` for the site server
    /// to give. Returns the PEM chain and the new key's PEM.
    package func obtainCertificate(domain: String, challenges: ACMEChallenges) async throws -> (chain: String, key: String) {
        let directory = try await self.directory()
        if accountURL == nil { try await register(directory) }
        let (orderURL, order) = try await post(directory.newOrder, payload: ["identifiers": [["type": "dns", "value": domain]]])
        guard let orderURL else { throw ACMEError("the ACME server gave the new order no Location") }
        let authorizations = order["authorizations"] as? [String] ?? []
        for authorization in authorizations {
            try await authorize(authorization, challenges: challenges)
        }
        guard let finalize = order["finalize"] as? String else { throw ACMEError("the order has no finalize URL") }
        let key = P256.Signing.PrivateKey()
        let csr = try Self.csr(domain: domain, key: key)
        _ = try await post(finalize, payload: ["csr": Self.base64URL(csr)])
        var current = try await poll(orderURL, until: ["valid", "invalid"])
        if current["status"] as? String != "valid" {
            throw ACMEError("the order for \(domain) became \(current["status"] as? String ?? "?")\(Self.problemText(current["error"]))")
        }
        if current["certificate"] == nil { current = try await postAsGet(orderURL).body }
        guard let certificateURL = current["certificate"] as? String else { throw ACMEError("the valid order has no certificate URL") }
        let chain = try await download(certificateURL)
        return (chain, key.pemRepresentation)
    }

    private func authorize(_ url: String, challenges: ACMEChallenges) async throws {
        let authorization = try await postAsGet(url).body
        let domain = (authorization["identifier"] as? [String: Any])?["value"] as? String ?? "?"
        if authorization["status"] as? String == "valid" { return }
        guard let challenge = (authorization["challenges"] as? [[String: Any]] ?? []).first(where: { $0["type"] as? String == "http-01" }),
            let token = challenge["token"] as? String, let challengeURL = challenge["url"] as? String
        else { throw ACMEError("the ACME server offers no http-01 challenge for \(domain)") }
        guard token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), token.count <= 256 else {
            throw ACMEError("the ACME server sent a malformed challenge token")
        }
        challenges.set(token, token + "." + Self.thumbprint(accountKey.publicKey))
        defer { challenges.remove(token) }
        _ = try await post(challengeURL, payload: [String: String]())
        let final = try await poll(url, until: ["valid", "invalid", "deactivated", "expired", "revoked"])
        guard final["status"] as? String == "valid" else {
            let problems = (final["challenges"] as? [[String: Any]] ?? []).compactMap { Self.problemText($0["error"]) }.joined()
            throw ACMEError("validating \(domain) over HTTP-01 failed\(problems)")
        }
    }

    private func poll(_ url: String, until states: Set<String>) async throws -> [String: Any] {
        var delay = Duration.milliseconds(250)
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            let (headers, body) = try await postAsGet(url)
            if let status = body["status"] as? String, states.contains(status) { return body }
            guard ContinuousClock.now < deadline else { throw ACMEError("the ACME server did not finish in 2 minutes (status \(body["status"] ?? "?"))") }
            if let retry = headers.first(name: "retry-after").flatMap({ Int($0) }), (1...10).contains(retry) {
                delay = .seconds(retry)
            }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }

    private func register(_ directory: Directory) async throws {
        var payload: [String: Any] = ["termsOfServiceAgreed": true]
        if let email = settings.email { payload["contact"] = ["mailto:" + email] }
        let (location, _) = try await post(directory.newAccount, payload: payload, useJWK: true)
        guard let location else { throw ACMEError("the ACME server gave the new account no Location") }
        session.withLock { $0.accountURL = location }
    }

    private func download(_ url: String) async throws -> String {
        let response = try await signedRequest(url, payload: nil, useJWK: false, accept: "application/pem-certificate-chain")
        guard let text = String(data: response.body, encoding: .utf8), text.contains("BEGIN CERTIFICATE") else {
            throw ACMEError("the certificate download is not a PEM chain")
        }
        return text
    }

    // MARK: Requests

    private func directory() async throws -> Directory {
        if let directory = session.withLock({ $0.directory }) { return directory }
        var request = HTTPClientRequest(url: settings.directoryURL)
        request.method = .GET
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok, let directory = try? JSONDecoder().decode(Directory.self, from: Data(body.readableBytesView)) else {
            throw ACMEError("\(settings.directoryURL) is not an ACME directory (HTTP \(response.status.code))")
        }
        session.withLock { $0.directory = directory }
        return directory
    }

    private func freshNonce() async throws -> String {
        if let nonce = session.withLock({ state -> String? in defer { state.nonce = nil }; return state.nonce }) { return nonce }
        let directory = try await self.directory()
        var request = HTTPClientRequest(url: directory.newNonce)
        request.method = .HEAD
        let response = try await http.execute(request, timeout: .seconds(30))
        guard let nonce = response.headers.first(name: "replay-nonce") else { throw ACMEError("the ACME server gave no nonce") }
        return nonce
    }

    private func post(_ url: String, payload: Any, useJWK: Bool = false) async throws -> (location: String?, body: [String: Any]) {
        let response = try await signedRequest(url, payload: payload, useJWK: useJWK)
        return (response.headers.first(name: "location"), Self.object(response.body))
    }

    private func postAsGet(_ url: String) async throws -> (headers: HTTPHeaders, body: [String: Any]) {
        let response = try await signedRequest(url, payload: nil, useJWK: false)
        return (response.headers, Self.object(response.body))
    }

    struct Reply {
        var headers: HTTPHeaders
        var body: Data
    }

    /// A JWS-signed POST (`payload` nil: POST-as-GET), retried on `badNonce` as RFC 8555 §6.5 asks.
    private func signedRequest(_ url: String, payload: Any?, useJWK: Bool, accept: String? = nil) async throws -> Reply {
        var attempts = 0
        while true {
            attempts += 1
            let nonce = try await freshNonce()
            var protected: [String: Any] = ["alg": "ES256", "nonce": nonce, "url": url]
            if useJWK {
                protected["jwk"] = Self.jwk(accountKey.publicKey)
            } else if let account = accountURL {
                protected["kid"] = account
            } else {
                throw ACMEError("no ACME account yet")
            }
            let payloadText = try payload.map { Self.base64URL(try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])) } ?? ""
            let protectedText = Self.base64URL(try JSONSerialization.data(withJSONObject: protected, options: [.sortedKeys]))
            let signature = try accountKey.signature(for: Data((protectedText + "." + payloadText).utf8))
            let body = try JSONSerialization.data(withJSONObject: [
                "protected": protectedText, "payload": payloadText, "signature": Self.base64URL(signature.rawRepresentation),
            ])
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/jose+json")
            request.headers.add(name: "user-agent", value: "sitectl")
            if let accept { request.headers.add(name: "accept", value: accept) }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await http.execute(request, timeout: .seconds(30))
            let data = Data(try await response.body.collect(upTo: 4 << 20).readableBytesView)
            if let next = response.headers.first(name: "replay-nonce") { session.withLock { $0.nonce = next } }
            if (200..<300).contains(Int(response.status.code)) { return Reply(headers: response.headers, body: data) }
            let problem = Self.object(data)
            let type = problem["type"] as? String
            if type == "urn:ietf:params:acme:error:badNonce", attempts < 5 { continue }
            let detail = (problem["detail"] as? String).map { ": \($0)" } ?? ""
            throw ACMEError("the ACME server answered \(response.status.code) to \(URL(string: url)?.path ?? url)\(detail)", type: type)
        }
    }

    // MARK: Encoding

    static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func problemText(_ value: Any?) -> String? {
        guard let problem = value as? [String: Any] else { return nil }
        return ": " + ((problem["detail"] as? String) ?? (problem["type"] as? String) ?? "error")
    }

    static func base64URL<D: DataProtocol>(_ data: D) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func jwk(_ key: P256.Signing.PublicKey) -> [String: String] {
        let point = key.x963Representation
        return ["crv": "P-256", "kty": "EC", "x": base64URL(point[1..<33]), "y": base64URL(point[33..<65])]
    }

    /// RFC 7638: SHA-256 over the JWK's required members, in lexicographic order, without spaces.
    static func thumbprint(_ key: P256.Signing.PublicKey) -> String {
        let jwk = jwk(key)
        let canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"\(jwk["x"]!)\",\"y\":\"\(jwk["y"]!)\"}"
        return base64URL(Data(SHA256.hash(data: Data(canonical.utf8))))
    }

    static func csr(domain: String, key: P256.Signing.PrivateKey) throws -> [UInt8] {
        let extensions = try Certificate.Extensions { SubjectAlternativeNames([.dnsName(domain)]) }
        let request = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName(domain) }, privateKey: .init(key),
            attributes: CertificateSigningRequest.Attributes([try .init(ExtensionRequest(extensions: extensions))]),
            signatureAlgorithm: .ecdsaWithSHA256)
        var serializer = DER.Serializer()
        try serializer.serialize(request)
        return serializer.serializedBytes
    }
}

/// Keeps a certificate for every custom domain: obtains missing ones over ACME, renews those close to expiry,
/// and re-reads the operator's certificate files every minute.
///
/// Runs beside the site server when `--serve-tls` is given; ACME only with `--acme-directory`. A domain that
/// fails is retried after 1 minute, doubling up to 6 hours, and its error shows in `sites alias list`.
package actor TLSService: Service {
    let store: CertificateStore
    let challenges: ACMEChallenges
    let settings: ACMESettings?
    let domains: @Sendable () async throws -> [String]
    let logger: Logger
    let now: @Sendable () -> Date
    private var client: ACMEClient?
    private var failures: [String: (count: Int, next: Date)] = [:]
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>

    package init(
        store: CertificateStore, challenges: ACMEChallenges, settings: ACMESettings?, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }, domains: @escaping @Sendable () async throws -> [String]
    ) {
        self.store = store
        self.challenges = challenges
        self.settings = settings
        self.domains = domains
        self.logger = logger
        self.now = now
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a pass now (a domain was added).
    package nonisolated func poke() { wake.yield() }

    package func run() async throws {
        logProblems()
        await cancelWhenGracefulShutdown {
            await self.loop()
        }
        await client?.shutdown()
    }

    private func loop() async {
        var lastReload = ContinuousClock.now
        var lastPass = ContinuousClock.now - .seconds(86400 * 365)
        let interval = settings?.checkInterval ?? .seconds(3600)
        let timer = AsyncStream<Void> { continuation in
            let task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    continuation.yield()
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        await withTaskGroup(of: Void.self) { group in
            let (merged, sink) = AsyncStream.makeStream(of: Bool.self, bufferingPolicy: .bufferingNewest(4))
            group.addTask { for await _ in timer { sink.yield(false) }; sink.finish() }
            group.addTask { [wakes] in for await _ in wakes { sink.yield(true) } }
            sink.yield(true)
            for await poked in merged {
                if Task.isCancelled { break }
                if ContinuousClock.now - lastReload >= .seconds(60) {
                    lastReload = ContinuousClock.now
                    if store.reload() { logProblems() }
                }
                if settings != nil, poked || ContinuousClock.now - lastPass >= interval || dueRetry() || renewalDue() {
                    lastPass = ContinuousClock.now
                    await pass()
                }
            }
            group.cancelAll()
        }
    }

    private func logProblems() {
        for problem in store.problems { logger.warning("certificate file not used", metadata: ["problem": .string(problem)]) }
    }

    private func dueRetry() -> Bool {
        let now = now()
        return failures.values.contains { $0.next <= now }
    }

    /// When the next ACME certificate is due for renewal (set by each pass).
    private var nextRenewal: Date?

    private func renewalDue() -> Bool {
        guard let nextRenewal else { return false }
        return nextRenewal <= now()
    }

    /// One pass over the custom domains: obtain or renew what needs it, one at a time.
    package func pass() async {
        guard let settings else { return }
        let names: [String]
        do {
            names = try await domains()
        } catch {
            logger.warning("cannot list custom domains for ACME", metadata: ["error": .string("\(error)")])
            return
        }
        // Certificates of removed domains are deleted (no longer presented, no more redirects to HTTPS).
        store.removeACME(keeping: Set(names))
        for domain in names {
            if Task.isCancelled { return }
            if let failure = failures[domain], failure.next > now() { continue }
            if let certificate = store.anyCertificate(for: domain) {
                // The operator's files are theirs to renew.
                guard certificate.source == "acme", needsRenewal(certificate, settings: settings) else { continue }
            }
            await obtain(domain, settings: settings)
        }
        failures = failures.filter { names.contains($0.key) }
        nextRenewal = names.compactMap { domain -> Date? in
            guard let certificate = store.anyCertificate(for: domain), certificate.source == "acme" else { return nil }
            return renewalDate(certificate, settings: settings)
        }.min()
    }

    /// A certificate is renewed `renewBefore` ahead of its expiry, or with a third of its lifetime left if sooner.
    func renewalDate(_ certificate: ServedCertificate, settings: ACMESettings) -> Date {
        let lifetime = certificate.notAfter.timeIntervalSince(certificate.notBefore)
        return certificate.notAfter.addingTimeInterval(-min(settings.renewBefore, lifetime / 3))
    }

    func needsRenewal(_ certificate: ServedCertificate, settings: ACMESettings) -> Bool {
        renewalDate(certificate, settings: settings) <= now()
    }

    static let accountGone = "urn:ietf:params:acme:error:accountDoesNotExist"

    private func obtain(_ domain: String, settings: ACMESettings, retried: Bool = false) async {
        let renewing = store.anyCertificate(for: domain) != nil
        // A domain whose last attempt failed keeps showing that failure until an attempt succeeds.
        if !renewing, store.acmeStatusEntry(for: domain)?.state != "failed" {
            store.setACMEStatus(CertificateStatus(state: "pending", source: "acme"), for: domain)
        }
        do {
            let client = try await self.acmeClient(settings)
            logger.info(renewing ? "renewing certificate" : "obtaining certificate", metadata: ["domain": .string(domain)])
            let (chain, key) = try await client.obtainCertificate(domain: domain, challenges: challenges)
            try store.installACME(domain: domain, chainPEM: chain, keyPEM: key)
            failures[domain] = nil
            store.setACMEStatus(nil, for: domain)
            logger.info("certificate installed", metadata: [
                "domain": .string(domain), "not_after": .string("\(store.certificate(for: domain)?.notAfter ?? Date())")])
        } catch let error as ACMEError where !retried && (error.type == Self.accountGone || error.description.contains("ccount") && error.description.contains("not found")) {
            // The CA forgot the account (a reset test CA, a deactivated account): register again, then retry once.
            logger.warning("the ACME account is unknown to the CA; registering a new one", metadata: ["error": .string(error.description)])
            await client?.shutdown()
            client = nil
            try? FileManager.default.removeItem(at: store.acmeDirectory.appendingPathComponent("account.json"))
            await obtain(domain, settings: settings, retried: true)
        } catch {
            let count = (failures[domain]?.count ?? 0) + 1
            let wait = min(60.0 * pow(2, Double(count - 1)), 6 * 3600)
            failures[domain] = (count, now().addingTimeInterval(wait))
            let message = Self.explain(error, settings: settings)
            store.setACMEStatus(CertificateStatus(state: "failed", source: "acme", error: message), for: domain)
            logger.warning("ACME failed", metadata: ["domain": .string(domain), "error": .string(message), "retry_in_s": .stringConvertible(Int(wait))])
        }
    }

    /// A failure as the operator needs it: TLS trouble with the ACME server names the option that fixes it.
    static func explain(_ error: any Error, settings: ACMESettings) -> String {
        if let error = error as? ACMEError { return error.description }
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("handshakeFailed") {
            return "the ACME server's HTTPS certificate is not trusted (\(settings.directoryURL)); "
                + (settings.trustRoots == nil ? "for a private CA, give its root with --acme-ca-cert" : "check that --acme-ca-cert holds the CA that signed it")
        }
        if text.contains("connectTimeout") || text.contains("connectionRefused") || text.contains("Connection refused") {
            return "cannot reach the ACME server at \(settings.directoryURL)"
        }
        return String(text.prefix(300))
    }

    /// The account key and URL live in DATA/tls/acme/account.json (0600), per ACME directory.
    private func acmeClient(_ settings: ACMESettings) async throws -> ACMEClient {
        if let client { return client }
        let file = store.acmeDirectory.appendingPathComponent("account.json")
        struct Account: Codable { var directory: String; var key: String; var url: String? }
        var account: Account?
        if let data = FileManager.default.contents(atPath: file.path), let saved = try? JSONDecoder().decode(Account.self, from: data),
            saved.directory == settings.directoryURL
        {
            account = saved
        }
        let key = try account.map { try P256.Signing.PrivateKey(pemRepresentation: $0.key) } ?? P256.Signing.PrivateKey()
        let client = try ACMEClient(settings: settings, accountKey: key, accountURL: account?.url)
        if account?.url == nil {
            // Register now so the URL is saved with the key (an account is found again by its key anyway).
            try FileManager.default.createDirectory(at: store.acmeDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try await client.ensureAccount()
            let saved = Account(directory: settings.directoryURL, key: key.pemRepresentation, url: client.accountURL)
            try CertificateStore.writeAtomically(String(decoding: try JSONEncoder().encode(saved), as: UTF8.self), to: file)
        }
        self.client = client
        return client
    }
}

extension ACMEClient {
    package func ensureAccount() async throws {
        if accountURL != nil { return }
        let directory = try await self.directory()
        try await register(directory)
    }
}
