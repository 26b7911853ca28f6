import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

/// `sitectl context …`: named daemon addresses, as docker contexts (stored in config.yaml).
struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context", abstract: "Manage contexts: named daemons on this machine or another (ssh://, https://).",
        discussion: """
            A context names a daemon and how to reach it. `local` (the daemon on this machine) is built in.
            Precedence: --context > --host/SITECTL_HOST > SITECTL_CONTEXT > the current context (context use).
            Sessions are saved per context (sitectl login --context NAME). See docs/remote.md.
            """,
        subcommands: [Create.self, List.self, Show.self, Use.self, Update.self, Remove.self, Test.self],
        aliases: ["ctx"])

    /// A context as listed and shown (`-o json`).
    struct Row: Encodable, StableKeysEncodable {
        var name: String
        var current: Bool
        var host: String
        var description: String?
        var remoteBin: String?
        var remoteSocket: String?
        var sshOptions: [String]?
        var caCert: String?
        var loggedInAs: String?

        init(name: String, entry: ContextEntry, current: Bool, session: StoredSession?) {
            self.name = name
            self.current = current
            host = entry.host
            description = entry.description
            remoteBin = entry.remoteBin
            remoteSocket = entry.remoteSocket
            sshOptions = entry.sshOptions
            caCert = entry.caCert
            loggedInAs = session?.email
        }
    }

    static func localEntry() -> ContextEntry {
        ContextEntry(host: "unix://" + Endpoint.defaultSocketPath(), description: "The daemon on this machine")
    }

    /// Checks what a context would hold before it is saved: the host parses, options are ssh options, the CA file
    /// is a readable PEM file (kept as an absolute path).
    static func checked(_ entry: ContextEntry) throws -> ContextEntry {
        var entry = entry
        let endpoint = try Endpoint(parsing: entry.host)
        entry.host = endpoint.description
        let isSSH: Bool = if case .ssh = endpoint { true } else { false }
        if !isSSH {
            for (flag, value) in [("--remote-bin", entry.remoteBin), ("--remote-socket", entry.remoteSocket)] where value != nil {
                throw ClientError("\(flag) is for ssh:// contexts only.", hint: "Remove \(flag), or use --host ssh://user@host",
                    exitCode: ClientError.Exit.usage)
            }
            if !(entry.sshOptions ?? []).isEmpty {
                throw ClientError("--ssh-option is for ssh:// contexts only.", hint: "Remove --ssh-option, or use --host ssh://user@host",
                    exitCode: ClientError.Exit.usage)
            }
        }
        // The ssh options, remote program and socket: the checks a context gets whenever it is read.
        _ = try entry.endpoint()
        if let ca = entry.caCert {
            guard endpoint.description.hasPrefix("https://") else {
                throw ClientError("--ca-cert is for https:// contexts only.", hint: "Remove --ca-cert, or use --host https://host:port",
                    exitCode: ClientError.Exit.usage)
            }
            let path = URL(fileURLWithPath: ca).standardizedFileURL.path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") else {
                throw ClientError("\(ca) is not a readable PEM certificate file.",
                    hint: "Give the CA certificate that signed the daemon's certificate (-----BEGIN CERTIFICATE-----)",
                    exitCode: ClientError.Exit.usage)
            }
            entry.caCert = path
        }
        if case .http(let base) = endpoint, base.hasPrefix("http://"), endpoint.isRemote {
            Terminal.err("Warning: \(base) is plain HTTP: passwords and tokens cross the network unencrypted. Prefer https:// or ssh://.")
        }
        return entry
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a context.",
            discussion: """
                Examples:
                  sitectl context create prod --host ssh://deploy@example.com --use
                  sitectl context create prod --host ssh://me@example.com:2222 --remote-socket /run/sitectl/sitectl.sock
                  sitectl context create staging --host https://staging.example.com:7443 --ca-cert ./ca.pem
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context's name.") var name: String
        // The address is the global -H/--host option (ssh://[user@]host[:port], https://host[:port], unix:///path, tcp://…).
        var address: String {
            get throws {
                guard let host = global.host, !host.isEmpty else {
                    throw ClientError("A context needs an address.", hint: "sitectl context create \(name) --host ssh://user@host",
                        exitCode: ClientError.Exit.usage)
                }
                return host
            }
        }
        @Option(help: "The sitectl program on the remote machine (ssh; default: sitectl on its PATH).") var remoteBin: String?
        @Option(help: "The daemon's socket on the remote machine (ssh; default: the remote user's default).") var remoteSocket: String?
        @Option(name: .customLong("ssh-option"), help: "An ssh option KEY=VALUE (repeatable).") var sshOptions: [String] = []
        @Option(help: "PEM file of the CA that signed the daemon's certificate (https; default: system trust).") var caCert: String?
        @Option(help: "A note shown by context list.") var description: String?
        @Flag(help: "Make it the current context.") var use = false

        func run() async throws {
            try ContextStore.validate(name: name)
            let store = ContextStore(directory: ConfigDirectory(override: global.configDir))
            guard name != ContextStore.local else {
                throw ClientError("'local' is the built-in context for this machine's daemon.", hint: "Choose another name.",
                    exitCode: ClientError.Exit.usage)
            }
            let address = try address
            guard try store.entry(name) == nil else {
                throw ClientError("A context named '\(name)' exists.", hint: "sitectl context update \(name) --host \(address)",
                    exitCode: ClientError.Exit.usage)
            }
            let entry = try ContextCommand.checked(ContextEntry(
                host: address, description: description, remoteBin: remoteBin, remoteSocket: remoteSocket,
                sshOptions: sshOptions.isEmpty ? nil : sshOptions, caCert: caCert))
            try store.save(entry, as: name)
            if use { try store.setCurrent(name) }
            if global.format == .name { Terminal.out(name); return }
            if !global.quiet {
                Terminal.err("Context \(name) created (\(entry.host))\(use ? " and in use" : "").")
                Terminal.err("Next: sitectl context test \(name); sitectl login --context \(name)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contexts (the current one is marked *).", aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let directory = ConfigDirectory(override: global.configDir)
            let store = ContextStore(directory: directory)
            let credentials = CredentialStore(directory: directory)
            let fallback = try store.current()
            let current = (try? global.resolvedContext().name) ?? fallback
            let sessions = (try? credentials.all()) ?? [:]
            var rows = [Row(name: ContextStore.local, entry: ContextCommand.localEntry(), current: current == ContextStore.local,
                session: sessions[ContextStore.local])]
            for (name, entry) in try store.all().sorted(by: { $0.key < $1.key }) {
                rows.append(Row(name: name, entry: entry, current: current == name, session: sessions[name]))
            }
            try Output.emit(rows, format: global.format, names: { rows.map(\.name) }) {
                Output.table(
                    ["NAME", "HOST", "LOGGED IN AS", "DESCRIPTION"],
                    rows.map { [($0.current ? "* " : "  ") + $0.name, $0.host, $0.loggedInAs ?? "-", $0.description ?? ""] })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a context (default: the one in use).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context (default: the one in use).", completion: NameCompletion.contexts) var name: String?

        func run() async throws {
            let directory = ConfigDirectory(override: global.configDir)
            let store = ContextStore(directory: directory)
            let inUse = try global.resolvedContext().name
            let name = name ?? inUse
            let entry: ContextEntry
            if name == ContextStore.local {
                entry = ContextCommand.localEntry()
            } else if let saved = try store.entry(name) {
                entry = saved
            } else if name.hasPrefix("host:") {
                entry = ContextEntry(host: String(name.dropFirst("host:".count)))
            } else {
                throw ClientError("There is no context named '\(name)'.", hint: "sitectl context list", exitCode: ClientError.Exit.usage)
            }
            let row = Row(name: name, entry: entry, current: name == inUse, session: try? CredentialStore(directory: directory).session(for: name))
            try Output.emit(row, format: global.format, names: { [name] }) {
                var fields: [[String]] = [["name", name], ["in use", row.current ? "yes" : "no"], ["host", entry.host]]
                if let value = entry.description { fields.append(["description", value]) }
                if let value = entry.remoteBin { fields.append(["remote bin", value]) }
                if let value = entry.remoteSocket { fields.append(["remote socket", value]) }
                for option in entry.sshOptions ?? [] { fields.append(["ssh option", option]) }
                if let value = entry.caCert { fields.append(["ca cert", value]) }
                fields.append(["logged in as", row.loggedInAs ?? "-"])
                Output.table(["FIELD", "VALUE"], fields)
            }
        }
    }

    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a context the current one.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context ('local' for this machine's daemon).", completion: NameCompletion.contexts) var name: String

        func run() async throws {
            let store = ContextStore(directory: ConfigDirectory(override: global.configDir))
            let known = try store.entry(name) != nil
            guard name == ContextStore.local || known else {
                throw ClientError("There is no context named '\(name)'.", hint: "sitectl context list", exitCode: ClientError.Exit.usage)
            }
            try store.setCurrent(name)
            if !global.quiet { Terminal.err("Now using context \(name).") }
            let env = ProcessInfo.processInfo.environment
            if let other = env["SITECTL_CONTEXT"], !other.isEmpty, other != name {
                Terminal.err("Warning: SITECTL_CONTEXT=\(other) is set in this shell and overrides it.")
            } else if let host = env["SITECTL_HOST"], !host.isEmpty {
                Terminal.err("Warning: SITECTL_HOST=\(host) is set in this shell and overrides it.")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a context's settings (a changed host logs it out).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context.", completion: NameCompletion.contexts) var name: String
        /// A new address comes as the global -H/--host option.
        var address: String? { global.host }
        @Option(help: "The sitectl program on the remote machine (empty: the default).") var remoteBin: String?
        @Option(help: "The daemon's socket on the remote machine (empty: the default).") var remoteSocket: String?
        @Option(name: .customLong("ssh-option"), help: "Replace the ssh options with these KEY=VALUE (repeatable).")
        var sshOptions: [String] = []
        @Flag(help: "Remove every ssh option.") var clearSshOptions = false
        @Option(help: "PEM file of the daemon's CA (empty: system trust).") var caCert: String?
        @Option(help: "A new description.") var description: String?

        func run() async throws {
            let directory = ConfigDirectory(override: global.configDir)
            let store = ContextStore(directory: directory)
            guard name != ContextStore.local else {
                throw ClientError("The built-in 'local' context cannot be changed.",
                    hint: "Create another: sitectl context create NAME --host unix:///path/to/sitectl.sock", exitCode: ClientError.Exit.usage)
            }
            guard var entry = try store.entry(name) else {
                throw ClientError("There is no context named '\(name)'.", hint: "sitectl context list", exitCode: ClientError.Exit.usage)
            }
            let oldHost = entry.host
            if let address { entry.host = address }
            if let remoteBin { entry.remoteBin = remoteBin.isEmpty ? nil : remoteBin }
            if let remoteSocket { entry.remoteSocket = remoteSocket.isEmpty ? nil : remoteSocket }
            if clearSshOptions { entry.sshOptions = nil }
            if !sshOptions.isEmpty { entry.sshOptions = sshOptions }
            if let caCert { entry.caCert = caCert.isEmpty ? nil : caCert }
            if let description { entry.description = description.isEmpty ? nil : description }
            entry = try ContextCommand.checked(entry)
            if entry.host != oldHost, let session = try? CredentialStore(directory: directory).session(for: name), !session.refreshToken.isEmpty,
               let client = try? global.clientFor(context: name) {
                // End the session on the old daemon (best effort) before forgetting it here.
                try? await client.logout()
            }
            try store.save(entry, as: name)
            if entry.host != oldHost {
                try CredentialStore(directory: directory).remove(context: name)
                if !global.quiet { Terminal.err("Context \(name) now points at \(entry.host); log in again: sitectl login --context \(name)") }
            } else if !global.quiet {
                Terminal.err("Context \(name) updated.")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a context and its saved session.", aliases: ["rm"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context.", completion: NameCompletion.contexts) var name: String

        func run() async throws {
            let directory = ConfigDirectory(override: global.configDir)
            let store = ContextStore(directory: directory)
            guard name != ContextStore.local else {
                throw ClientError("The built-in 'local' context cannot be removed.", exitCode: ClientError.Exit.usage)
            }
            guard try store.entry(name) != nil else {
                throw ClientError("There is no context named '\(name)'.", hint: "sitectl context list", exitCode: ClientError.Exit.usage)
            }
            guard try Terminal.confirm("Remove context \(name)?", options: global, command: "sitectl context remove \(name)") else {
                throw ClientError("Cancelled.", exitCode: ClientError.Exit.cancelled)
            }
            let wasCurrent = try store.current() == name
            // Ends the session on the daemon too when it can be reached; the local copy goes either way.
            if let session = try? CredentialStore(directory: directory).session(for: name), !session.refreshToken.isEmpty,
               let client = try? global.clientFor(context: name) {
                try? await client.logout()
            }
            try CredentialStore(directory: directory).remove(context: name)
            try store.remove(name)
            if !global.quiet {
                Terminal.err("Context \(name) removed.\(wasCurrent ? " Now using context local." : "")")
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a context's daemon answers: connection, version handshake and login.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The context (default: the one in use).", completion: NameCompletion.contexts) var name: String?

        struct Report: Encodable {
            var context: String
            var host: String
            var clientVersion: String
            var daemonVersion: String
            var api: String
            var loggedInAs: String?
            var seconds: Double
        }

        func run() async throws {
            let client = try name.map { try global.clientFor(context: $0) } ?? global.client()
            let started = Date()
            let status = try await client.status()
            var identity: String?
            if (try? client.credentials.session(for: client.contextName)) != nil || client.staticToken != nil {
                identity = (try? await client.me())?.email
            }
            let report = Report(
                context: client.contextName, host: client.endpoint.description, clientVersion: SitectlVersion.current,
                daemonVersion: status.version, api: status.apiAddress, loggedInAs: identity,
                seconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000)
            try Output.emit(report, format: global.format, names: { [client.contextName] }) {
                Terminal.out("Context \(client.contextName): \(client.endpoint) answers (\(Int(report.seconds * 1000)) ms).")
                Terminal.out("  client \(SitectlVersion.current), daemon \(status.version) (\(status.apiAddress))")
                Terminal.out("  " + (identity.map { "logged in as \($0)" } ?? "not logged in: sitectl login --context \(client.contextName)"))
            }
            if status.version != SitectlVersion.current {
                Terminal.err("Warning: the client (\(SitectlVersion.current)) and the daemon (\(status.version)) differ; upgrade the older one.")
            }
        }
    }
}

extension GlobalOptions {
    /// The client for a named context, whatever --context or the environment say.
    func clientFor(context name: String) throws -> APIClient {
        var options = self
        options.context = name
        options.host = nil
        return try options.client()
    }
}
