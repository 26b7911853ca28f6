import Foundation
import Yams

/// The operator's agent set-up: named backend profiles an account may pick for its sites, and the default.
///
/// Backends, commands, sandbox settings, writable paths, endpoints and the names of secret variables are the
/// operator's to choose (`daemon start --agent-config FILE`, or `agents.yaml` in the data dir); an account only
/// picks a profile by name. The file is either one backend (`kind: …`, the profile `default`) or:
///
/// ```yaml
/// default: local
/// profiles:
///   local: {kind: embedded}
///   fast: {kind: openai, base_url: "https://api.example.com/v1", model: small, api_key_env: EXAMPLE_KEY}
///   codex: {kind: command, preset: codex, network: true, env: [OPENAI_API_KEY], writable_paths: [/root/.codex]}
/// ```
package struct AgentProfiles: Sendable, Equatable {
    /// Backends by profile name.
    package private(set) var profiles: [String: AgentBackendConfiguration]
    /// The profile sites use when they name none.
    package private(set) var defaultName: String

    /// One backend, as the profile `default`.
    package init(single configuration: AgentBackendConfiguration) {
        profiles = ["default": configuration]
        defaultName = "default"
    }

    /// Named profiles; `defaultName` must be one of them and every name must be a valid profile name.
    package init(profiles: [String: AgentBackendConfiguration], defaultName: String) throws {
        guard !profiles.isEmpty else { throw Self.invalid("it defines no profiles", hint: "profiles: {local: {kind: embedded}}") }
        for name in profiles.keys where !Self.isValidName(name) {
            throw Self.invalid("'\(name)' is not a valid profile name", hint: "Use 1-32 lowercase letters, digits, '-' or '_'.")
        }
        guard profiles[defaultName] != nil else {
            throw Self.invalid(
                "the default profile '\(defaultName)' is not defined",
                hint: "Set default: to one of \(profiles.keys.sorted().joined(separator: ", ")).")
        }
        self.profiles = profiles
        self.defaultName = defaultName
    }

    /// The default profile's backend.
    package var defaultConfiguration: AgentBackendConfiguration { profiles[defaultName] ?? AgentBackendConfiguration(kind: .embedded) }

    /// Profile names in a stable order, the default first.
    package var names: [String] { [defaultName] + profiles.keys.filter { $0 != defaultName }.sorted() }

    /// Whether `name` can name a profile: 1–32 of `a-z 0-9 - _`, starting with a letter or digit.
    package static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...32).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Parses the operator's file (YAML, so JSON too): one backend, or `default:` plus `profiles:`.
    package static func parse(_ text: String) throws -> AgentProfiles {
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch let error as AgentError {
            throw error
        } catch {
            throw invalid("\(error)", hint: "kind: embedded | openai (base_url, model) | command (preset or command), or default: + profiles:; see docs/agents.md")
        }
        switch file {
        case .single(let configuration): return AgentProfiles(single: configuration)
        case .named(let profiles, let defaultName): return try AgentProfiles(profiles: profiles, defaultName: defaultName)
        }
    }

    private enum File: Decodable {
        case single(AgentBackendConfiguration)
        case named([String: AgentBackendConfiguration], defaultName: String)

        private enum Keys: String, CodingKey { case kind, profiles, `default` }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            if container.contains(.kind) {
                self = .single(try AgentBackendConfiguration(from: decoder))
                return
            }
            guard container.contains(.profiles) else {
                throw AgentProfiles.invalid(
                    "it has neither kind: (one backend) nor profiles: (named backends)",
                    hint: "kind: embedded, or default: local + profiles: {local: {kind: embedded}}; see docs/agents.md")
            }
            let profiles = try container.decode([String: AgentBackendConfiguration].self, forKey: .profiles)
            let defaultName = try container.decodeIfPresent(String.self, forKey: .default)
                ?? (profiles.count == 1 ? profiles.keys.first ?? "" : "default")
            self = .named(profiles, defaultName: defaultName)
        }
    }

    static func invalid(_ problem: String, hint: String) -> AgentError {
        AgentError(code: "invalid_agent_configuration", message: "The agent configuration is not valid: \(problem).", hint: hint)
    }
}
