import HTTPTypes
import NIOCore
import Foundation
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

@Suite struct AccountTests {
    @Test func registerLoginAndMe() async throws {
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            let created = try await client.api(.post, Routes.register, body: Credentials(email: "Ann@Example.test", password: "correct horse battery"))
            #expect(created.status == .created)
            let login = try await client.api(.post, Routes.login, body: Credentials(email: "ann@example.test", password: "correct horse battery"))
            #expect(login.status == .ok)
            let pair = try login.decode(TokenPair.self)
            #expect(pair.user.email == "ann@example.test")
            #expect(pair.accessExpiresAt < pair.refreshExpiresAt)
            let me = try await client.api(.get, Routes.me, token: pair.accessToken)
            #expect(try me.decode(User.self).email == "ann@example.test")
        }
    }

    /// Duplicates are answered like new accounts: see `AccountEnumerationTests`.
    @Test func shortPasswordsAreRejected() async throws {
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            let short = try await client.api(.post, Routes.register, body: Credentials(email: "a@b.test", password: "1234567"))
            #expect(short.status == .badRequest)
            #expect(try short.decode(APIErrorEnvelope.self).error.code == "weak_password")
        }
    }

    @Test func wrongPasswordIsUnauthorizedWithoutSayingWhich() async throws {
        let daemon = try TestDaemon()
        _ = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            let wrong = try await client.api(.post, Routes.login, body: Credentials(email: "ann@example.test", password: "wrong password"))
            let unknown = try await client.api(.post, Routes.login, body: Credentials(email: "nobody@example.test", password: "wrong password"))
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.decode(APIErrorEnvelope.self).error.message == unknown.decode(APIErrorEnvelope.self).error.message)
        }
    }

    @Test func passwordsDifferingAfterByte72DoNotBothVerify() async throws {
        let daemon = try TestDaemon()
        let base = String(repeating: "x", count: 80)
        _ = try await daemon.components.accounts.register(email: "long@example.test", password: base + "A")
        await #expect(throws: ServerError.self) {
            _ = try await daemon.components.accounts.login(email: "long@example.test", password: base + "B")
        }
        _ = try await daemon.components.accounts.login(email: "long@example.test", password: base + "A")
    }

    @Test func refreshTokensRotateAndReuseRevokesTheSession() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await daemon.user("ann@example.test")
        let first = try await daemon.components.accounts.login(email: "ann@example.test", password: "correct horse battery")
        let second = try await daemon.components.accounts.refresh(token: first.refreshToken)
        #expect(second.refreshToken != first.refreshToken)
        // Presenting the rotated token again after the grace window looks like theft: the whole session ends.
        clock.advance(by: AccountService.refreshGraceSeconds + 1)
        await #expect(throws: ServerError.self) { _ = try await daemon.components.accounts.refresh(token: first.refreshToken) }
        await #expect(throws: ServerError.self) { _ = try await daemon.components.accounts.refresh(token: second.refreshToken) }
        #expect(try await daemon.components.accounts.authenticate(accessToken: second.accessToken) == nil)
    }

    @Test func expiredAccessTokensAreRefused() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        let (_, token) = try await daemon.user("ann@example.test")
        #expect(try await daemon.components.accounts.authenticate(accessToken: token) != nil)
        clock.advance(by: 16 * 60)
        #expect(try await daemon.components.accounts.authenticate(accessToken: token) == nil)
    }

    @Test func protectedRoutesNeedAToken() async throws {
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            let response = try await client.api(.get, Routes.sites)
            #expect(response.status == .unauthorized)
            let error = try response.decode(APIErrorEnvelope.self).error
            #expect(error.hint == "sitectl login")
        }
    }
}
