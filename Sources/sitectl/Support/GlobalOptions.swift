import ArgumentParser
import Foundation
import SiteClient

/// Output formats for `-o`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, wide, json, yaml, name
}

/// Options every command accepts, before or after the subcommand.
struct GlobalOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Context to use (SITECTL_CONTEXT).")
    var context: String?

    @Option(name: [.customShort("H"), .customLong("host")], help: "Daemon address: unix:///path, tcp://host:port or https://host (SITECTL_HOST).")
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
    }

    /// The API client for the selected context or host.
    func client() throws -> APIClient {
        let env = ProcessInfo.processInfo.environment
        let directory = ConfigDirectory(override: configDir)
        let credentials = CredentialStore(directory: directory)
        let token = env["SITECTL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let host = host ?? (context == nil ? env["SITECTL_HOST"].flatMap { $0.isEmpty ? nil : $0 } : nil) {
            let endpoint = try Endpoint(parsing: host)
            return APIClient(endpoint: endpoint, contextName: "host:\(endpoint)", credentials: credentials, staticToken: token)
        }
        let name = context ?? env["SITECTL_CONTEXT"].flatMap { $0.isEmpty ? nil : $0 } ?? "local"
        guard name == "local" else {
            throw ClientError("There is no context named '\(name)'.", hint: "Use the built-in 'local' context or --host URL.",
                exitCode: ClientError.Exit.usage)
        }
        return APIClient(
            endpoint: .unix(path: Endpoint.defaultSocketPath()), contextName: name, credentials: credentials, staticToken: token)
    }
}
