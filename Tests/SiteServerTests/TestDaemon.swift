import HTTPTypes
import NIOCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SiteAPI
import SiteAgent
import SiteCompiler
@testable import SiteServer

/// An in-memory daemon (SQLite in memory, blobs in memory) with helpers to call its API as a user would.
struct TestDaemon {
    let components: DaemonComponents

    /// Browser checks are off unless a test passes settings (they start Chromium and take seconds).
    init(
        now: @escaping @Sendable () -> Date = { Date() }, agent: (any AgentBackend)? = nil,
        browserChecks: BrowserCheckSettings = BrowserCheckSettings(enabled: false), themes: URL = Self.themesDirectory
    ) throws {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [themes])
        configuration.bcryptCost = 4
        configuration.now = now
        configuration.browserChecks = browserChecks
        try self.init(configuration: configuration, agent: agent)
    }

    /// A daemon from a whole configuration (operator profiles, limits).
    init(configuration: ServerConfiguration, agent: (any AgentBackend)? = nil) throws {
        components = try DaemonComponents(configuration: configuration, agent: agent, inMemory: true)
        components.runtime.apiBound("test")
        components.runtime.serveBound("test")
        components.runtime.recoveryDone()
    }

    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("themes/starter/theme.yaml").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }

    static var themesDirectory: URL { repositoryRoot.appendingPathComponent("themes") }

    /// Registers and logs in; returns the access token.
    func user(_ email: String, password: String = "correct horse battery") async throws -> (UserRecord, String) {
        _ = try await components.accounts.register(email: email, password: password)
        let pair = try await components.accounts.login(email: email, password: password)
        guard let user = try await components.accounts.authenticate(accessToken: pair.accessToken) else {
            throw ServerError.unauthorized
        }
        return (user, pair.accessToken)
    }

    /// Runs queued jobs until none is left, as a worker would.
    @discardableResult
    func drainQueue(worker: String = "test-worker") async throws -> [FinishedJob] {
        var outcomes: [FinishedJob] = []
        while let claimed = try await components.lifecycle.claim(worker: worker) {
            outcomes.append(try await components.runner.process(claimed, worker: worker))
        }
        return outcomes
    }

    func application() -> some ApplicationProtocol {
        Application(router: components.apiRouter())
    }
}

extension TestClientProtocol {
    /// Calls the API with JSON in and out.
    func api(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, body: (some Encodable)? = Optional<Int>.none
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/json"
        let buffer = try body.map { ByteBuffer(bytes: try APIJSON.encoder().encode($0)) }
        return try await execute(uri: path, method: method, headers: headers, body: buffer)
    }
}

extension TestResponse {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try APIJSON.decoder().decode(T.self, from: Data(body.readableBytesView))
    }

    var text: String { String(buffer: body) }
}

extension FinishedJob {
    var state: JobState { jobState }
}
