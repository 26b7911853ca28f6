package import Foundation
import HTTPTypes

/// Keeps the data dir private to the daemon's user: it holds the database (accounts, token hashes), the password
/// pepper, the operator's agent profiles, logs and every site's sources.
///
/// New files are private already (`daemon start --foreground` sets umask 077; the pepper and logs are created 0600),
/// but a data dir made by hand, by an older version, or as the intermediate folder of `logs/` keeps the mode it was
/// made with, so every start tightens the known paths again. Symbolic links are left alone: `chmod` would follow them
/// out of the data dir.
package enum DataDirectoryPermissions {
    /// Relative to the data dir; "" is the data dir itself.
    static let directories = ["", "logs", "blobs", "work", "tls"]
    static let files = ["sitectl.db", "sitectl.db-wal", "sitectl.db-shm", "sitectl.db-journal", "secret.key", "agents.yaml"]

    /// Sets the data dir and its folders to 0700 and its files (and everything in `logs/`) to 0600.
    package static func restrict(_ dataDirectory: URL) throws {
        for name in directories {
            try restrict(dataDirectory.appendingPathComponent(name).path, to: 0o700, type: S_IFDIR)
        }
        for name in files {
            try restrict(dataDirectory.appendingPathComponent(name).path, to: 0o600, type: S_IFREG)
        }
        let logs = dataDirectory.appendingPathComponent("logs")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? [] {
            try restrict(logs.appendingPathComponent(name).path, to: 0o600, type: S_IFREG)
        }
        for (path, mode, type) in tlsPaths(dataDirectory) { try restrict(path, to: mode, type: type) }
    }

    /// Certificates and private keys in `tls/` and `tls/acme/*/`: files 0600, folders 0700 (links are left alone).
    static func tlsPaths(_ dataDirectory: URL) -> [(String, mode_t, mode_t)] {
        let fm = FileManager.default
        let tls = dataDirectory.appendingPathComponent("tls")
        var paths: [(String, mode_t, mode_t)] = []
        for name in (try? fm.contentsOfDirectory(atPath: tls.path)) ?? [] where name != "acme" {
            paths.append((tls.appendingPathComponent(name).path, 0o600, S_IFREG))
        }
        let acme = tls.appendingPathComponent("acme")
        paths.append((acme.path, 0o700, S_IFDIR))
        for name in (try? fm.contentsOfDirectory(atPath: acme.path)) ?? [] {
            let path = acme.appendingPathComponent(name).path
            paths.append((path, 0o600, S_IFREG))
            paths.append((path, 0o700, S_IFDIR))
            for file in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
                paths.append((path + "/" + file, 0o600, S_IFREG))
            }
        }
        return paths
    }

    /// The known paths whose mode is not the private one, as `path (mode 0755)`; `restrict` fixes them.
    package static func problems(_ dataDirectory: URL) -> [String] {
        var paths = directories.map { (dataDirectory.appendingPathComponent($0).path, mode_t(0o700), S_IFDIR) }
        paths += files.map { (dataDirectory.appendingPathComponent($0).path, mode_t(0o600), S_IFREG) }
        let logs = dataDirectory.appendingPathComponent("logs")
        paths += ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []).map { (logs.appendingPathComponent($0).path, mode_t(0o600), S_IFREG) }
        paths += tlsPaths(dataDirectory)
        return paths.compactMap { path, mode, type in
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == type, status.st_mode & 0o7777 != mode else { return nil }
            return "\(path) (mode \(String(status.st_mode & 0o7777, radix: 8)), should be \(String(mode, radix: 8)))"
        }
    }

    /// Changes `path`'s mode when it exists and is of `type`.
    private static func restrict(_ path: String, to mode: mode_t, type: mode_t) throws {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == type, status.st_mode & 0o7777 != mode else { return }
        guard chmod(path, mode) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ServerError(
                .internalServerError, .dataDirPermissions,
                "Cannot make \(path) private (mode \(String(mode, radix: 8))): \(reason).",
                hint: "Start the daemon as the user who owns the data dir, or chown it to that user.")
        }
    }
}
