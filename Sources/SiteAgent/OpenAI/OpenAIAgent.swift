package import AsyncHTTPClient
package import SiteCompiler

/// An agent that drives a model over any OpenAI-compatible `/v1/chat/completions` endpoint (OpenAI, Ollama,
/// llama.cpp's server, vLLM) with our own tool loop over an in-memory copy of the site.
///
/// The model edits files and applies the interpreter's typed site edits through tools; the loop enforces limits on
/// steps, tokens, wall time and bytes written, and records a transcript. The worker still diffs and checks the
/// result: the tools only make refusals clearer to the model.
package struct OpenAIAgent: AgentBackend {
    /// The endpoint and model.
    package let endpoint: OpenAIEndpoint
    /// Limits per run.
    package let limits: AgentLimits
    let compiler: SiteCompiler
    let client: ChatCompletionsClient

    /// An agent over `endpoint`, compiling with `themes`. `http` defaults to the process-wide shared client.
    package init(endpoint: OpenAIEndpoint, limits: AgentLimits = AgentLimits(), themes: ThemeLibrary, http: HTTPClient = .shared) {
        self.endpoint = endpoint
        self.limits = limits
        self.compiler = SiteCompiler(themes: themes)
        let hint = endpoint.apiKeyVariable.map { "Check the API key in $\($0)." } ?? "Set api_key_env in the agent configuration."
        self.client = ChatCompletionsClient(
            url: ChatCompletionsClient.endpoint(for: endpoint.baseURL), apiKey: endpoint.apiKey, authenticationHint: hint,
            http: http)
    }

    /// Runs the tool loop and returns only the outcome (see ``runWithTranscript(_:log:)``).
    package func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome {
        try await runWithTranscript(context, log: log).outcome
    }

    /// Runs the tool loop within the time limit.
    package func runWithTranscript(
        _ context: AgentContext, log: @escaping @Sendable (String) -> Void
    ) async throws -> AgentRunResult {
        let seconds = limits.timeoutSeconds
        return try await withDeadline(
            seconds: seconds,
            error: {
                AgentError(
                    code: "agent_timeout", message: "The model did not finish within \(Int(seconds)) seconds.",
                    hint: "Raise limits.timeout_seconds, or ask for a smaller change.")
            },
            { try await ToolLoop(agent: self, context: context, log: log).run() })
    }

    /// The request body for `messages`.
    func body(_ messages: [ChatMessage], tools: Bool, stream: Bool, maxTokens: Int) -> JSONValue {
        var object: [String: JSONValue] = [
            "model": .string(endpoint.model),
            "messages": .array(messages.map(\.json)),
            "stream": .bool(stream),
            "max_tokens": .number(Double(maxTokens)),
        ]
        // No `tool_choice`: vLLM refuses "auto" unless started with a tool parser, and "auto" is the default.
        if tools { object["tools"] = .array(AgentTool.allCases.map(\.definition)) }
        if stream { object["stream_options"] = .object(["include_usage": .bool(true)]) }
        if let temperature = endpoint.temperature { object["temperature"] = .number(temperature) }
        return .object(object)
    }
}
