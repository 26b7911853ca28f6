import Foundation
import SiteCompiler

/// One run of ``OpenAIAgent``: ask the model, execute its tool calls, feed the results back, until it answers
/// without a tool call, calls a tool that ends the run, or hits a limit.
struct ToolLoop {
    let agent: OpenAIAgent
    let context: AgentContext
    let log: @Sendable (String) -> Void

    func run() async throws -> AgentRunResult {
        let limits = agent.limits
        var transcript = AgentTranscript(backend: "openai", model: agent.endpoint.model, prompt: context.promptText)
        let system = AgentPrompt.system
        let user = AgentPrompt.request(context)
        var messages: [ChatMessage] = [.system(system), .user(user)]
        transcript.append(.system, system)
        transcript.append(.prompt, user)
        var workspace = ToolWorkspace(
            files: context.source, versions: context.versions.map(\.number), compiler: agent.compiler,
            maxBytesWritten: limits.maxBytesWritten)
        log("Asking \(agent.endpoint.model) (\(context.source.files.count) source files)")
        for step in 1...max(1, limits.maxSteps) {
            try Task.checkCancellation()
            let body = agent.body(
                messages, tools: true, stream: agent.endpoint.stream,
                maxTokens: min(limits.maxOutputTokens, max(1, limits.maxTokens - transcript.usage.totalTokens)))
            let turn = try await agent.client.send(body, idPrefix: "call_\(step)")
            if let usage = turn.usage {
                transcript.usage += usage
            } else {
                // The server reported nothing: estimate (4 bytes a token) so the token limit still holds.
                let generated = turn.content.utf8.count + turn.toolCalls.reduce(0) { $0 + $1.arguments.utf8.count }
                transcript.usage += AgentTokenUsage(promptTokens: body.jsonText.utf8.count / 4, completionTokens: generated / 4)
            }
            if !turn.content.isEmpty { transcript.append(.assistant, turn.content) }
            if turn.toolCalls.isEmpty {
                if turn.wasTruncated { transcript.append(.note, "The answer was cut off at the output token limit.") }
                return finish(workspace, reply: turn.content, transcript: transcript)
            }
            messages.append(ChatMessage(role: "assistant", content: turn.content, toolCalls: turn.toolCalls))
            for call in turn.toolCalls {
                transcript.append(.toolCall, name: call.name, call.arguments)
                let result = execute(call, in: &workspace)
                transcript.append(.toolResult, name: call.name, result)
                log("\(call.name): \(result.prefix { $0 != "\n" })")
                messages.append(ChatMessage(role: "tool", content: result, toolCallID: call.id))
            }
            if let ending = workspace.ending {
                return end(ending, workspace: workspace, transcript: transcript)
            }
            if transcript.usage.totalTokens >= limits.maxTokens {
                var error = AgentError(
                    code: "agent_token_limit",
                    message: "The model used \(transcript.usage.totalTokens) tokens; the limit is \(limits.maxTokens).",
                    hint: "Raise limits.max_tokens, or ask for a smaller change.")
                error.transcript = transcript
                throw error
            }
        }
        var error = AgentError(
            code: "agent_step_limit", message: "The model did not finish within \(limits.maxSteps) steps.",
            hint: "Raise limits.max_steps, or ask for a smaller change.")
        error.transcript = transcript
        throw error
    }

    /// Runs one call; errors (unknown tool, malformed JSON, a refused edit) become the result the model sees.
    private func execute(_ call: ChatToolCall, in workspace: inout ToolWorkspace) -> String {
        guard let tool = AgentTool(rawValue: call.name) else {
            return "Error: there is no tool '\(call.name)'. Tools: \(AgentTool.allCases.map(\.rawValue).joined(separator: ", "))."
        }
        var arguments = JSONValue.parse(call.arguments)
        // Some models double-encode: a JSON string holding the JSON object.
        if case .string(let inner)? = arguments, let object = JSONValue.parse(inner) { arguments = object }
        guard let arguments, case .object = arguments else {
            return "Error: the arguments are not a valid JSON object (\(call.arguments.prefix(200))). Call \(call.name) again with "
                + "the arguments as a JSON object."
        }
        do {
            return try workspace.perform(tool, arguments)
        } catch let failure as ToolFailure {
            return "Error: \(failure.message)"
        } catch {
            return "Error: \(error)"
        }
    }

    private func finish(_ workspace: ToolWorkspace, reply: String, transcript: AgentTranscript) -> AgentRunResult {
        var transcript = transcript
        let text = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome: AgentOutcome
        if workspace.files == context.source {
            outcome = .noChange(text.isEmpty ? "The model made no change." : text)
        } else {
            let summary = text.isEmpty ? workspace.steps.joined(separator: "; ") : text
            outcome = .changed(workspace.files, summary: summary, warnings: [])
        }
        transcript.summary = outcome.replyText
        log("Done: \(workspace.steps.count) change(s), \(transcript.usage.totalTokens) tokens")
        return AgentRunResult(outcome: outcome, transcript: transcript)
    }

    private func end(_ ending: ToolEnding, workspace: ToolWorkspace, transcript: AgentTranscript) -> AgentRunResult {
        var transcript = transcript
        let outcome: AgentOutcome =
            switch ending {
            case .question(let question): .question(question)
            case .unsupported(let reason): .unsupported(reason)
            case .revert(let version): .revert(toVersion: version, summary: "Went back to the source of version \(version).")
            }
        transcript.summary = outcome.replyText
        return AgentRunResult(outcome: outcome, transcript: transcript)
    }
}
