package import Foundation

/// Content-addressed storage: a blob's key is the SHA-256 of its bytes (lower-case hex).
///
/// `get` verifies the digest, so corruption is reported rather than used (the site server checks a blob once, as
/// it enters memory, and the scrub evicts what it finds damaged).
package protocol BlobStore: Sendable {
    /// Stores the bytes (a no-op when already present) and returns their digest.
    @discardableResult func put(_ data: Data) throws -> String
    /// Returns the bytes for a digest, verified; throws ``BlobError`` when missing or corrupt.
    func get(_ digest: String) throws -> Data
    func contains(_ digest: String) -> Bool
    /// Every stored blob with the time it was last put (a put of existing bytes renews it).
    func inventory() throws -> [(digest: String, lastPut: Date, size: Int64)]
    /// Deletes a blob; a missing one is not an error.
    func remove(_ digest: String) throws
    /// A local file holding the blob, when the store has one (large files are streamed from it).
    func localPath(_ digest: String) -> String?
}

extension BlobStore {
    package func localPath(_ digest: String) -> String? { nil }
}

/// Why a blob could not be read.
package enum BlobError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case corrupt(String)
    case invalidDigest(String)
    /// The store cannot write: a full or read-only disk, a permission (`reason` is strerror's text).
    case unwritable(path: String, reason: String)

    package var description: String {
        switch self {
        case .missing(let d): "blob \(d) is missing"
        case .corrupt(let d): "blob \(d) is corrupt (digest mismatch)"
        case .invalidDigest(let d): "\(d) is not a SHA-256 digest"
        case .unwritable(let path, let reason): "cannot write to \(path): \(reason)"
        }
    }
}
