import ArgumentParser
import Foundation
import SiteAPI
import SiteClient
import SiteTUI

struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Full-screen terminal UI: dashboard, chat, versions, live logs.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Disable every key that changes something.") var readonly = false
    @Flag(help: "Do not enable mouse reporting.") var noMouse = false

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ClientError("sitectl tui needs a terminal.", hint: "Use the commands instead, e.g. sitectl sites list", exitCode: ClientError.Exit.usage)
        }
        let client = try global.client()
        _ = try await client.me()
        var options = TUIOptions(
            readonly: readonly, noColor: global.color == .never || (ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false),
            noMouse: noMouse, contextName: client.contextName, host: client.endpoint.description)
        options.overSSH = client.tunnel != nil
        let connector = ClientTUIConnector(configDir: global.configDir, original: client)
        if let note = try await runTUI(backend: ClientTUIBackend(client: client), options: options, connector: connector) {
            Terminal.out(note)
        }
    }
}

/// Opens other contexts for the TUI's `:context NAME`, resolved as `--context NAME` would be. A `SITECTL_TOKEN` is
/// never sent to another context: that one's own login is used.
struct ClientTUIConnector: TUIConnector {
    let configDir: String?
    /// The client the TUI started with (with `SITECTL_TOKEN` if that was set): switching back gets it again.
    let original: APIClient

    func contexts() throws -> (names: [String], current: String) {
        let store = ContextStore(directory: ConfigDirectory(override: configDir))
        return ([ContextStore.local] + (try store.all().keys.sorted()), original.contextName)
    }

    func connect(context name: String) async throws -> (backend: any TUIBackend, host: String) {
        if name == original.contextName {
            _ = try await original.me()
            return (ClientTUIBackend(client: original), original.endpoint.description)
        }
        var options = GlobalOptions()
        options.context = name
        options.configDir = configDir
        let (resolved, entry, endpoint) = try options.resolvedContext()
        let client = try APIClient(
            endpoint: endpoint, contextName: resolved, credentials: CredentialStore(directory: ConfigDirectory(override: configDir)),
            staticToken: nil, caCertificate: entry?.caCert)
        do {
            _ = try await client.me()
        } catch let error as ClientError where error.exitCode == ClientError.Exit.auth {
            throw ClientError("Not logged in to context \(name).", hint: "sitectl login --context \(name)", exitCode: error.exitCode)
        }
        return (ClientTUIBackend(client: client), client.endpoint.description)
    }
}

/// The TUI's backend over the real API client.
struct ClientTUIBackend: TUIBackend {
    let client: APIClient

    func listSites() async throws -> [Site] { try await client.allSites() }
    func listVersions(site: String) async throws -> [Version] { try await client.versions(site: site) }
    func chat(site: String, message: String) async throws -> BuildRequest { try await client.chat(site: site, message: message) }
    func answer(requestID: Int64, answer: String) async throws -> BuildRequest { try await client.answer(requestID, answer: answer) }
    func request(id: Int64) async throws -> BuildRequest { try await client.request(id) }
    func deploy(site: String, version: Int) async throws -> PointerMove { try await client.deploy(site: site, ref: String(version)) }
    func rollback(site: String) async throws -> PointerMove { try await client.rollback(site: site) }
    func events() -> AsyncThrowingStream<EventStreamItem, any Error> { client.eventStream() }
    func listRequests(site: String?, state: RequestState?, limit: Int) async throws -> [BuildRequest] {
        try await client.requests(site: site, state: state, limit: limit)
    }
    func listJobs(site: String?, state: JobState?, limit: Int) async throws -> [Job] {
        try await client.jobs(site: site, state: state, limit: limit)
    }
    func jobLogs(id: Int64, after: Int) async throws -> [LogLine] { try await client.jobLogs(id, after: after) }
    func cancelJob(id: Int64) async throws -> Job { try await client.cancelJob(id) }
    func createSite(name: String) async throws -> Site { try await client.createSite(CreateSiteRequest(name: name)) }
    func deleteSite(name: String) async throws { try await client.deleteSite(name) }
    func setSiteEnabled(name: String, enabled: Bool) async throws -> Site { try await client.setSiteEnabled(name, enabled) }
    func diff(site: String, from: Int, to: Int) async throws -> VersionDiff {
        try await client.diff(site: site, from: String(from), to: String(to))
    }
    func preview(site: String, version: Int) async throws -> PreviewResult {
        let move = try await client.preview(site: site, ref: String(version))
        let url = SiteURL.make(site: site, serveAddress: try await client.status().serveAddress, prefix: "preview--")
        // Over ssh the address is the remote machine's loopback; the CLI tunnels it.
        let note = client.tunnel.map { _ in "on the daemon's machine; from here: sitectl versions preview \(site)@\(version)" }
        return PreviewResult(move: move, url: url, note: note)
    }
    func account() async throws -> AccountInfo {
        let user = try await client.me()
        let session = try client.credentials.session(for: client.contextName)
        return AccountInfo(email: user.email, userID: user.id, context: client.contextName, host: client.endpoint.description,
                           accessExpiresAt: session?.accessExpiresAt, tokens: try await client.tokens())
    }
    func revokeToken(id: Int64) async throws { _ = try await client.revokeToken(id: id) }
    func logout() async throws {
        if client.staticToken != nil {
            throw ClientError("This TUI uses SITECTL_TOKEN, which logging out would not end.",
                              hint: "Revoke the token instead: sitectl auth token revoke ID")
        }
        try await client.logout()
    }
    func daemonStatus() async throws -> DaemonStatus { try await client.status() }
}
