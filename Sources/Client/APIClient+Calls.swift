public import Foundation
import NIOHTTP1
import NIOCore
public import SiteAPI

extension APIClient {
    // MARK: Daemon and accounts

    public func status() async throws -> DaemonStatus {
        try await call(.GET, Routes.status, authenticated: false)
    }

    /// Asks the daemon to shut down gracefully (operator only: its unix socket); returns its status as it stops.
    public func stopDaemon() async throws -> DaemonStatus {
        try await call(.POST, Routes.daemonStop, authenticated: false)
    }

    /// Asks the daemon to restart itself (operator only); returns its status as it stops.
    public func restartDaemon() async throws -> DaemonStatus {
        try await call(.POST, Routes.daemonRestart, authenticated: false)
    }

    /// True when `/readyz` answers 200; false while starting; throws when unreachable.
    public func isReady() async throws -> Bool {
        try await raw(.GET, Routes.readyz, token: nil, timeout: .seconds(5)).status == 200
    }

    public func register(email: String, password: String) async throws -> User {
        try await call(.POST, Routes.register, body: Credentials(email: email, password: password), authenticated: false)
    }

    /// Logs in and stores the session for this context.
    public func login(email: String, password: String) async throws -> TokenPair {
        let pair: TokenPair = try await call(
            .POST, Routes.login, body: Credentials(email: email, password: password), authenticated: false)
        try save(pair)
        return pair
    }

    /// Ends the session on the daemon (best effort) and forgets it locally.
    public func logout() async throws {
        if let session = try credentials.session(for: contextName), !session.refreshToken.isEmpty {
            _ = try? await callData(.POST, Routes.logout, body: RefreshRequest(refreshToken: session.refreshToken), authenticated: false)
        }
        try credentials.remove(context: contextName)
    }

    public func me() async throws -> User { try await call(.GET, Routes.me) }

    // MARK: API tokens

    public func createToken(name: String, expiresInSeconds: Int?) async throws -> CreatedToken {
        try await call(.POST, Routes.tokens, body: CreateTokenRequest(name: name, expiresInSeconds: expiresInSeconds))
    }

    public func tokens() async throws -> [APIToken] { try await call(.GET, Routes.tokens) }

    public func revokeToken(id: Int64) async throws -> APIToken { try await call(.DELETE, Routes.token(id)) }

    /// Checks an API token with the daemon and saves it as this context's session (no refresh: it lives until it
    /// expires or is revoked).
    public func login(apiToken: String) async throws -> User {
        guard Self.isPlausibleToken(apiToken) else {
            throw ClientError("That is not a sitectl API token (it holds a line break, a space or other characters tokens never have); it was not sent.",
                hint: "printf '%s\\n' \"$TOKEN\" | sitectl login --token-stdin   (the single line auth token create printed)",
                exitCode: ClientError.Exit.usage)
        }
        let response = try await raw(.GET, Routes.me, token: apiToken)
        guard response.status == 200 else { throw decodeError(response) }
        let user = try APIJSON.decoder().decode(User.self, from: response.body)
        try credentials.save(
            StoredSession(
                email: user.email, host: endpoint.description, accessToken: apiToken, accessExpiresAt: .distantFuture,
                refreshToken: "", refreshExpiresAt: .distantPast),
            for: contextName)
        return user
    }

    // MARK: Sites

    public func createSite(_ request: CreateSiteRequest) async throws -> Site {
        try await call(.POST, Routes.sites, body: request)
    }

    /// Creates a site whose version 1 is `archive`, a tar of the site folder (site.yaml at the top).
    public func importSite(name: String, theme: String?, description: String?, archive: Data) async throws -> Site {
        var query = [URLQueryItem(name: "name", value: name)]
        if let theme { query.append(URLQueryItem(name: "theme", value: theme)) }
        if let description { query.append(URLQueryItem(name: "description", value: description)) }
        var components = URLComponents()
        components.queryItems = query
        let path = Routes.sites + "?" + (components.percentEncodedQuery ?? "")
        let data = try await callData(.POST, path, bytes: archive, contentType: "application/x-tar")
        do {
            return try APIJSON.decoder().decode(Site.self, from: data)
        } catch {
            throw ClientError("The daemon sent an answer this sitectl does not understand (\(Routes.sites)).",
                hint: "Check that the CLI and daemon versions match: sitectl daemon status")
        }
    }

    public func listSites(cursor: String? = nil, limit: Int = 50, status: SiteStatus? = nil) async throws -> Page<Site> {
        var query = ["limit=\(limit)"]
        if let cursor { query.append("cursor=\(cursor)") }
        if let status { query.append("status=\(status.rawValue)") }
        return try await call(.GET, Routes.sites + "?" + query.joined(separator: "&"))
    }

    /// Every site, following the pages.
    public func allSites(status: SiteStatus? = nil) async throws -> [Site] {
        var result: [Site] = []
        var cursor: String?
        repeat {
            let page = try await listSites(cursor: cursor, limit: 200, status: status)
            result += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return result
    }

    public func site(_ name: String) async throws -> Site { try await call(.GET, Routes.site(name)) }

    /// The custom domains that serve the site's live version.
    public func siteAliases(_ name: String) async throws -> [SiteAlias] {
        let page: Page<SiteAlias> = try await call(.GET, Routes.siteAliases(name))
        return page.items
    }

    public func addSiteAlias(_ name: String, domain: String, redirectTo: String? = nil) async throws -> SiteAlias {
        try await call(.POST, Routes.siteAliases(name), body: AddAliasRequest(domain: domain, redirectTo: redirectTo))
    }

    public func removeSiteAlias(_ name: String, domain: String) async throws {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        _ = try await callData(.DELETE, Routes.siteAlias(name, domain.addingPercentEncoding(withAllowedCharacters: allowed) ?? domain))
    }

    /// Sets the operator's agent profile the site uses, or with nil the daemon's default.
    public func setSiteAgent(_ name: String, profile: String?) async throws -> Site {
        try await call(.PUT, Routes.siteAgent(name), body: SiteAgentRequest(profile: profile))
    }

    /// The agent profiles the daemon's operator offers.
    public func agentProfiles() async throws -> [AgentProfileInfo] {
        let page: Page<AgentProfileInfo> = try await call(.GET, Routes.agents)
        return page.items
    }

    public func setSiteEnabled(_ name: String, _ enabled: Bool) async throws -> Site {
        try await call(.POST, enabled ? Routes.siteEnable(name) : Routes.siteDisable(name))
    }

    public func deleteSite(_ name: String) async throws {
        _ = try await callData(.DELETE, Routes.site(name))
    }

    // MARK: Versions

    public func versions(site: String, limit: Int = 100) async throws -> [Version] {
        let page: Page<Version> = try await call(.GET, Routes.versions(site) + "?limit=\(limit)")
        return page.items
    }

    public func version(site: String, ref: String) async throws -> Version {
        try await call(.GET, Routes.version(site, ref))
    }

    public func versionLog(site: String, ref: String) async throws -> String {
        String(decoding: try await callData(.GET, Routes.versionLog(site, ref)), as: UTF8.self)
    }

    /// The agent transcript of a version, as JSON.
    public func versionTranscript(site: String, ref: String) async throws -> Data {
        try await callData(.GET, Routes.versionTranscript(site, ref))
    }

    /// The home page screenshot (PNG) stored with a version by the browser checks.
    public func versionScreenshot(site: String, ref: String) async throws -> Data {
        try await callData(.GET, Routes.versionScreenshot(site, ref))
    }

    public func versionSource(site: String, ref: String) async throws -> [SourceFile] {
        try await call(.GET, Routes.versionSource(site, ref))
    }

    public func versionArchive(site: String, ref: String) async throws -> Data {
        try await callData(.GET, Routes.versionArchive(site, ref))
    }

    public func deleteVersion(site: String, ref: String) async throws {
        _ = try await callData(.DELETE, Routes.version(site, ref))
    }

    public func diff(site: String, from: String, to: String) async throws -> VersionDiff {
        try await call(.GET, Routes.diff(site, from, to))
    }

    public func deploy(site: String, ref: String, force: Bool = false) async throws -> PointerMove {
        try await call(.POST, Routes.deploy(site), body: PointerMoveRequest(version: ref, force: force))
    }

    public func preview(site: String, ref: String) async throws -> PointerMove {
        try await call(.POST, Routes.preview(site), body: PointerMoveRequest(version: ref))
    }

    public func rollback(site: String, to ref: String? = nil) async throws -> PointerMove {
        try await call(.POST, Routes.rollback(site), body: RollbackRequest(to: ref))
    }

    // MARK: Requests and jobs

    public func chat(site: String, message: String) async throws -> BuildRequest {
        try await call(.POST, Routes.siteRequests(site), body: ChatRequest(message: message))
    }

    public func request(_ id: Int64) async throws -> BuildRequest { try await call(.GET, Routes.request(id)) }

    public func requests(site: String? = nil, state: RequestState? = nil, limit: Int = 50) async throws -> [BuildRequest] {
        var query = ["limit=\(limit)"]
        if let site { query.append("site=\(site)") }
        if let state { query.append("state=\(state.rawValue)") }
        let page: Page<BuildRequest> = try await call(.GET, Routes.requests + "?" + query.joined(separator: "&"))
        return page.items
    }

    public func answer(_ id: Int64, answer: String) async throws -> BuildRequest {
        try await call(.POST, Routes.answer(id), body: AnswerRequest(answer: answer))
    }

    public func cancelRequest(_ id: Int64) async throws -> BuildRequest { try await call(.POST, Routes.cancelRequest(id)) }

    public func jobs(site: String? = nil, state: JobState? = nil, limit: Int = 50) async throws -> [Job] {
        var query = ["limit=\(limit)"]
        if let site { query.append("site=\(site)") }
        if let state { query.append("state=\(state.rawValue)") }
        let page: Page<Job> = try await call(.GET, Routes.jobs + "?" + query.joined(separator: "&"))
        return page.items
    }

    public func job(_ id: Int64) async throws -> Job { try await call(.GET, Routes.job(id)) }

    public func cancelJob(_ id: Int64) async throws -> Job { try await call(.POST, Routes.cancelJob(id)) }

    public func jobLogs(_ id: Int64, after: Int = 0) async throws -> [LogLine] {
        try await call(.GET, Routes.jobLogs(id) + "?after=\(after)")
    }

    /// Follows a job's log live until the job ends.
    public func followJobLogs(_ id: Int64, after: Int = 0) -> AsyncThrowingStream<LogLine, any Error> {
        stream(Routes.jobLogs(id) + "?follow=true&after=\(after)")
    }

    /// The live event stream of the user's sites (NDJSON transport).
    /// An event of a kind this sitectl does not know (a newer daemon) is skipped rather than ending the stream.
    public func events(site: String? = nil) -> AsyncThrowingStream<Event, any Error> {
        let decoder = APIJSON.decoder()
        return lineStream(Routes.events + "?format=ndjson" + (site.map { "&site=\($0)" } ?? ""), authenticated: true) { line in
            try? decoder.decode(Event.self, from: line)
        }
    }

    /// The live event stream with its transport signals: ``EventStreamItem/opened`` once the daemon has subscribed
    /// this client (so a reload after it misses nothing), ``EventStreamItem/heartbeat`` for the daemon's idle-time
    /// blank lines, and the events. An event of a kind this sitectl does not know (a newer daemon) is skipped
    /// rather than ending the stream.
    public func eventStream(site: String? = nil) -> AsyncThrowingStream<EventStreamItem, any Error> {
        let decoder = APIJSON.decoder()
        return lineStream(
            Routes.events + "?format=ndjson" + (site.map { "&site=\($0)" } ?? ""), authenticated: true,
            opened: .opened, blank: .heartbeat
        ) { line in (try? decoder.decode(Event.self, from: line)).map(EventStreamItem.event) }
    }
}
