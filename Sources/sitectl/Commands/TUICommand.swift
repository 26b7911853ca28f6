import ArgumentParser
import Foundation
import SiteAPI
import SiteClient
import SiteTUI

struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Full-screen terminal UI: dashboard, chat, versions, live logs.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Disable every key that changes something.") var readonly = false
    @Flag(help: "Do not enable mouse reporting.") var noMouse = false

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ClientError("sitectl tui needs a terminal.", hint: "Use the commands instead, e.g. sitectl sites list", exitCode: ClientError.Exit.usage)
        }
        let client = try global.client()
        _ = try await client.me()
        let options = TUIOptions(
            readonly: readonly, noColor: ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false,
            noMouse: noMouse, contextName: client.contextName, host: client.endpoint.description)
        try await runTUI(backend: ClientTUIBackend(client: client), options: options)
    }
}

/// The TUI's backend over the real API client.
struct ClientTUIBackend: TUIBackend {
    let client: APIClient

    func listSites() async throws -> [Site] { try await client.allSites() }
    func listVersions(site: String) async throws -> [Version] { try await client.versions(site: site) }
    func chat(site: String, message: String) async throws -> BuildRequest { try await client.chat(site: site, message: message) }
    func answer(requestID: Int64, answer: String) async throws -> BuildRequest { try await client.answer(requestID, answer: answer) }
    func request(id: Int64) async throws -> BuildRequest { try await client.request(id) }
    func deploy(site: String, version: Int) async throws -> PointerMove { try await client.deploy(site: site, ref: String(version)) }
    func rollback(site: String) async throws -> PointerMove { try await client.rollback(site: site) }
    func events() -> AsyncThrowingStream<EventStreamItem, any Error> { client.eventStream() }
}
