package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// `flock(2)` on `lock` in a build cache folder: two builds sharing a cache (the same site into the same output)
/// run one after the other instead of mixing their records. The kernel drops the lock when the process ends, even
/// by `kill -9`.
package final class CacheLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock of `folder` (made if needed), calling `waiting` first when another build holds it. Nil when
    /// the lock file cannot be made (a read-only cache folder): the build then runs unlocked.
    package static func acquire(in folder: URL, waiting: () -> Void) -> CacheLock? {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        let descriptor = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    return nil
                }
            }
        }
        return CacheLock(descriptor: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
