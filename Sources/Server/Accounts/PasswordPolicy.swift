import Foundation
import HTTPTypes

/// Which passwords an account may choose, after NIST SP 800-63B §5.1.1.2: long enough, not absurdly long, not one
/// attackers try first. No composition rules (a digit, a capital, a symbol): they make passwords harder to remember,
/// not harder to guess.
enum PasswordPolicy {
    /// Counted in Unicode code points after NFKC normalisation, as NIST asks: a password in Devanagari or with
    /// accents counts its characters, not its bytes, and `é` counts once however it was typed.
    static let minimumCharacters = 8
    /// In UTF-8 bytes; it bounds the work of hashing (the password is pre-hashed, so bcrypt's 72 bytes do not apply).
    static let maximumBytes = 1024

    /// Why `password` is refused, or nil when it may be used.
    static func problem(with password: String, email: String = "") -> ServerError? {
        let normalised = password.precomposedStringWithCompatibilityMapping
        guard normalised.unicodeScalars.count >= minimumCharacters else {
            return ServerError(.badRequest, .weakPassword, "Passwords must be at least \(minimumCharacters) characters long.",
                hint: passphraseHint)
        }
        guard password.utf8.count <= maximumBytes else {
            return ServerError(.badRequest, .badRequest, "Passwords are limited to \(maximumBytes) bytes.")
        }
        // Case, full-width forms and surrounding spaces do not make a listed password any less guessable.
        let folded = normalised.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        // Repetitive or context-specific passwords (NIST names both): one repeated character, only spaces or
        // control characters, the account's own email or its local part.
        let scalars = Array(folded.unicodeScalars)
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if Set(scalars).count <= 1 || scalars.allSatisfy({ $0.properties.isWhitespace || $0.value < 0x20 })
            || normalised.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            || (!email.isEmpty && (folded == email.lowercased() || (local.count >= 5 && folded.contains(local))))
        {
            return ServerError(.badRequest, .weakPassword,
                "This password is too easy to guess (a repeated character, control characters, or your email).", hint: passphraseHint)
        }
        if CommonPasswords.all.contains(folded) {
            return ServerError(.badRequest, .weakPassword,
                "This is a commonly used password, among the first an attacker tries.", hint: passphraseHint)
        }
        return nil
    }

    static let passphraseHint =
        "Use a passphrase of several unrelated words (for example four random words); no symbols or digits are needed."
}
