import Foundation
import SiteCompiler

extension OpenAIAgent {
    /// One cheap non-streaming call without tools: clear, question, no change or unsupported.
    ///
    /// An answer that is not the expected JSON counts as clear: the run can still ask a question.
    package func triage(_ context: AgentContext) async throws -> Triage {
        var request = "Request: \(context.promptText)\n\nSource files: " + context.source.paths.joined(separator: ", ")
        if let yaml = context.source.text("site.yaml") { request += "\n\nsite.yaml:\n" + String(yaml.prefix(4000)) }
        let body = body([.system(AgentPrompt.triage), .user(request)], tools: false, stream: false, maxTokens: 400)
        let seconds = min(limits.timeoutSeconds, 120)
        let client = client
        let turn = try await withDeadline(
            seconds: seconds,
            error: { AgentError(code: "agent_timeout", message: "The model did not answer within \(Int(seconds)) seconds.") },
            { try await client.send(body, idPrefix: "triage") })
        return Self.verdict(from: turn.content)
    }

    /// Reads the verdict from the model's text (JSON, possibly inside a code fence or with prose around it).
    static func verdict(from text: String) -> Triage {
        let fallback = Triage.clear(summary: "I'll make the change you asked for.")
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end,
            let json = JSONValue.parse(String(text[start...end]))
        else { return fallback }
        switch json["verdict"]?.stringValue?.lowercased() {
        case "question":
            guard let question = json["question"]?.stringValue, !question.isEmpty else { return fallback }
            return .question(AgentQuestion(text: question, options: (json["options"]?.arrayValue ?? []).compactMap(\.stringValue)))
        case "unsupported":
            return .unsupported(json["reason"]?.stringValue ?? "This request cannot be done on a static site.")
        case "no_change", "nochange":
            return .noChange(json["reason"]?.stringValue ?? "Nothing needs to change.")
        case "clear":
            return .clear(summary: json["summary"]?.stringValue ?? "I'll make the change you asked for.")
        default:
            return fallback
        }
    }
}
