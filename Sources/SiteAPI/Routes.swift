/// Paths of the `/v1` API, shared by the daemon and the client so they cannot drift.
public enum Routes {
    public static let livez = "/livez"
    public static let readyz = "/readyz"
    public static let status = "/v1/status"
    /// The operator's graceful stop (unix socket only).
    public static let daemonStop = "/v1/daemon/stop"
    /// The operator's restart: a graceful stop, then the same program starts again in the same process.
    public static let daemonRestart = "/v1/daemon/restart"
    /// The daemon's own log as NDJSON (unix socket only): `?tail=N&follow=1`.
    public static let daemonLogs = "/v1/daemon/logs"
    public static let register = "/v1/auth/register"
    public static let login = "/v1/auth/login"
    public static let refresh = "/v1/auth/refresh"
    public static let logout = "/v1/auth/logout"
    public static let me = "/v1/auth/me"
    /// API tokens for CI: create and list; `token(id)` revokes.
    public static let tokens = "/v1/auth/tokens"
    public static func token(_ id: Int64) -> String { "/v1/auth/tokens/\(id)" }
    public static let sites = "/v1/sites"
    public static func site(_ name: String) -> String { "/v1/sites/\(name)" }
    public static func siteAgent(_ name: String) -> String { "/v1/sites/\(name)/agent" }
    public static func siteEnable(_ name: String) -> String { "/v1/sites/\(name)/enable" }
    public static func siteDisable(_ name: String) -> String { "/v1/sites/\(name)/disable" }
    /// Custom domains served as the site's live version: list and add; `siteAlias` removes one.
    public static func siteAliases(_ name: String) -> String { "/v1/sites/\(name)/aliases" }
    public static func siteAlias(_ name: String, _ domain: String) -> String { "/v1/sites/\(name)/aliases/\(domain)" }
    public static func versions(_ site: String) -> String { "/v1/sites/\(site)/versions" }
    /// `ref` is a number or `live`, `preview`, `latest`, `previous`.
    public static func version(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)" }
    public static func versionSource(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)/source" }
    public static func versionArchive(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)/archive" }
    public static func versionTranscript(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)/transcript" }
    public static func versionScreenshot(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)/screenshot" }
    public static func versionLog(_ site: String, _ ref: String) -> String { "/v1/sites/\(site)/versions/\(ref)/log" }
    public static func diff(_ site: String, _ from: String, _ to: String) -> String { "/v1/sites/\(site)/diff/\(from)/\(to)" }
    public static func deploy(_ site: String) -> String { "/v1/sites/\(site)/deploy" }
    public static func preview(_ site: String) -> String { "/v1/sites/\(site)/preview" }
    public static func rollback(_ site: String) -> String { "/v1/sites/\(site)/rollback" }
    public static func siteRequests(_ site: String) -> String { "/v1/sites/\(site)/requests" }
    public static let requests = "/v1/requests"
    public static func request(_ id: Int64) -> String { "/v1/requests/\(id)" }
    public static func answer(_ id: Int64) -> String { "/v1/requests/\(id)/answer" }
    public static func cancelRequest(_ id: Int64) -> String { "/v1/requests/\(id)/cancel" }
    public static let jobs = "/v1/jobs"
    public static func job(_ id: Int64) -> String { "/v1/jobs/\(id)" }
    public static func jobLogs(_ id: Int64) -> String { "/v1/jobs/\(id)/logs" }
    public static func cancelJob(_ id: Int64) -> String { "/v1/jobs/\(id)/cancel" }
    public static let events = "/v1/events"
    /// The operator's agent profiles.
    public static let agents = "/v1/agents"
}
