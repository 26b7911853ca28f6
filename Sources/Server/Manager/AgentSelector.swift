package import Foundation
package import SiteAgent
package import SiteCompiler

/// Picks the agent backend for a site: its own configuration when it has one (`sitectl sites agent`), otherwise
/// the daemon's.
package struct AgentSelector: Sendable {
    package let daemonDefault: any AgentBackend
    let themes: ThemeLibrary

    package init(daemonDefault: any AgentBackend, themes: ThemeLibrary) {
        self.daemonDefault = daemonDefault
        self.themes = themes
    }

    /// Building a backend is cheap and holds nothing to close, so a site's override is built per use.
    package func backend(for site: SiteRecord) throws -> any AgentBackend {
        guard let stored = site.agentConfig else { return daemonDefault }
        return try makeAgentBackend(try Self.decode(stored), themes: themes)
    }

    /// The theme's limit on how long an agent may run for this site (`agent_timeout_seconds` in theme.yaml).
    package func themeTimeout(for site: SiteRecord) -> Duration? {
        guard let seconds = (try? themes.load(site.theme))?.manifest.agentTimeoutSeconds else { return nil }
        return .milliseconds(Int(seconds * 1000))
    }

    /// Parses a configuration (YAML or JSON) and checks that a backend can be built from it.
    package func validate(_ text: String) throws -> AgentBackendConfiguration {
        let configuration: AgentBackendConfiguration
        do {
            configuration = try AgentConfigurationText.decode(text)
        } catch {
            throw ServerError.badRequest(
                "The agent configuration is not valid: \(error)",
                hint: "kind: embedded | openai (base_url, model) | command (preset or command); see docs/agents.md")
        }
        do {
            _ = try makeAgentBackend(configuration, themes: themes)
        } catch let error as AgentError {
            throw ServerError.badRequest(error.message, hint: error.hint)
        }
        return configuration
    }

    static func decode(_ json: String) throws -> AgentBackendConfiguration {
        try JSONDecoder().decode(AgentBackendConfiguration.self, from: Data(json.utf8))
    }
}
