import Foundation
package import SiteCompiler

/// The backend `configuration` describes, ready to use; `environment` supplies the API key and the command's
/// allowed variables (the daemon's own by default). `hiddenPaths` (the daemon's data dir) are invisible inside a
/// command agent's sandbox.
///
/// Throws an ``AgentError`` (code `invalid_agent_configuration`) naming what is missing.
package func makeAgentBackend(
    _ configuration: AgentBackendConfiguration, themes: ThemeLibrary,
    environment: [String: String] = ProcessInfo.processInfo.environment, hiddenPaths: [String] = []
) throws -> any AgentBackend {
    let limits = configuration.effectiveLimits
    switch configuration.kind {
    case .embedded:
        return EmbeddedAgent(themes: themes)
    case .openai:
        guard let baseURL = configuration.baseURL, !baseURL.isEmpty else { throw invalid("openai needs base_url") }
        guard let model = configuration.model, !model.isEmpty else { throw invalid("openai needs model") }
        var apiKey: String?
        if let variable = configuration.apiKeyEnv {
            guard let key = environment[variable], !key.isEmpty else {
                throw AgentError(
                    code: "invalid_agent_configuration", message: "The API key variable $\(variable) is not set.",
                    hint: "export \(variable)=… before starting the daemon, or remove api_key_env for a local server.")
            }
            apiKey = key
        }
        let endpoint = OpenAIEndpoint(
            baseURL: baseURL, model: model, apiKey: apiKey, apiKeyVariable: configuration.apiKeyEnv,
            temperature: configuration.temperature ?? 0.2, stream: configuration.stream ?? true)
        return OpenAIAgent(endpoint: endpoint, limits: limits, themes: themes)
    case .command:
        var command: AgentCommand
        if let preset = configuration.preset {
            command = preset.command
        } else if let arguments = configuration.command, !arguments.isEmpty {
            command = AgentCommand(arguments: arguments)
        } else {
            throw invalid("command needs preset (codex, claude, aider) or command")
        }
        if let arguments = configuration.command, !arguments.isEmpty { command.arguments = arguments }
        if let input = configuration.promptInput { command.promptInput = input }
        let sandbox = CommandSandbox(
            mode: configuration.sandbox ?? .required, network: configuration.network ?? false,
            writablePaths: configuration.writablePaths ?? [], hiddenPaths: hiddenPaths)
        for name in configuration.env ?? [] where name.isEmpty || name.contains("=") {
            throw invalid("env names variables, not '\(name)'")
        }
        return CommandAgent(
            command: command, sandbox: sandbox, limits: limits, environment: environment,
            passedVariables: configuration.env ?? [])
    }
}

private func invalid(_ problem: String) -> AgentError {
    AgentError(
        code: "invalid_agent_configuration", message: "The agent configuration is incomplete: \(problem).",
        hint: "See docs/agents.md for the keys each kind needs.")
}
