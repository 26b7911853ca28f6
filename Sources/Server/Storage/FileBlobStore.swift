package import Foundation

/// Blobs as files under `root/ab/cdef…`, written to a temporary file, fsynced and renamed into place.
package struct FileBlobStore: BlobStore {
    package let root: URL

    package init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
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
        let folder = target.deletingLastPathComponent().path
        // Damage in the store's own layout (a prefix that is a file, a blob that is a folder) is moved aside, so
        // storing the bytes again repairs it.
        var info = stat()
        if lstat(folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { rename(folder, folder + ".damaged-\(UUID().uuidString)") }
        if mkdir(folder, 0o700) != 0, errno != EEXIST { throw BlobError.unwritable(path: folder, reason: Self.reason()) }
        if lstat(target.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            rename(target.path, folder + "/.damaged-\(UUID().uuidString)")
        }
        // Plain system calls, so a full or read-only disk is one line naming the path (ENOSPC, EROFS), not an
        // NSError dump; a failed write leaves no temporary file behind.
        let temporary = folder + "/.tmp-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw BlobError.unwritable(path: folder, reason: Self.reason()) }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.reason()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = Self.reason() }
        if close(descriptor) != 0, failure == nil { failure = Self.reason() }
        if failure == nil, rename(temporary, target.path) != 0 { failure = Self.reason() }
        if let failure {
            unlink(temporary)
            throw BlobError.unwritable(path: folder, reason: failure)
        }
        return digest
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    package func get(_ digest: String) throws -> Data {
        guard Digest.isValid(digest) else { throw BlobError.invalidDigest(digest) }
        let target = url(for: digest)
        guard let data = FileManager.default.contents(atPath: target.path) else { throw BlobError.missing(digest) }
        guard Digest.sha256Hex(data) == digest else { throw BlobError.corrupt(digest) }
        return data
    }

    package func localPath(_ digest: String) -> String? {
        Digest.isValid(digest) ? url(for: digest).path : nil
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
        if unlink(url(for: digest).path) != 0, errno != ENOENT { throw BlobError.unwritable(path: url(for: digest).path, reason: Self.reason()) }
    }
}
