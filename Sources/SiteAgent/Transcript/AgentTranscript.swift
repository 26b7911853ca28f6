package import Foundation

/// What an agent was asked and what it did, kept with every version (`sitectl versions show SITE@N --transcript`).
///
/// Encoded as JSON (snake_case keys) for storage; ``rendered`` is the plain-text view.
package struct AgentTranscript: Sendable, Equatable, Codable {
    /// One step of the conversation or of the command's output.
    package struct Entry: Sendable, Equatable, Codable {
        /// What kind of step this is.
        package enum Kind: String, Sendable, Equatable, Codable {
            /// Instructions sent to the model.
            case system
            /// The request (and any earlier question and answer) as sent to the agent.
            case prompt
            /// Text the model wrote.
            case assistant
            /// A tool call: `name` is the tool, `text` its arguments as JSON.
            case toolCall = "tool_call"
            /// A tool's result as fed back to the model: `name` is the tool.
            case toolResult = "tool_result"
            /// A command's standard output.
            case stdout
            /// A command's standard error.
            case stderr
            /// A note by the backend itself (limits, exit status, the sandbox used).
            case note
        }

        /// What kind of step this is.
        package var kind: Kind
        /// The tool's name, for tool calls and results.
        package var name: String?
        /// The step's text.
        package var text: String

        /// An entry.
        package init(_ kind: Kind, name: String? = nil, _ text: String) {
            self.kind = kind
            self.name = name
            self.text = text
        }
    }

    /// The backend that ran (`embedded`, `openai`, `command`).
    package var backend: String
    /// The model or command that did the work, when known.
    package var model: String?
    /// The user's request as the agent saw it.
    package var prompt: String
    /// Every step, in order.
    package var entries: [Entry]
    /// Token usage summed over the run's model calls.
    package var usage: AgentTokenUsage
    /// The agent's final reply.
    package var summary: String?

    /// A transcript.
    package init(
        backend: String, model: String? = nil, prompt: String, entries: [Entry] = [], usage: AgentTokenUsage = .init(),
        summary: String? = nil
    ) {
        self.backend = backend
        self.model = model
        self.prompt = prompt
        self.entries = entries
        self.usage = usage
        self.summary = summary
    }

    /// Appends one entry.
    package mutating func append(_ kind: Entry.Kind, name: String? = nil, _ text: String) {
        entries.append(Entry(kind, name: name, text))
    }

    /// The transcript as plain text, one block per entry, for `versions show --transcript`.
    package var rendered: String {
        var lines = ["backend: \(backend)" + (model.map { " (\($0))" } ?? ""), "prompt: \(prompt)"]
        for entry in entries {
            let label = entry.name.map { "\(entry.kind.rawValue) \($0)" } ?? entry.kind.rawValue
            lines.append("[\(label)] \(entry.text)")
        }
        lines.append("usage: \(usage.promptTokens) prompt + \(usage.completionTokens) completion tokens")
        if let summary { lines.append("summary: \(summary)") }
        return lines.joined(separator: "\n")
    }

    /// JSON for storage with the version.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    private enum CodingKeys: String, CodingKey {
        case backend, model, prompt, entries, usage, summary
    }
}
