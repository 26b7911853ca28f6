import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, Low, item 3: registering an email that already has an account must not tell a stranger so.
@Suite struct AccountEnumerationTests {
    @Test func registeringAnExistingEmailLooksExactlyLikeANewAccount() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await daemon.user("ann@example.test", password: "correct horse battery")
        try await daemon.application().test(.router) { client in
            let existing = try await client.api(
                .post, Routes.register, body: Credentials(email: "Ann@Example.test", password: "attacker chosen words"))
            let fresh = try await client.api(
                .post, Routes.register, body: Credentials(email: "Zed@Example.test", password: "attacker chosen words"))
            #expect(existing.status == .created)
            #expect(existing.status == fresh.status)
            // Byte for byte the same answer, but for the email each one sent.
            #expect(existing.text.replacingOccurrences(of: "ann@", with: "zed@") == fresh.text)
            #expect(try existing.decode(User.self).id == 0)
            #expect(existing.headers[.contentType] == fresh.headers[.contentType])

            // The existing account is untouched: its own password still works, the one just sent does not.
            let own = try await client.api(.post, Routes.login, body: Credentials(email: "ann@example.test", password: "correct horse battery"))
            #expect(own.status == .ok)
            let sent = try await client.api(.post, Routes.login, body: Credentials(email: "ann@example.test", password: "attacker chosen words"))
            #expect(sent.status == .unauthorized)
            // And the new one was created.
            let zed = try await client.api(.post, Routes.login, body: Credentials(email: "zed@example.test", password: "attacker chosen words"))
            #expect(zed.status == .ok)
        }
        let rows = try await daemon.components.db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE email = 'ann@example.test'")
        }
        #expect(rows == 1)
    }
}
