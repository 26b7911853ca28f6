public import Foundation
import Yams

/// A named daemon address with how to reach it (docker contexts): kept in `config.yaml` under `contexts:`.
public struct ContextEntry: Codable, Sendable, Equatable {
    /// `unix:///path`, `ssh://[user@]host[:port]`, `https://host[:port]` or `tcp://host:port`.
    public var host: String
    public var description: String?
    /// The `sitectl` program on the remote machine (ssh only; default `sitectl` on its PATH).
    public var remoteBin: String?
    /// The daemon's socket on the remote machine (ssh only; default: the remote user's default socket).
    public var remoteSocket: String?
    /// Extra `ssh -o KEY=VALUE` options, in order (ssh only).
    public var sshOptions: [String]?
    /// A PEM file of the CA certificate(s) that sign the daemon's certificate (https only; default: system trust).
    public var caCert: String?

    enum CodingKeys: String, CodingKey {
        case host, description
        case remoteBin = "remote_bin"
        case remoteSocket = "remote_socket"
        case sshOptions = "ssh_options"
        case caCert = "ca_cert"
    }

    public init(
        host: String, description: String? = nil, remoteBin: String? = nil, remoteSocket: String? = nil,
        sshOptions: [String]? = nil, caCert: String? = nil
    ) {
        self.host = host
        self.description = description
        self.remoteBin = remoteBin
        self.remoteSocket = remoteSocket
        self.sshOptions = sshOptions
        self.caCert = caCert
    }

    /// The endpoint this entry names, with its ssh and TLS settings applied.
    public func endpoint() throws -> Endpoint {
        var endpoint = try Endpoint(parsing: host)
        switch endpoint {
        case .ssh(var target):
            // One set of checks for `context create/update` and for what a hand-edited config.yaml holds.
            for option in sshOptions ?? [] { try SSHTarget.validate(option: option) }
            if let remoteBin, remoteBin.isEmpty || remoteBin.hasPrefix("-") || remoteBin.contains(where: { $0.isNewline }) {
                throw ClientError("The remote program (--remote-bin, remote_bin in config.yaml) must be a program name or path.",
                    hint: "--remote-bin /usr/local/bin/sitectl", exitCode: ClientError.Exit.usage)
            }
            if let remoteSocket, !remoteSocket.hasPrefix("/") || remoteSocket.contains(where: { $0.isNewline }) {
                throw ClientError("The remote socket (--remote-socket, remote_socket in config.yaml) must be an absolute path on the remote machine.",
                    hint: "--remote-socket /run/sitectl/sitectl.sock", exitCode: ClientError.Exit.usage)
            }
            if let remoteBin { target.remoteBin = remoteBin }
            target.remoteSocket = remoteSocket
            target.options = sshOptions ?? []
            endpoint = .ssh(target)
        case .http, .unix:
            break
        }
        return endpoint
    }
}

/// `config.yaml`: the contexts and which one is current. Written atomically, mode 0600.
public struct ContextStore: Sendable {
    /// The built-in context: the local daemon's default socket.
    public static let local = "local"

    public let file: URL

    public init(directory: ConfigDirectory) { file = directory.configFile }

    struct Document: Codable {
        var currentContext: String?
        var contexts: [String: ContextEntry]?

        enum CodingKeys: String, CodingKey {
            case currentContext = "current_context"
            case contexts
        }
    }

    func read() throws -> Document {
        guard FileManager.default.fileExists(atPath: file.path) else { return Document() }
        // Contexts decide where sessions go and what ssh runs (its options): a file or folder someone else can
        // write is refused, as ssh refuses such a config.
        for (path, isFolder) in [(file.path, false), (file.deletingLastPathComponent().path, true)] {
            // The file a symlink points at is what is read, so its owner and mode are what count.
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let writable = info.st_mode & 0o022 != 0
            if info.st_uid != getuid() || writable {
                let mode = String(info.st_mode & 0o777, radix: 8)
                let who = info.st_uid != getuid() ? "owned by another user (uid \(info.st_uid))" : "writable by other users (mode \(mode))"
                throw ClientError(
                    "\(path) is \(who); refusing to use it: anyone who can change it can point your contexts elsewhere or run commands through ssh options.",
                    hint: info.st_uid != getuid() ? "Use your own --config-dir" : "chmod \(isFolder ? "700" : "600") \(path)",
                    exitCode: ClientError.Exit.usage)
            }
        }
        let text: String
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ClientError("Cannot read \(file.path).", hint: "Check its permissions: ls -l \(file.path)")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw ClientError("\(file.path) is not UTF-8 text.", hint: "Fix or remove it (contexts are listed under 'contexts:'); see docs/remote.md",
                exitCode: ClientError.Exit.usage)
        }
        text = decoded
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Document() }
        do {
            let document = try YAMLDecoder().decode(Document.self, from: text)
            try Self.refuseUnknownKeys(text, file: file.path)
            // What a hand-edited file names gets the checks `context create` makes.
            for (name, entry) in document.contexts ?? [:] {
                do {
                    try Self.validate(name: name)
                    if name == Self.local { throw ClientError("'local' is the built-in context and cannot be redefined.") }
                    _ = try Endpoint(parsing: entry.host)
                } catch let error as ClientError {
                    throw ClientError("\(file.path), context '\(name.debugDescription.dropFirst().dropLast())': \(error.message)",
                        hint: "Fix or remove that entry (sitectl context remove, or edit the file)", exitCode: ClientError.Exit.usage)
                }
            }
            return document
        } catch let error as ClientError {
            throw error
        } catch {
            throw ClientError(
                "\(file.path) is not a valid sitectl configuration: \(Self.reason(error))",
                hint: "Fix or remove it (contexts are listed under 'contexts:'); see docs/remote.md", exitCode: ClientError.Exit.usage)
        }
    }

    /// A typo (`cacert:` for `ca_cert:`) would silently fall back to a default: unknown keys are errors.
    static func refuseUnknownKeys(_ text: String, file: String) throws {
        guard let tree = try? Yams.load(yaml: text) as? [String: Any] else { return }
        let top: Set<String> = ["current_context", "contexts"]
        let entry: Set<String> = ["host", "description", "remote_bin", "remote_socket", "ssh_options", "ca_cert"]
        for key in tree.keys where !top.contains(key) {
            throw ClientError("\(file): unknown key '\(key)'.", hint: "Known keys: \(top.sorted().joined(separator: ", "))",
                exitCode: ClientError.Exit.usage)
        }
        for (name, value) in (tree["contexts"] as? [String: Any]) ?? [:] {
            for key in ((value as? [String: Any]) ?? [:]).keys where !entry.contains(key) {
                throw ClientError("\(file): unknown key '\(key)' in context \(name).", hint: "Known keys: \(entry.sorted().joined(separator: ", "))",
                    exitCode: ClientError.Exit.usage)
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        return String(text.split(separator: "\n").first ?? Substring(text)).prefix(200).description
    }

    func write(_ document: Document) throws {
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let text = try YAMLEncoder().encode(document)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".config.\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ClientError("Cannot write \(file.path).", hint: "Check the permissions of \(file.deletingLastPathComponent().path)")
        }
        if rename(temporary.path, file.path) != 0 {
            unlink(temporary.path)
            throw ClientError("Cannot write \(file.path).", hint: "Check the permissions of \(file.deletingLastPathComponent().path)")
        }
    }

    /// Every context the user made (not `local`), by name.
    public func all() throws -> [String: ContextEntry] { try read().contexts ?? [:] }

    public func entry(_ name: String) throws -> ContextEntry? { try read().contexts?[name] }

    /// The current context's name (`local` unless `context use` chose another).
    public func current() throws -> String { try read().currentContext ?? Self.local }

    public func setCurrent(_ name: String) throws {
        var document = try read()
        document.currentContext = name == Self.local ? nil : name
        try write(document)
    }

    public func save(_ entry: ContextEntry, as name: String) throws {
        var document = try read()
        var contexts = document.contexts ?? [:]
        contexts[name] = entry
        document.contexts = contexts
        try write(document)
    }

    /// Removes a context; the current one falls back to `local` when it was this one.
    public func remove(_ name: String) throws {
        var document = try read()
        document.contexts?[name] = nil
        if document.currentContext == name { document.currentContext = nil }
        try write(document)
    }

    /// Context names: a letter or digit, then letters, digits, `.`, `_` or `-`, at most 63 characters.
    public static func validate(name: String) throws {
        if name.lowercased() == local && name != local {
            throw ClientError("'\(name)' is too close to the built-in context 'local'.", hint: "Choose another name, e.g. prod",
                exitCode: ClientError.Exit.usage)
        }
        let valid = name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\\z", options: .regularExpression) != nil
        guard valid else {
            throw ClientError(
                "'\(name)' is not a valid context name.",
                hint: "Use letters, digits, '.', '_' and '-' (at most 63, starting with a letter or digit), e.g. prod",
                exitCode: ClientError.Exit.usage)
        }
    }
}
