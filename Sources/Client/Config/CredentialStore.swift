public import Foundation
import Yams

/// A context's saved session.
public struct StoredSession: Codable, Sendable, Equatable {
    public var email: String
    public var host: String
    public var accessToken: String
    public var accessExpiresAt: Date
    public var refreshToken: String
    public var refreshExpiresAt: Date

    enum CodingKeys: String, CodingKey {
        case email, host
        case accessToken = "access_token"
        case accessExpiresAt = "access_expires_at"
        case refreshToken = "refresh_token"
        case refreshExpiresAt = "refresh_expires_at"
    }

    public init(email: String, host: String, accessToken: String, accessExpiresAt: Date, refreshToken: String, refreshExpiresAt: Date) {
        self.email = email
        self.host = host
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshExpiresAt = refreshExpiresAt
    }
}

/// `credentials.yaml`: sessions by context name, written with mode 0600 and refused when others can read it.
public struct CredentialStore: Sendable {
    public let file: URL

    public init(directory: ConfigDirectory) { file = directory.credentialsFile }

    private struct Document: Codable { var contexts: [String: StoredSession] = [:] }

    private func read() throws -> Document {
        guard FileManager.default.fileExists(atPath: file.path) else { return Document() }
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw ClientError(
                "\(file.path) is readable by other users (mode \(String(mode, radix: 8))); refusing to use it.",
                hint: "chmod 600 \(file.path)", exitCode: ClientError.Exit.auth)
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Document() }
        do {
            return try YAMLDecoder().decode(Document.self, from: text)
        } catch {
            throw ClientError("\(file.path) is not valid.", hint: "Remove it and log in again: sitectl login", exitCode: ClientError.Exit.auth)
        }
    }

    private func write(_ document: Document) throws {
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let text = try YAMLEncoder().encode(document)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".credentials.\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ClientError("Cannot write \(file.path).")
        }
        if rename(temporary.path, file.path) != 0 { throw ClientError("Cannot write \(file.path).") }
    }

    public func session(for context: String) throws -> StoredSession? { try read().contexts[context] }

    public func save(_ session: StoredSession, for context: String) throws {
        var document = try read()
        document.contexts[context] = session
        try write(document)
    }

    public func remove(context: String) throws {
        var document = try read()
        document.contexts[context] = nil
        try write(document)
    }

    public func removeAll() throws { try write(Document()) }

    public func all() throws -> [String: StoredSession] { try read().contexts }

    /// An exclusive lock on `credentials.yaml.lock` beside the file (flock), waited for up to `timeout` seconds.
    func lock(timeout: Double = 15) async throws -> FileLock {
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = file.path + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ClientError("Cannot open \(path): \(String(cString: strerror(errno))).") }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(descriptor)
                throw ClientError(
                    "Another sitectl command has held \(path) for \(Int(timeout)) seconds.", hint: "Try again, or remove \(path).",
                    exitCode: ClientError.Exit.timeout)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return FileLock(descriptor: descriptor)
    }
}

/// A held flock; ``release()`` unlocks and closes it.
struct FileLock: Sendable {
    let descriptor: Int32

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
