import Foundation
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, item 8 (server side): commands that race to refresh the same session do not trip reuse detection.
@Suite struct RefreshRaceTests {
    @Test func aRefreshTokenPresentedTwiceWithinTheGraceWindowKeepsTheSession() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await daemon.user("ann@example.test")
        let login = try await daemon.components.accounts.login(email: "ann@example.test", password: "correct horse battery")
        let accounts = daemon.components.accounts
        // Three commands present the same refresh token at once.
        let pairs = try await withThrowingTaskGroup(of: TokenPair.self) { group in
            for _ in 0..<3 { group.addTask { try await accounts.refresh(token: login.refreshToken) } }
            return try await group.reduce(into: [TokenPair]()) { $0.append($1) }
        }
        #expect(pairs.count == 3)
        for pair in pairs { #expect(try await accounts.authenticate(accessToken: pair.accessToken) != nil) }
        // Each new refresh token works on its own.
        _ = try await accounts.refresh(token: pairs[0].refreshToken)
    }

    @Test func aRefreshTokenReusedAfterTheGraceWindowStillRevokesTheSession() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await daemon.user("ann@example.test")
        let login = try await daemon.components.accounts.login(email: "ann@example.test", password: "correct horse battery")
        let fresh = try await daemon.components.accounts.refresh(token: login.refreshToken)
        clock.advance(by: AccountService.refreshGraceSeconds + 5)
        await #expect(throws: ServerError.self) { _ = try await daemon.components.accounts.refresh(token: login.refreshToken) }
        #expect(try await daemon.components.accounts.authenticate(accessToken: fresh.accessToken) == nil)
    }
}
