public import Foundation

/// `ssh://[user@]host[:port]` and how to run `sitectl daemon dial-stdio` there.
public struct SSHTarget: Sendable, Equatable, CustomStringConvertible {
    public var user: String?
    public var host: String
    public var port: Int?
    /// The `sitectl` program on the remote machine.
    public var remoteBin = "sitectl"
    /// The daemon's socket there (nil: the remote user's default).
    public var remoteSocket: String?
    /// `ssh -o` options (`KEY=VALUE`), before sitectl's own defaults so they win.
    public var options: [String] = []
    /// What `dial-stdio` connects to: the API (nil) or the daemon's site server (`preview`).
    public var dialTarget: String?

    public init(user: String?, host: String, port: Int?) {
        self.user = user
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws {
        func invalid(_ why: String) -> ClientError {
            ClientError("'\(text)' is not an ssh address: \(why).", hint: "Use ssh://host, ssh://user@host or ssh://user@host:2222",
                exitCode: ClientError.Exit.usage)
        }
        var rest = Substring(text.dropFirst("ssh://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty else { throw invalid("no host") }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#") else {
            throw invalid("a path is not allowed (set the remote socket with --remote-socket)")
        }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            guard let user, user.range(of: "^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}\\z", options: .regularExpression) != nil else {
                throw invalid("the user name has characters ssh user names do not have")
            }
        }
        var host = String(rest)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw invalid("an IPv6 address needs its closing ']'") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()); if port == nil { throw invalid("the port is not a number") } }
            else if !after.isEmpty { throw invalid("unexpected text after the address") }
            host = String(host[host.index(after: host.startIndex)..<close])
            guard host.range(of: "^[0-9A-Fa-f:.]+\\z", options: .regularExpression) != nil else { throw invalid("not an IPv6 address") }
        } else if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            if port == nil { throw invalid("the port is not a number") }
            host = String(host[..<colon])
        }
        if let port, !(1...65535).contains(port) { throw invalid("the port must be between 1 and 65535") }
        // A host starting with '-' would be read by ssh as an option; spaces and quotes would reach a shell.
        // (A bracketed IPv6 address was checked above.)
        guard host.contains(":") || host.range(of: "^[A-Za-z0-9_][A-Za-z0-9._-]{0,252}\\z", options: .regularExpression) != nil else {
            throw invalid("'\(host)' is not a host name")
        }
        self.init(user: user, host: host, port: port)
    }

    public var description: String {
        var text = "ssh://"
        if let user { text += user + "@" }
        text += host.contains(":") ? "[\(host)]" : host
        if let port { text += ":\(port)" }
        return text
    }

    /// The command run on the remote machine, quoted for its shell.
    public var remoteCommand: String {
        ([remoteBin, "daemon", "dial-stdio"] + (remoteSocket.map { ["--socket", $0] } ?? []) + (dialTarget.map { ["--target", $0] } ?? []))
            .map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        if word.range(of: "^[A-Za-z0-9_./:=@%+-]+\\z", options: .regularExpression) != nil { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The ssh program and its first arguments: `SITECTL_SSH_COMMAND` (split like a shell would, quotes kept
    /// together) or `ssh`.
    public static func sshProgram(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let command = environment["SITECTL_SSH_COMMAND"], !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ["ssh"]
        }
        return splitWords(command)
    }

    static func splitWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        var escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { current.append(character) }
                continue
            }
            switch character {
            case "'", "\"": quote = character; inWord = true
            case "\\": escaped = true; inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(character); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The full ssh command line: the program, the user's options, sitectl's defaults (a connect timeout, no TTY,
    /// a shared master connection under `controlDirectory`), `--`, the host and the remote command.
    public func arguments(program: [String], controlDirectory: String?) -> [String] {
        var arguments = program + ["-T"]
        if let user { arguments += ["-l", user] }
        if let port { arguments += ["-p", String(port)] }
        // ssh keeps the first value it reads for each option: the context's options come before the defaults.
        for option in options { arguments += ["-o", option] }
        let keys = Set(options.map { $0.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? "" })
        if !keys.contains("connecttimeout") { arguments += ["-o", "ConnectTimeout=30"] }
        if let controlDirectory, !keys.contains("controlmaster"), !keys.contains("controlpath") {
            // One shared connection per (program, options) as well as per user@host:port (%C): a context with other
            // ssh options (ProxyCommand, IdentityFile, …) never rides another context's connection.
            // Named by our own hash of the whole target (not ssh's 40-character %C), so the path stays well inside a
            // socket's 108 bytes with ssh's temporary suffix.
            let tag = Self.shortHash(([description, remoteBin] + program + options).joined(separator: "\u{0}"))
                + Self.shortHash(([remoteBin, description] + options + program).joined(separator: "\u{1}"))
            arguments += ["-o", "ControlMaster=auto", "-o", "ControlPath=\(controlDirectory)/\(tag)", "-o", "ControlPersist=60"]
        }
        return arguments + ["--", host, remoteCommand]
    }

    /// 8 hex digits of FNV-1a: enough to tell option sets apart in a socket name.
    static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return String(format: "%08x", hash)
    }

    /// `KEY=VALUE` as `ssh -o` takes it; refused when it could not be one option.
    public static func validate(option: String) throws {
        guard option.range(of: "^[A-Za-z][A-Za-z0-9]*=[^\\n\\r]*\\z", options: .regularExpression) != nil else {
            throw ClientError(
                "'\(option)' is not an ssh option.", hint: "Write it as KEY=VALUE, e.g. --ssh-option IdentityFile=~/.ssh/deploy",
                exitCode: ClientError.Exit.usage)
        }
    }
}
