import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Found by the attack run: `alice@…\u{0}x` logged in as alice with a rate limit of its own; and passwords of
/// eight spaces, one repeated letter or the account's own email were accepted.
@Suite struct LoginVariantTests {
    @Test func aControlCharacterSuffixOnTheEmailNeitherLogsInNorEscapesTheAccountLimit() async throws {
        let daemon = try TestDaemon()
        _ = try await daemon.user("alice@example.test", password: "quiet meadow lantern")
        try await daemon.application().test(.router) { client in
            let sneaky = try await client.api(
                .post, Routes.login, body: Credentials(email: "alice@example.test\u{0}r", password: "quiet meadow lantern"))
            #expect(sneaky.status == .unauthorized)
        }
    }

    @Test func repetitiveAndEmailPasswordsAreRefused() async throws {
        let daemon = try TestDaemon()
        for password in ["        ", "aaaaaaaa", "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}", "CarolAnn@example.test", "my carolann password"] {
            let error = await #expect(throws: ServerError.self) {
                _ = try await daemon.components.accounts.register(email: "carolann@example.test", password: password)
            }
            #expect(error?.code == .weakPassword, "\(password.debugDescription)")
        }
        _ = try await daemon.components.accounts.register(email: "carolann@example.test", password: "quiet meadow lantern")
    }
}
