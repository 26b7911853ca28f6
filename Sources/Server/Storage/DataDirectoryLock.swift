package import Foundation

/// An exclusive lock on a data dir, held for the daemon's life: a second daemon on the same data dir would requeue
/// the first one's running jobs and clear its site locks, so it must not start at all.
///
/// `flock(2)` on `DATA/daemon.lock`: the kernel drops it when the process dies (even by `kill -9`), so there is no
/// stale lock to clean up. The file holds the holder's PID and API address, for the refusal message.
package final class DataDirectoryLock: Sendable {
    /// Another process holds the lock.
    package struct Held: Error, CustomStringConvertible {
        package var path: String
        package var pid: Int32?
        package var address: String?
        package var description: String {
            "Another sitectl daemon (pid \(pid.map { String($0) } ?? "unknown")\(address.map { ", API \($0)" } ?? "")) is using the data dir \(path)."
        }
    }

    private let descriptor: Int32
    /// The data dir itself, locked too: deleting `daemon.lock` must not let a second daemon in.
    private let directoryDescriptor: Int32
    package let path: String

    /// Takes the lock and writes `pid` and `address` into the file; throws ``Held`` at once when another process has it.
    package init(dataDirectory: URL, address: String) throws {
        path = dataDirectory.appendingPathComponent("daemon.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        directoryDescriptor = open(dataDirectory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, directoryDescriptor < 0 || flock(directoryDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(of: path, dataDirectory: dataDirectory.path)
            close(descriptor)
            if directoryDescriptor >= 0 { close(directoryDescriptor) }
            throw holder
        }
        let record = "pid=\(getpid())\naddress=\(address)\n"
        _ = ftruncate(descriptor, 0)
        _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
        if directoryDescriptor >= 0 { close(directoryDescriptor) }
    }

    /// Throws ``Held`` when a live process holds the data dir's lock; returns at once otherwise (nothing is kept).
    package static func checkFree(dataDirectory: URL) throws {
        let path = dataDirectory.appendingPathComponent("daemon.lock").path
        let directory = open(dataDirectory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            defer { close(directory) }
            guard flock(directory, LOCK_SH | LOCK_NB) == 0 else { throw holder(of: path, dataDirectory: dataDirectory.path) }
            flock(directory, LOCK_UN)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { throw holder(of: path, dataDirectory: dataDirectory.path) }
        flock(descriptor, LOCK_UN)
    }

    private static func holder(of path: String, dataDirectory: String) -> Held {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return Held(path: dataDirectory, pid: fields["pid"].flatMap { Int32($0) }, address: fields["address"])
    }
}

/// A data dir the daemon must not start on, said with what to do.
package struct DataDirectoryProblem: Error, CustomStringConvertible {
    package var message: String
    package var hint: String
    package var description: String { message }

    /// The database file is missing or empty while the blob store holds blobs.
    package static func orphanedBlobs(databasePath: String, blobs: URL) -> DataDirectoryProblem? {
        var info = stat()
        let missing = stat(databasePath, &info) != 0 || info.st_size == 0
        guard missing else { return nil }
        let count = storedBlobCount(blobs, limit: 1000)
        guard count > 0 else { return nil }
        return DataDirectoryProblem(
            message: "The database \(databasePath) is missing or empty, but \(blobs.path) holds \(count >= 1000 ? "1000 or more" : String(count)) stored files: "
                + "starting would treat them all as unused and delete them.",
            hint: "Restore sitectl.db from a backup; or, to start with nothing, move \(blobs.path) away first.")
    }

    /// Blobs under `root` (stops counting at `limit`).
    package static func storedBlobCount(_ root: URL, limit: Int) -> Int {
        var count = 0
        for prefix in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where prefix.count == 2 {
            count += ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(prefix).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.count
            if count >= limit { return count }
        }
        return count
    }
}
