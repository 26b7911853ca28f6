import Crypto
package import Foundation

/// SHA-256 helpers shared by blob stores and token hashing.
package enum Digest {
    package static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    package static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

    /// True for 64 lower-case hex characters: the only keys a blob store accepts, so a key can never be a path.
    package static func isValid(_ digest: String) -> Bool {
        digest.utf8.count == 64 && digest.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
