import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, item 9: password guessing and login floods get 429 with Retry-After, per client and per account.
@Suite struct RateLimitTests {
    @Test func fiftyWrongPasswordsGetA429WithRetryAfter() async throws {
        let daemon = try TestDaemon()
        _ = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<50 {
                let response = try await client.api(
                    .post, Routes.login, body: Credentials(email: "ann@example.test", password: "wrong password"))
                statuses.append(response.status)
                if response.status == .tooManyRequests {
                    retryAfter = response.headers[.retryAfter]
                    #expect(try response.decode(APIErrorEnvelope.self).error.code == "rate_limited")
                }
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized }, "\(statuses)")
            #expect(statuses.suffix(30).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
            // Even the right password waits now: the account is being guessed at.
            let right = try await client.api(.post, Routes.login, body: Credentials(email: "ann@example.test", password: "correct horse battery"))
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test func theAccountLimitIsPerAccountAndTheClientLimitPerAddress() {
        let clock = TestClock()
        var settings = RateLimitSettings()
        settings.authPerClientBurst = 3
        settings.loginPerAccountBurst = 2
        let limits = RateLimits(settings: settings, now: { clock.now })
        #expect(throws: Never.self) { try limits.checkAccount("a@x.test") }
        #expect(throws: Never.self) { try limits.checkAccount("A@x.test ") }
        #expect(throws: ServerError.self) { try limits.checkAccount("a@x.test") }
        #expect(throws: Never.self) { try limits.checkAccount("b@x.test") }
        for _ in 0..<3 { #expect(throws: Never.self) { try limits.checkClient("10.0.0.1") } }
        #expect(throws: ServerError.self) { try limits.checkClient("10.0.0.1") }
        #expect(throws: Never.self) { try limits.checkClient("10.0.0.2") }
        // After the interval one more request is allowed, not a whole burst.
        clock.advance(by: settings.authPerClientInterval)
        #expect(throws: Never.self) { try limits.checkClient("10.0.0.1") }
        #expect(throws: ServerError.self) { try limits.checkClient("10.0.0.1") }
    }

    @Test func registrationFloodsAreLimitedToo() async throws {
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            var limited = false
            for index in 0..<40 where !limited {
                let response = try await client.api(
                    .post, Routes.register, body: Credentials(email: "bot\(index)@example.test", password: "correct horse battery"))
                limited = response.status == .tooManyRequests
            }
            #expect(limited)
        }
    }
}
