/// Which agent backend a daemon (or, later, one site) uses and how it is set up; JSON/YAML with snake_case keys:
///
/// ```json
/// {"kind": "openai", "base_url": "http://localhost:11434/v1", "model": "qwen2.5-coder:7b",
///  "api_key_env": "OPENAI_API_KEY", "limits": {"timeout_seconds": 300, "max_steps": 30}}
/// {"kind": "command", "preset": "claude", "network": true, "writable_paths": ["/root/.claude"], "env": ["ANTHROPIC_API_KEY"]}
/// {"kind": "command", "command": ["my-agent", "--prompt", "{prompt}"], "sandbox": "off"}
/// ```
///
/// Every key but `kind` is optional; ``makeAgentBackend(_:themes:environment:hiddenPaths:)`` checks what each kind
/// needs. This is operator configuration only (see ``AgentProfiles``): it names commands, endpoints and secrets.
package struct AgentBackendConfiguration: Sendable, Equatable, Codable {
    /// The backend.
    package enum Kind: String, Sendable, Codable {
        /// The offline interpreter (the default).
        case embedded
        /// A tool loop over an OpenAI-compatible chat endpoint.
        case openai
        /// An external agent CLI.
        case command
    }

    /// The backend.
    package var kind: Kind
    /// openai: the endpoint (`http://host:port`, `…/v1` or the full `…/chat/completions` URL).
    package var baseURL: String?
    /// openai: the model name.
    package var model: String?
    /// openai: the environment variable holding the API key (the key itself is never stored here).
    package var apiKeyEnv: String?
    /// openai: sampling temperature.
    package var temperature: Double?
    /// openai: set false for servers that cannot stream.
    package var stream: Bool?
    /// command: a preset (`codex`, `claude`, `aider`).
    package var preset: CommandPreset?
    /// command: the program and arguments (`{prompt}` marks the prompt); overrides the preset's.
    package var command: [String]?
    /// command: `argument` (default) or `stdin`.
    package var promptInput: AgentCommand.PromptInput?
    /// command: `required` (default: bubblewrap, and the run fails without it), `auto` (when installed) or `off`.
    package var sandbox: CommandSandbox.Mode?
    /// command: whether the sandboxed command may use the network (default false).
    package var network: Bool?
    /// command: extra folders the command may write (its own state, e.g. `~/.codex`).
    package var writablePaths: [String]?
    /// command: daemon environment variables passed to the command besides `PATH`, `HOME` and `LANG` (its API key).
    package var env: [String]?
    /// A line shown to accounts choosing among profiles (`sitectl agents list`).
    package var description: String?
    /// Shorthand for `limits.timeout_seconds` (wins over it when both are set).
    package var timeoutSeconds: Double?
    /// Limits per run; missing keys take the defaults.
    package var limits: AgentLimits?

    /// A configuration of `kind` with everything else unset.
    package init(kind: Kind) {
        self.kind = kind
    }

    /// The limits in force: ``limits`` (or the defaults) with ``timeoutSeconds`` applied.
    package var effectiveLimits: AgentLimits {
        var result = limits ?? AgentLimits()
        if let timeoutSeconds { result.timeoutSeconds = timeoutSeconds }
        return result
    }

    private enum CodingKeys: String, CodingKey {
        case kind, model, temperature, stream, preset, command, sandbox, network, limits, env, description
        case baseURL = "base_url"
        case apiKeyEnv = "api_key_env"
        case promptInput = "prompt_input"
        case writablePaths = "writable_paths"
        case timeoutSeconds = "timeout_seconds"
    }
}
