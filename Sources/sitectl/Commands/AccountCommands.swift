import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

/// Reads the email and password for register/login: flags and stdin in scripts, prompts on a terminal.
struct CredentialInput: ParsableArguments {
    @Option(help: "Account email.")
    var email: String?

    @Flag(help: "Read the password from stdin (secrets never go in arguments).")
    var passwordStdin = false

    func resolve(global: GlobalOptions, confirm: Bool) throws -> (String, String) {
        guard let email = email ?? (global.canPrompt ? Terminal.ask("Email: ")?.trimmingCharacters(in: .whitespaces) : nil),
            !email.isEmpty
        else {
            throw ClientError("An email is required.", hint: "--email you@example.com", exitCode: ClientError.Exit.usage)
        }
        let password: String
        if passwordStdin {
            password = Terminal.readStdinSecret()
            guard !password.isEmpty else {
                throw ClientError("No password on stdin.",
                    hint: "printf '%s\\n' \"$PASSWORD\" | sitectl \(confirm ? "register" : "login") --email \(email) --password-stdin",
                    exitCode: ClientError.Exit.usage)
            }
        } else if global.canPrompt {
            password = Terminal.secret("Password: ") ?? ""
            if confirm, Terminal.secret("Repeat password: ") != password {
                throw ClientError("The passwords do not match.", exitCode: ClientError.Exit.usage)
            }
        } else {
            throw ClientError("No password given and no terminal to ask for one.",
                hint: "printf '%s\\n' \"$PASSWORD\" | sitectl \(confirm ? "register" : "login") --email \(email) --password-stdin",
                exitCode: ClientError.Exit.usage)
        }
        return (email, password)
    }
}

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Create an account on the daemon.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: CredentialInput

    func run() async throws {
        let (email, password) = try input.resolve(global: global, confirm: true)
        let user = try await global.client().register(email: email, password: password)
        try Output.emit(user, format: global.format, names: { [user.email] }) {
            // The daemon answers alike whether or not the email already had an account (it does not reveal which).
            Terminal.err("Registered \(user.email). Log in with: sitectl login --email \(user.email)")
            Terminal.err("(If this email already had an account, that account and its password are unchanged.)")
        }
    }
}

struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Log in and save the session for this context.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: CredentialInput

    @Flag(help: "Log in with an API token read from stdin (sitectl auth token create) instead of a password.")
    var tokenStdin = false

    func run() async throws {
        if tokenStdin {
            guard !input.passwordStdin, input.email == nil else {
                throw ClientError("--token-stdin cannot be used with --email or --password-stdin.", hint: "printf '%s\\n' \"$TOKEN\" | sitectl login --token-stdin",
                    exitCode: ClientError.Exit.usage)
            }
            let token = Terminal.readStdinSecret().trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else {
                throw ClientError("No token on stdin.", hint: "printf '%s\\n' \"$TOKEN\" | sitectl login --token-stdin", exitCode: ClientError.Exit.usage)
            }
            let client = try global.client()
            let user = try await client.login(apiToken: token)
            if !global.quiet { Terminal.err("Logged in as \(user.email) with an API token (context \(client.contextName), \(client.endpoint)).") }
            return
        }
        let (email, password) = try input.resolve(global: global, confirm: false)
        let client = try global.client()
        let pair = try await client.login(email: email, password: password)
        if !global.quiet { Terminal.err("Logged in as \(pair.user.email) (context \(client.contextName), \(client.endpoint)).") }
    }
}

struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "End the session of this context.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Forget the sessions of every context.")
    var all = false

    func run() async throws {
        let client = try global.client()
        if all {
            try await client.logout()
            try client.credentials.removeAll()
        } else {
            try await client.logout()
        }
        if !global.quiet { Terminal.err("Logged out.") }
    }
}

struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show the logged-in user, context and host.")

    @OptionGroup var global: GlobalOptions

    struct Identity: Encodable {
        var email: String
        var userId: Int64
        var context: String
        var host: String
        var accessExpiresAt: Date?
    }

    func run() async throws {
        let client = try global.client()
        let user = try await client.me()
        let session = try client.credentials.session(for: client.contextName)
        let identity = Identity(
            email: user.email, userId: user.id, context: client.contextName, host: client.endpoint.description,
            accessExpiresAt: session?.accessExpiresAt)
        try Output.emit(identity, format: global.format, names: { [user.email] }) {
            Terminal.out("\(user.email) (context \(client.contextName), \(client.endpoint))")
        }
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the sitectl version.")
    func run() { Terminal.out("sitectl \(SitectlVersion.current)") }
}
