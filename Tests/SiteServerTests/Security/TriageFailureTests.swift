import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
import SiteAgent
@testable import SiteServer
import Synchronization
import Testing

/// Issue 8, Low, item 4: a model error during triage ends the request `failed` with a safe reply and a 422, not a
/// 500 with the request stuck in `queued` forever.
@Suite struct TriageFailureTests {
    /// What a model server's error can look like: nothing of it may reach the user.
    static let modelError = AgentError(
        code: "model_server_error", message: "The model server reported an error: invalid key sk-live-SECRET at http://10.0.0.7:8000")

    static func failingAgent(questionsFirst: Int = 0) -> ScriptedAgent {
        let calls = Mutex(0)
        return ScriptedAgent(
            triage: { _ in
                let call = calls.withLock { count in
                    count += 1
                    return count
                }
                if call <= questionsFirst { return .question(AgentQuestion(text: "Which page?", options: ["Home", "About"])) }
                throw modelError
            },
            run: { _, _ in throw modelError })
    }

    static func expectTriageFailed(_ response: TestResponse, site: String) throws {
        #expect(response.status == .unprocessableContent)
        let error = try response.decode(APIErrorEnvelope.self).error
        #expect(error.code == "triage_failed")
        #expect(error.hint?.contains("sitectl chat \(site)") == true)
        #expect(!response.text.contains("SECRET") && !response.text.contains("10.0.0.7"))
    }

    @Test func aModelErrorDuringTriageFailsTheRequestInsteadOfLeavingItQueued() async throws {
        let daemon = try TestDaemon(agent: Self.failingAgent())
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            let chat = try await client.api(
                .post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to Acme"))
            try Self.expectTriageFailed(chat, site: "blog")

            let requests = try await client.api(.get, Routes.requests, token: token).decode(Page<BuildRequest>.self).items
            #expect(requests.map(\.state) == [.failed])
            #expect(requests.first?.reply?.contains("Nothing was changed") == true)
            #expect(requests.first?.reply?.contains("SECRET") == false)
            #expect(try await client.api(.get, Routes.jobs, token: token).decode(Page<Job>.self).items.isEmpty)
        }
        #expect(try await daemon.drainQueue().isEmpty)
    }

    @Test func aModelErrorAfterAnAnswerFailsTheRequestToo() async throws {
        let daemon = try TestDaemon(agent: Self.failingAgent(questionsFirst: 1))
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            let asked = try await client.api(
                .post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "add a contact link"))
            let request = try asked.decode(BuildRequest.self)
            #expect(request.state == .needsInput)
            let answered = try await client.api(.post, Routes.answer(request.id), token: token, body: AnswerRequest(answer: "Home"))
            try Self.expectTriageFailed(answered, site: "blog")
            let shown = try await client.api(.get, Routes.request(request.id), token: token).decode(BuildRequest.self)
            #expect(shown.state == .failed)
        }
    }
}
