/// Where an OpenAI-compatible chat endpoint is and how to call it.
package struct OpenAIEndpoint: Sendable, Equatable {
    /// `http://localhost:11434/v1`, `https://api.openai.com/v1`, or the full `…/chat/completions` URL.
    package var baseURL: String
    /// The model name the server knows.
    package var model: String
    /// The API key (already read from the environment), nil for local servers that need none.
    package var apiKey: String?
    /// The environment variable the key came from, named in hints (never the key itself).
    package var apiKeyVariable: String?
    /// Sampling temperature; nil leaves the server's default.
    package var temperature: Double?
    /// Whether to stream answers (SSE). Off only for servers that cannot.
    package var stream: Bool

    /// An endpoint.
    package init(
        baseURL: String, model: String, apiKey: String? = nil, apiKeyVariable: String? = nil, temperature: Double? = 0.2,
        stream: Bool = true
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.apiKeyVariable = apiKeyVariable
        self.temperature = temperature
        self.stream = stream
    }
}
