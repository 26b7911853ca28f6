import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends chat-completion requests to one OpenAI-compatible endpoint and assembles the answer, streamed (SSE) or
/// not.
struct ChatCompletionsClient: Sendable {
    /// The full `…/chat/completions` URL.
    let url: String
    /// Sent as `Authorization: Bearer …` when set.
    let apiKey: String?
    /// What to tell the user when the server refuses the key.
    let authenticationHint: String?
    /// The HTTP client (shared; never shut down here).
    let http: HTTPClient
    /// Largest response body read, in bytes: a misbehaving server cannot fill memory.
    let maxResponseBytes = 32 * 1024 * 1024

    /// The `chat/completions` URL for a base URL given as `http://host:port`, `…/v1` or the full endpoint.
    static func endpoint(for baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/chat/completions") { return base }
        if base.hasSuffix("/v1") { return base + "/chat/completions" }
        return base + "/v1/chat/completions"
    }

    /// Posts `body` and assembles the answer. Text deltas are passed to `onText` as they arrive.
    func send(_ body: JSONValue, idPrefix: String, onText: (String) -> Void = { _ in }) async throws -> ChatTurn {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "text/event-stream, application/json")
        if let apiKey, !apiKey.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        request.body = .bytes(ByteBuffer(string: body.jsonText))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .hours(24))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AgentError(
                code: "model_server_unreachable", message: "The model server at \(url) could not be reached.",
                hint: "Check that it is running and that base_url is right.", cause: String(describing: error))
        }
        guard (200..<300).contains(response.status.code) else {
            throw try await failure(response)
        }
        let isStream = response.headers.first(name: "Content-Type")?.lowercased().contains("text/event-stream") ?? false
        var assembler = ChatTurnAssembler(idPrefix: idPrefix)
        var parser = ServerSentEventParser()
        var whole: [UInt8] = []
        var received = 0
        for try await buffer in response.body {
            received += buffer.readableBytes
            guard received <= maxResponseBytes else {
                throw AgentError(code: "model_response_too_large", message: "The model's answer exceeded \(maxResponseBytes) bytes.")
            }
            let bytes = buffer.readableBytesView
            if !isStream {
                whole.append(contentsOf: bytes)
                continue
            }
            for event in parser.feed(bytes) { try add(event, to: &assembler, onText: onText) }
        }
        if isStream {
            if let event = parser.finish() { try add(event, to: &assembler, onText: onText) }
        } else {
            try add(String(decoding: whole, as: UTF8.self), to: &assembler, onText: onText)
        }
        return assembler.turn()
    }

    private func add(_ event: String, to assembler: inout ChatTurnAssembler, onText: (String) -> Void) throws {
        let trimmed = event.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed != "[DONE]" else { return }
        guard let chunk = JSONValue.parse(trimmed) else {
            throw AgentError(
                code: "model_bad_response", message: "The model server sent something that is not JSON.",
                cause: String(trimmed.prefix(500)))
        }
        if let text = chunk["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue, !text.isEmpty { onText(text) }
        try assembler.add(chunk)
    }

    private func failure(_ response: HTTPClientResponse) async throws -> AgentError {
        var body = try await response.body.collect(upTo: 1024 * 1024)
        let text = body.readString(length: min(body.readableBytes, 64 * 1024)) ?? ""
        let detail = JSONValue.parse(text).flatMap { $0["error"]?["message"]?.stringValue ?? $0["error"]?.stringValue }
        let code = Int(response.status.code)
        let reason = detail ?? (text.isEmpty ? response.status.reasonPhrase : String(text.prefix(300)))
        let hint: String? =
            switch code {
            case 401, 403: authenticationHint
            case 404: "Check base_url and the model name."
            case 500...: "The model server failed; try again, or check its log."
            default: nil
            }
        return AgentError(
            code: "model_server_error", message: "The model server answered \(code): \(reason)", hint: hint,
            cause: String(text.prefix(2000)))
    }
}
