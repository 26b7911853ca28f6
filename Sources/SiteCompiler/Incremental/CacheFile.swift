package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Reads the build cache's files: only a regular file is read (a FIFO, device or folder put in a cache file's
/// place reads as missing, where `FileManager.contents(atPath:)` would block on a FIFO forever).
package enum CacheFile {
    /// The bytes of the regular file at `path` (links followed), or nil.
    package static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count, let base = buffer.baseAddress {
                let count = posixRead(descriptor, base + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count == 0 }
                filled += count
            }
            return true
        }
        guard ok else { return nil }
        // A file that changed size while being read is taken as it was read; its digest decides.
        return filled < data.count ? data.prefix(filled) : data
    }
}

/// `read(2)`, named apart from ``CacheFile/read(_:)``.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
