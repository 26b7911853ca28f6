package import Foundation
import Synchronization

/// A ``BlobStore`` in memory, for tests.
package final class InMemoryBlobStore: BlobStore {
    private let blobs = Mutex<[String: Data]>([:])

    package init() {}

    @discardableResult
    package func put(_ data: Data) throws -> String {
        let digest = Digest.sha256Hex(data)
        blobs.withLock { $0[digest] = data }
        return digest
    }

    package func get(_ digest: String) throws -> Data {
        guard let data = blobs.withLock({ $0[digest] }) else { throw BlobError.missing(digest) }
        guard Digest.sha256Hex(data) == digest else { throw BlobError.corrupt(digest) }
        return data
    }

    package func contains(_ digest: String) -> Bool { blobs.withLock { $0[digest] != nil } }

    /// Test hook: replaces a blob's bytes without changing its key, to simulate corruption.
    package func corrupt(_ digest: String) {
        blobs.withLock { $0[digest] = Data("corrupted".utf8) }
    }
}
