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
        if FileManager.default.fileExists(atPath: target.path) {
            // A file whose bytes no longer match its name (a flipped bit, a torn write) is replaced, not trusted.
            if let existing = FileManager.default.contents(atPath: target.path), existing.count == data.count,
                Digest.sha256Hex(existing) == digest
            {
                // Renewed, so the collector's grace period protects blobs a job is about to reference again.
                utimes(target.path, nil)
                return digest
            }
        }
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

    /// Removes `.tmp-*` files a crash left between writing and renaming; returns how many. Only safe while no put
    /// runs, that is at start-up under the data dir's lock.
    @discardableResult
    package func removeLeftoverTemporaries() -> Int {
        let fm = FileManager.default
        var removed = 0
        for prefix in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where prefix.count == 2 {
            let folder = root.appendingPathComponent(prefix)
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".tmp-") {
                if (try? fm.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
            }
        }
        return removed
    }

    package func contains(_ digest: String) -> Bool {
        Digest.isValid(digest) && FileManager.default.fileExists(atPath: url(for: digest).path)
    }

    package func inventory() throws -> [(digest: String, lastPut: Date, size: Int64)] {
        let fm = FileManager.default
        var result: [(digest: String, lastPut: Date, size: Int64)] = []
        for prefix in try fm.contentsOfDirectory(atPath: root.path) where prefix.count == 2 {
            let folder = root.appendingPathComponent(prefix).path
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
                let digest = prefix + name
                guard Digest.isValid(digest) else { continue }
                var info = stat()
                guard stat(folder + "/" + name, &info) == 0 else { continue }
                let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
                result.append((digest, modified, Int64(info.st_size)))
            }
        }
        return result
    }

    package func remove(_ digest: String) throws {
        guard Digest.isValid(digest) else { throw BlobError.invalidDigest(digest) }
        if unlink(url(for: digest).path) != 0, errno != ENOENT { throw CocoaError(.fileWriteUnknown) }
    }
}
