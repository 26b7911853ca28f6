package import Foundation
package import SiteAgent
package import SiteCompiler
package import SiteAPI
import HTTPTypes

/// Picks the agent backend for a site among the operator's profiles: the one the site names
/// (`sitectl sites agent SITE --profile NAME`), otherwise the default.
///
/// Accounts only ever choose a profile by name; what a profile runs, with which sandbox, endpoint and secrets,
/// is the operator's configuration (``AgentProfiles``).
package struct AgentSelector: Sendable {
    /// The backend of every profile, built once at start-up.
    let backends: [String: any AgentBackend]
    /// The operator's profiles.
    package let profiles: AgentProfiles
    let themes: ThemeLibrary

    /// Builds every profile's backend; `hiddenPaths` are invisible inside command agents' sandboxes.
    package init(
        profiles: AgentProfiles, themes: ThemeLibrary, environment: [String: String] = ProcessInfo.processInfo.environment,
        hiddenPaths: [String] = []
    ) throws {
        var backends: [String: any AgentBackend] = [:]
        for (name, configuration) in profiles.profiles {
            do {
                backends[name] = try makeAgentBackend(configuration, themes: themes, environment: environment, hiddenPaths: hiddenPaths)
            } catch var error as AgentError {
                if profiles.profiles.count > 1 { error.message = "Agent profile '\(name)': " + error.message }
                throw error
            }
        }
        self.backends = backends
        self.profiles = profiles
        self.themes = themes
    }

    /// One backend as the only (default) profile; tests pass fakes this way.
    package init(daemonDefault: any AgentBackend, themes: ThemeLibrary) {
        backends = ["default": daemonDefault]
        profiles = AgentProfiles(single: AgentBackendConfiguration(kind: .embedded))
        self.themes = themes
    }

    /// The default profile's backend.
    package var daemonDefault: any AgentBackend { backends[profiles.defaultName] ?? EmbeddedAgent() }

    /// The backend of the site's profile; a profile the operator has since removed fails clearly.
    package func backend(for site: SiteRecord) throws -> any AgentBackend {
        guard let name = site.agentProfile else { return daemonDefault }
        guard let backend = backends[name] else {
            throw ServerError(
                .unprocessableContent, .unknownAgentProfile,
                "The site's agent profile '\(name)' is no longer offered by this daemon.",
                hint: "sitectl agents list; then sitectl sites agent \(site.name) --profile NAME (or --clear)")
        }
        return backend
    }

    /// Checks that `name` is one of the operator's profiles.
    package func requireProfile(_ name: String) throws {
        guard backends[name] != nil else {
            throw ServerError(
                .unprocessableContent, .unknownAgentProfile, "There is no agent profile named '\(name)'.",
                hint: "Choose one of: \(profiles.names.joined(separator: ", ")) (sitectl agents list)")
        }
    }

    /// What an account may know about the profiles: names, kinds, descriptions; never commands, URLs or keys.
    package func summaries() -> [AgentProfileInfo] {
        profiles.names.map { name in
            let configuration = profiles.profiles[name]
            return AgentProfileInfo(
                name: name, kind: configuration?.kind.rawValue ?? "embedded", description: configuration?.description,
                isDefault: name == profiles.defaultName)
        }
    }

    /// The theme's limit on how long an agent may run for this site (`agent_timeout_seconds` in theme.yaml).
    package func themeTimeout(for site: SiteRecord) -> Duration? {
        guard let seconds = (try? themes.load(site.theme))?.manifest.agentTimeoutSeconds else { return nil }
        return .milliseconds(Int(seconds * 1000))
    }
}
