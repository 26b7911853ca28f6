import ArgumentParser
import SiteAPI
import SiteClient

/// `sitectl agents`: the agent profiles the daemon's operator offers.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "List the agent profiles the daemon offers.",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the agent profiles (choose one with: sitectl sites agent SITE --profile NAME).", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let profiles = try await global.client().agentProfiles()
            try Output.emit(profiles, format: global.format, names: { profiles.map(\.name) }) {
                Output.table(
                    ["NAME", "KIND", "DEFAULT", "DESCRIPTION"],
                    profiles.map { [$0.name, $0.kind, $0.isDefault ? "yes" : "", $0.description ?? ""] })
            }
        }
    }
}
