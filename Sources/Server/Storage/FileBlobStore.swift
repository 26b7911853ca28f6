package import Foundation

/// Blobs as files under `root/ab/cdef…`, written to a temporary file, fsynced and renamed into place.
package struct FileBlobStore: BlobStore {
    package let root: URL

    package init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    private func url(for digest: String) -> URL {
        let prefix = String(digest.prefix(2))
        return root.appendingPathComponent(prefix).appendingPathComponent(String(digest.dropFirst(2)))
    }

    @discardableResult
    package func put(_ data: Data) throws -> String {
        let digest = Digest.sha256Hex(data)
        let target = url(for: digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".tmp-\(UUID().uuidString)")
        try data.write(to: temporary)
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        return digest
    }

    package func get(_ digest: String) throws -> Data {
        guard Digest.isValid(digest) else { throw BlobError.invalidDigest(digest) }
        let target = url(for: digest)
        guard let data = FileManager.default.contents(atPath: target.path) else { throw BlobError.missing(digest) }
        guard Digest.sha256Hex(data) == digest else { throw BlobError.corrupt(digest) }
        return data
    }

    package func contains(_ digest: String) -> Bool {
        Digest.isValid(digest) && FileManager.default.fileExists(atPath: url(for: digest).path)
    }
}
