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
            self = .unix(path: String(text.dropFirst("unix://".count)))
        } else if text.hasPrefix("tcp://") {
            self = .http(baseURL: "http://" + text.dropFirst("tcp://".count))
        } else if text.hasPrefix("http://") || text.hasPrefix("https://") {
            self = .http(baseURL: text.hasSuffix("/") ? String(text.dropLast()) : text)
        } else if text.hasPrefix("/") {
            self = .unix(path: text)
        } else {
            throw ClientError(
                "'\(text)' is not a daemon address.", hint: "Use ssh://user@host, https://host:7443, unix:///path/to/sock or tcp://127.0.0.1:7070",
                exitCode: ClientError.Exit.usage)
        }
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
