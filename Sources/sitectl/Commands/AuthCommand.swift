import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

/// `sitectl auth …`: sessions across contexts and API tokens for CI.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth", abstract: "Sessions of every context, and API tokens for scripts and CI.",
        subcommands: [Status.self, Token.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show who is logged in on each context (saved sessions; no network).")

        @OptionGroup var global: GlobalOptions

        struct Row: Encodable {
            var context: String
            var host: String
            var email: String
            var kind: String
            var expiresAt: Date?
        }

        func run() async throws {
            let sessions = try CredentialStore(directory: ConfigDirectory(override: global.configDir)).all()
            let rows = sessions.sorted { $0.key < $1.key }.map { name, session in
                let isToken = session.refreshToken.isEmpty
                return Row(
                    context: name, host: session.host, email: session.email, kind: isToken ? "api token" : "session",
                    expiresAt: isToken ? nil : session.refreshExpiresAt)
            }
            try Output.emit(rows, format: global.format, names: { rows.map(\.context) }) {
                if rows.isEmpty {
                    Terminal.err("Not logged in on any context. Log in with: sitectl login")
                    return
                }
                Output.table(
                    ["CONTEXT", "HOST", "USER", "KIND", "EXPIRES"],
                    rows.map { [$0.context, $0.host, $0.email, $0.kind, $0.expiresAt.map(APIJSON.formatDate) ?? "-"] })
            }
            if let token = ProcessInfo.processInfo.environment["SITECTL_TOKEN"], !token.isEmpty {
                Terminal.err("SITECTL_TOKEN is set: commands use it instead of the saved sessions.")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "API tokens for CI: create, list, revoke (used through SITECTL_TOKEN or login --token-stdin).",
            subcommands: [Create.self, List.self, Revoke.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create an API token; its secret is printed once, on stdout.",
                discussion: """
                    Example (GitHub Actions secret):
                      sitectl auth token create --name deploy --expires 90d | gh secret set SITECTL_TOKEN
                    In the job: SITECTL_TOKEN=${{ secrets.SITECTL_TOKEN }} sitectl -H https://sites.example.com:7443 versions deploy blog@latest --yes
                    """)

            @OptionGroup var global: GlobalOptions
            @Option(help: "A name to recognise it by (1-64 characters).") var name = "ci"
            @Option(help: "How long it lasts: 30m, 12h, 30d, 365d, or 'never'.") var expires = "30d"

            func run() async throws {
                let seconds: Int?
                if expires == "never" || expires == "0" {
                    seconds = nil
                } else {
                    guard let value = DurationText.seconds(expires), value >= 60, value <= 3660 * 86400 else {
                        throw ClientError("--expires must be a duration from 1m to 3660d (30m, 12h, 90d) or 'never', not '\(expires)'.",
                            hint: "sitectl auth token create --expires 90d", exitCode: ClientError.Exit.usage)
                    }
                    seconds = Int(value)
                }
                let client = try global.client()
                let created = try await client.createToken(name: name, expiresInSeconds: seconds)
                switch global.format {
                case .json, .yaml:
                    try Output.emit(created, format: global.format) {}
                default:
                    Terminal.out(created.secret)
                    if !global.quiet {
                        let until = created.token.expiresAt.map { "expires \(APIJSON.formatDate($0))" } ?? "never expires"
                        Terminal.err("Token \(created.token.id) '\(created.token.name)' for \(client.contextName) (\(until)). It is shown only now.")
                        Terminal.err("Use it: SITECTL_TOKEN=… sitectl --host \(client.endpoint) …, or printf '%s\\n' \"$TOKEN\" | sitectl login --token-stdin")
                    }
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List your API tokens (never their secrets).", aliases: ["ls"])

            @OptionGroup var global: GlobalOptions

            func run() async throws {
                let tokens = try await global.client().tokens()
                try Output.emit(tokens, format: global.format, names: { tokens.map { String($0.id) } }) {
                    if tokens.isEmpty {
                        Terminal.err("No API tokens. Create one with: sitectl auth token create --name ci")
                        return
                    }
                    let now = Date()
                    Output.table(
                        ["ID", "NAME", "PREFIX", "CREATED", "EXPIRES", "LAST USED"],
                        tokens.map { token in
                            [
                                String(token.id), token.name, token.prefix + "…", APIJSON.formatDate(token.createdAt),
                                token.expiresAt.map { $0 <= now ? "expired" : APIJSON.formatDate($0) } ?? "never",
                                Output.time(token.lastUsedAt),
                            ]
                        })
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke an API token at once.")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The token's id (sitectl auth token list).") var id: String

            func run() async throws {
                guard let number = Int64(id), number > 0 else {
                    throw ClientError("'\(id)' is not a token id.", hint: "sitectl auth token list", exitCode: ClientError.Exit.usage)
                }
                let token = try await global.client().revokeToken(id: number)
                try Output.emit(token, format: global.format, names: { [String(token.id)] }) {
                    if !global.quiet { Terminal.err("Revoked token \(token.id) '\(token.name)'; it stops working now.") }
                }
            }
        }
    }
}
