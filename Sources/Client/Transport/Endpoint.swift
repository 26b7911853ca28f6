import AsyncHTTPClient
public import Foundation

/// Where a daemon's API is: a local unix socket or an HTTP(S) base URL.
public enum Endpoint: Sendable, Equatable, CustomStringConvertible {
    case unix(path: String)
    case http(baseURL: String)
    /// A daemon on another machine, reached by running `sitectl daemon dial-stdio` there through the system `ssh`.
    case ssh(SSHTarget)

    /// Parses `unix:///path`, `ssh://[user@]host[:port]`, `tcp://host:port`, `http://…`, `https://…`, or a bare
    /// absolute socket path.
    public init(parsing text: String) throws {
        if text.hasPrefix("ssh://") {
            self = .ssh(try SSHTarget(parsing: text))
        } else if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw ClientError("'\(text.debugDescription.dropFirst().dropLast())' is not a socket address: the path must be absolute.",
                    hint: "unix:///run/user/1000/sitectl/sitectl.sock", exitCode: ClientError.Exit.usage)
            }
            self = .unix(path: path)
        } else if text.hasPrefix("tcp://") {
            self = .http(baseURL: try Self.checkedBase("http://" + text.dropFirst("tcp://".count), shown: text))
        } else if text.hasPrefix("http://") || text.hasPrefix("https://") {
            self = .http(baseURL: try Self.checkedBase(text, shown: text))
        } else if text.hasPrefix("/") {
            self = .unix(path: text)
        } else {
            throw ClientError(
                "'\(text)' is not a daemon address.", hint: "Use ssh://user@host, https://host:7443, unix:///path/to/sock or tcp://127.0.0.1:7070",
                exitCode: ClientError.Exit.usage)
        }
    }

    /// `scheme://host[:port]` and nothing else: no user or password (they would be stored and shown), no path,
    /// query or fragment, a port from 1 to 65535, no spaces or control characters.
    static func checkedBase(_ text: String, shown: String) throws -> String {
        func invalid(_ why: String) -> ClientError {
            ClientError("'\(shown.unicodeScalars.contains { $0.value < 0x20 } ? shown.debugDescription : shown)' is not a daemon address: \(why).",
                hint: "Use https://host:7443 (a CA with --ca-cert), ssh://user@host, or tcp://127.0.0.1:7070", exitCode: ClientError.Exit.usage)
        }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { throw invalid("it holds spaces or control characters") }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty else { throw invalid("no host") }
        if components.user != nil || components.password != nil { throw invalid("a user or password is not allowed in it (log in with sitectl login)") }
        if !components.path.isEmpty || components.query != nil || components.fragment != nil { throw invalid("a path is not allowed") }
        if let port = components.port, !(1...65535).contains(port) { throw invalid("the port must be between 1 and 65535") }
        return trimmed
    }

    /// The URL of an API path on this endpoint (AHC's `http+unix://` form for sockets; an ssh endpoint goes
    /// through its tunnel's local socket).
    func url(_ path: String, tunnelSocket: String? = nil) -> String {
        switch self {
        case .unix(let socket):
            return URL(httpURLWithSocketPath: socket, uri: path)?.absoluteString ?? ""
        case .ssh:
            return URL(httpURLWithSocketPath: tunnelSocket ?? "/nonexistent", uri: path)?.absoluteString ?? ""
        case .http(let base):
            return base + path
        }
    }

    public var description: String {
        switch self {
        case .unix(let path): "unix://\(path)"
        case .http(let base): base
        case .ssh(let target): target.description
        }
    }

    /// True for this machine's unix socket (where "nothing listens" means "not running").
    public var isUnixSocket: Bool {
        if case .unix = self { return true }
        return false
    }

    /// True for addresses on another machine (ssh, or TCP to a host that is not loopback).
    public var isRemote: Bool {
        switch self {
        case .unix: false
        case .ssh: true
        case .http(let base):
            !(["127.0.0.1", "localhost", "[::1]"].contains { base.contains("://\($0)") })
        }
    }

    /// The default socket: `$XDG_RUNTIME_DIR/sitectl/sitectl.sock`, else under `$XDG_STATE_HOME` (or ~/.local/state).
    public static func defaultSocketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return runtime + "/sitectl/sitectl.sock"
        }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/sitectl/sitectl.sock"
    }
}
