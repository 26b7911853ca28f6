package import Foundation
import Synchronization

/// A ``BlobStore`` in memory, for tests.
package final class InMemoryBlobStore: BlobStore {
    private let blobs = Mutex<[String: Data]>([:])
    private let putTimes = Mutex<[String: Date]>([:])

    package init() {}

    @discardableResult
    package func put(_ data: Data) throws -> String {
        let digest = Digest.sha256Hex(data)
        blobs.withLock { $0[digest] = data }
        putTimes.withLock { $0[digest] = Date() }
        return digest
    }

    package func get(_ digest: String) throws -> Data {
        guard let data = blobs.withLock({ $0[digest] }) else { throw BlobError.missing(digest) }
        guard Digest.sha256Hex(data) == digest else { throw BlobError.corrupt(digest) }
        return data
    }

    package func contains(_ digest: String) -> Bool { blobs.withLock { $0[digest] != nil } }

    package func inventory() throws -> [(digest: String, lastPut: Date, size: Int64)] {
        let times = putTimes.withLock { $0 }
        return blobs.withLock { blobs in
            blobs.map { ($0.key, times[$0.key] ?? .distantPast, Int64($0.value.count)) }
        }
    }

    package func remove(_ digest: String) throws {
        _ = blobs.withLock { $0.removeValue(forKey: digest) }
    }

    /// Test hook: replaces a blob's bytes without changing its key, to simulate corruption.
    package func corrupt(_ digest: String) {
        blobs.withLock { $0[digest] = Data("corrupted".utf8) }
    }
}
