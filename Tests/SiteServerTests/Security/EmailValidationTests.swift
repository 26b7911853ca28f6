import Foundation
import HTTPTypes
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, Low, item 2: an account's email is one plausible address, nothing that could smuggle a second address,
/// a terminal escape or a bidi override into logs, the TUI or command hints.
@Suite struct EmailValidationTests {
    static let refused = [
        "ann@localhost",  // no dot in the domain
        "ann@example.",  // empty top-level label
        "ann@.example.test",  // empty first label
        "ann@example..test",  // empty label inside
        "ann@-example.test",  // hyphen at the start of a label
        "ann@example-.test",  // hyphen at the end of a label
        "ann@exa_mple.test",  // underscore in a label
        "ann@10.0.0.1",  // an IP address, not a domain
        "ann@example.test,bob@evil.test",  // two addresses
        "ann@example.test@evil.test",  // two @
        "ann<bob@evil.test>@example.test",  // RFC 5322 specials
        "\"ann\"@example.test",  // quoted local part
        "ann bob@example.test",  // inner space
        "ann\tbob@example.test",  // tab
        "ann\u{1B}[31m@example.test",  // terminal escape
        "ann\u{202E}tset.elpmaxe@example.test",  // right-to-left override
        "ann\u{200B}@example.test",  // zero-width space
        "ann@exam\u{200D}ple.test",  // zero-width joiner inside a label
        ".ann@example.test", "ann.@example.test", "an..n@example.test",  // dots out of place
        String(repeating: "a", count: 65) + "@example.test",  // local part over 64 bytes
        "ann@" + String(repeating: "a", count: 64) + ".test",  // label over 63 bytes
        String(repeating: "ü", count: 60) + "@" + String(repeating: "ä", count: 60) + "." + String(repeating: "ö", count: 20),
        // (140 characters, 280 bytes: over 254 bytes)
    ]

    @Test func addressesThatAreNotOnePlausibleMailboxAreRefused() async throws {
        for address in Self.refused {
            #expect(!EmailAddress.isPlausible(address), "\(address.debugDescription)")
        }
        let daemon = try TestDaemon()
        try await daemon.application().test(.router) { client in
            for address in ["ann@localhost", "ann\u{1B}[31m@example.test", "ann@example.test,bob@evil.test"] {
                let response = try await client.api(
                    .post, Routes.register, body: Credentials(email: address, password: "velvet otter climbs slowly"))
                #expect(response.status == .badRequest, "\(address.debugDescription)")
                // The escape is not echoed back to the terminal.
                #expect(!response.text.contains("\u{1B}") && !response.text.contains("\\u001b"))
            }
        }
        for address in ["ann+sites@mail.example.co.uk", "o'brien@example.test", "jörg@bücher.example", "ann@xn--bcher-kva.example",
            "a@b.test", "first.last@sub-domain.example.test"]
        {
            #expect(EmailAddress.isPlausible(address), "\(address)")
        }
    }
}
