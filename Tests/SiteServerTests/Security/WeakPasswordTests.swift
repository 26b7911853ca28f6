import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, Low, item 1: passwords follow NIST SP 800-63B: at least 8 characters counted as Unicode code points, no
/// composition rules, and none of the passwords attackers try first.
@Suite struct WeakPasswordTests {
    @Test func commonPasswordsAreRefusedWhateverTheirCaseOrWidth() async throws {
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            for (index, password) in ["password1", "Password1", "QWERTYUIOP", "trustno1", "ｐａｓｓｗｏｒｄ１", "Welcome1"].enumerated() {
                let response = try await client.api(
                    .post, Routes.register, body: Credentials(email: "user\(index)@example.test", password: password))
                #expect(response.status == .badRequest, "\(password)")
                let error = try response.decode(APIErrorEnvelope.self).error
                #expect(error.code == "weak_password", "\(password)")
                #expect(error.message.contains("commonly used"), "\(error.message)")
                #expect(error.hint?.contains("passphrase") == true)
            }
            // Nothing was created: the same email registers with a good passphrase.
            let good = try await client.api(
                .post, Routes.register, body: Credentials(email: "user0@example.test", password: "velvet otter climbs slowly"))
            #expect(good.status == .created)
        }
    }

    @Test func eightDevanagariCodePointsAreLongEnough() async throws {
        let daemon = try TestDaemon()
        // Eight code points that Swift groups into four grapheme clusters.
        let hindi = "नमस्तेजी"
        #expect(hindi.unicodeScalars.count == 8 && hindi.count < 8)
        let user = try await daemon.components.accounts.register(email: "asha@example.test", password: hindi)
        #expect(user.email == "asha@example.test")
        _ = try await daemon.components.accounts.login(email: "asha@example.test", password: hindi)
        // An accent typed as a combining mark counts once: seven accented letters are still too few.
        let accented = String(repeating: "e\u{301}", count: 7)
        await #expect(throws: ServerError.self) {
            _ = try await daemon.components.accounts.register(email: "eve@example.test", password: accented)
        }
    }
}
