import ArgumentParser
import Foundation
import SiteClient

/// Output formats for `-o`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, wide, json, yaml, name
}

/// `--color`.
enum ColorMode: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

/// Options every command accepts, before or after the subcommand.
struct GlobalOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Context to use (SITECTL_CONTEXT).", completion: NameCompletion.contexts)
    var context: String?

    @Option(name: [.customShort("H"), .customLong("host")], help: "Daemon address: ssh://[user@]host[:port], https://host[:port], unix:///path or tcp://host:port (SITECTL_HOST); with context create/update, the context's address.")
    var host: String?

    @Option(name: .shortAndLong, help: "Output format: table, wide, json, yaml or name.")
    var output: OutputFormat?

    @Flag(name: .long, help: "Same as -o json.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print less.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more (repeatable).")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Answer yes to confirmations (needed without a terminal).")
    var yes = false

    @Flag(name: .customLong("no-input"), help: "Never prompt (also SITECTL_NO_INPUT=1 or CI=true).")
    var noInput = false

    @Option(name: .customLong("config-dir"), help: "Configuration folder (SITECTL_CONFIG_DIR).")
    var configDir: String?

    @Flag(name: .customLong("no-headers"), help: "Tables without their header line.")
    var noHeaders = false

    @Option(help: "Colour on stderr: auto (a terminal, NO_COLOR unset), always (also FORCE_COLOR) or never.")
    var color: ColorMode?

    var format: OutputFormat { json ? .json : output ?? .table }

    /// Prompts are allowed only on a terminal and when nobody said not to.
    var canPrompt: Bool {
        let env = ProcessInfo.processInfo.environment
        if noInput || env["SITECTL_NO_INPUT"].map({ !$0.isEmpty && $0 != "0" }) == true || env["CI"] == "true" { return false }
        return isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    func validate() throws {
        if context != nil && host != nil {
            throw ValidationError("--host and --context cannot be used together.")
        }
        // Every command parses these first: how tables and messages look for the rest of the run.
        Output.style = Output.Style(headers: !noHeaders, wide: format == .wide)
        Terminal.colorMode = color ?? .auto
    }

    /// The context or host this command talks to, by CLI.md's precedence: `--context` > `-H/--host` >
    /// `SITECTL_HOST` > `SITECTL_CONTEXT` > the current context (`local` unless `context use` chose another).
    func resolvedContext() throws -> (name: String, entry: ContextEntry?, endpoint: Endpoint) {
        let env = ProcessInfo.processInfo.environment
        func nonEmpty(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        let store = ContextStore(directory: ConfigDirectory(override: configDir))
        if context == nil, let host = host ?? nonEmpty("SITECTL_HOST") {
            let endpoint = try Endpoint(parsing: host)
            return ("host:\(endpoint)", nil, endpoint)
        }
        let name = try context ?? nonEmpty("SITECTL_CONTEXT") ?? store.current()
        if name == ContextStore.local {
            return (name, nil, .unix(path: Endpoint.defaultSocketPath()))
        }
        guard let entry = try store.entry(name) else {
            let known = (try? store.all().keys.sorted()) ?? []
            throw ClientError(
                "There is no context named '\(name)'.",
                hint: known.isEmpty
                    ? "Create one: sitectl context create \(name) --host ssh://user@host"
                    : "Known contexts: local, \(known.joined(separator: ", ")) (sitectl context list)",
                exitCode: ClientError.Exit.usage)
        }
        return (name, entry, try entry.endpoint())
    }

    /// The API client for the selected context or host.
    func client() throws -> APIClient {
        let env = ProcessInfo.processInfo.environment
        let directory = ConfigDirectory(override: configDir)
        let credentials = CredentialStore(directory: directory)
        let token = env["SITECTL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let token, !APIClient.isPlausibleToken(token) {
            throw ClientError("SITECTL_TOKEN holds characters a sitectl token never has (a line break or a space?); it was not sent.",
                hint: "Set it to the single line that sitectl auth token create printed", exitCode: ClientError.Exit.usage)
        }
        let (name, entry, endpoint) = try resolvedContext()
        return try APIClient(
            endpoint: endpoint, contextName: name, credentials: credentials, staticToken: token, caCertificate: entry?.caCert)
    }
}
