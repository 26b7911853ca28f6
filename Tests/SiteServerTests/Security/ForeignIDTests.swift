import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, Low, item 5: another account's request or job id is answered exactly like an id that does not exist,
/// so ids cannot be probed to learn what other accounts do.
@Suite struct ForeignIDTests {
    static let missing: Int64 = 999_999

    /// Each call on a request id, then on a job id.
    static func requestCalls(_ id: Int64) -> [(HTTPRequest.Method, String, AnswerRequest?)] {
        [(.get, Routes.request(id), nil), (.post, Routes.answer(id), AnswerRequest(answer: "Home")), (.post, Routes.cancelRequest(id), nil)]
    }

    static func jobCalls(_ id: Int64) -> [(HTTPRequest.Method, String, AnswerRequest?)] {
        [(.get, Routes.job(id), nil), (.get, Routes.jobLogs(id), nil), (.get, Routes.jobLogs(id) + "?follow=true", nil),
         (.post, Routes.cancelJob(id), nil)]
    }

    @Test func anotherAccountsRequestAndJobIdsLookLikeIdsThatDoNotExist() async throws {
        let daemon = try TestDaemon()
        let (_, ann) = try await daemon.user("ann@example.test")
        let (_, bob) = try await daemon.user("bob@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: ann, body: CreateSiteRequest(name: "blog"))
            let request = try await client.api(
                .post, Routes.siteRequests("blog"), token: ann, body: ChatRequest(message: "set the site title to Acme")
            ).decode(BuildRequest.self)
            let jobID = try #require(request.jobId)

            for (own, absent) in zip(Self.requestCalls(request.id) + Self.jobCalls(jobID),
                Self.requestCalls(Self.missing) + Self.jobCalls(Self.missing))
            {
                let foreign = try await client.api(own.0, own.1, token: bob, body: own.2)
                let none = try await client.api(absent.0, absent.1, token: bob, body: absent.2)
                #expect(foreign.status == .notFound, "\(own.0) \(own.1)")
                #expect(foreign.status == none.status, "\(own.0) \(own.1)")
                let foreignError = try foreign.decode(APIErrorEnvelope.self).error
                let noneError = try none.decode(APIErrorEnvelope.self).error
                // The same body but for the id itself.
                let id = own.1.hasPrefix(Routes.jobs) ? jobID : request.id
                #expect(foreignError.code == noneError.code)
                #expect(foreignError.hint == noneError.hint)
                #expect(foreignError.message.replacingOccurrences(of: " \(id).", with: " \(Self.missing).") == noneError.message)
            }
            // Nothing Bob sent touched Ann's request or job.
            let shown = try await client.api(.get, Routes.request(request.id), token: ann).decode(BuildRequest.self)
            #expect(shown.state == .queued)
            let job = try await client.api(.get, Routes.job(jobID), token: ann).decode(Job.self)
            #expect(job.state == .queued)
        }
    }
}
