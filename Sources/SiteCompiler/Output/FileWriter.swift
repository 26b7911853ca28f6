package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes whole files with plain `open`/`write`/`rename`: no `fsync` per file (Foundation's `Data.write` syncs,
/// which dominates writing thousands of small files). Build output and caches can be rebuilt, so durability across
/// a power cut is not worth a disk flush per page.
package enum FileWriter {
    /// Writes `data` to `path`, replacing the file; with `atomic`, via a temporary file renamed into place.
    package static func write(_ data: Data, to path: String, atomic: Bool = false) throws {
        let target = atomic ? path + ".tmp-\(getpid())" : path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var ok = writeAll(data, to: descriptor)
        if close(descriptor) != 0 { ok = false }
        guard ok else { throw failure(path) }
        if atomic, rename(target, path) != 0 {
            unlink(target)
            throw failure(path)
        }
    }

    /// Appends `data` to the file at `path` (created if needed) with one `write(2)` where the system allows.
    package static func append(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var ok = writeAll(data, to: descriptor)
        if close(descriptor) != 0 { ok = false }
        guard ok else { throw failure(path) }
    }

    /// Writes all of `data` to `descriptor` (retrying short writes and EINTR); false on an error.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = posixWrite(descriptor, base + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    private static func failure(_ path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
}

/// `write(2)`, named apart from ``FileWriter/write(_:to:atomic:)``.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}
