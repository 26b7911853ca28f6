package import Foundation
package import Hummingbird
import HTTPTypes
import NIOCore
import SiteCompiler
import Synchronization

/// Site imports (`sites create --from`): the tar upload is streamed to a scratch file as it arrives and read back
/// mapped, so an import's size never becomes the daemon's memory (three 164 MB imports once took 1.66 GB).
///
/// Uploads are received side by side (each costs disk, not memory, up to ``maxBytes``; two per account at once);
/// reading them and compiling are queued. The older JSON body (base64 files) is decoded whole, so it is held to ``maxJSONBytes``.
package struct ImportSlots: Sendable {
    /// The largest tar upload accepted, in bytes.
    package let maxBytes: Int
    /// The largest JSON import body accepted, in bytes.
    package var maxJSONBytes: Int { min(maxBytes, 16 << 20) }
    /// Where uploads are spooled while they are read.
    package let scratch: URL
    private let semaphore = AsyncSemaphore(permits: 2)

    package init(maxBytes: Int, scratch: URL) {
        self.maxBytes = maxBytes
        self.scratch = scratch
    }

    /// Runs `body` once fewer than two other imports run.
    package func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        // No waiting limit: withPermit never refuses.
        guard let value = try await semaphore.withPermit(body) else { throw CancellationError() }
        return value
    }

    /// The answer to an upload over ``maxBytes``.
    private var tooLarge: ServerError {
        ServerError(
            .contentTooLarge, .tooLarge, "The import is larger than this daemon accepts (\(maxBytes >> 20) MB).",
            hint: "Leave large media out of the site folder, or ask the operator to raise --max-import-mb.")
    }

    /// Uploads in flight per account.
    private let inFlight = UploadCounts()
    /// Uploads one account may send at once.
    package static let uploadsPerAccount = 2
    /// How long one upload may take to arrive.
    package static let uploadDeadline: Duration = .seconds(600)

    /// Streams the request body into a new scratch file (mode 0600) and returns it: 413 once it passes
    /// ``maxBytes``, 429 when the account already sends ``uploadsPerAccount``, 408 past ``uploadDeadline``, 400 when
    /// the client stops before the end. The caller removes the file.
    package func spool(_ body: RequestBody, declaredLength: Int?, account: Int64, context: some RequestContext) async throws -> URL {
        // A Content-Length over the limit is refused before a byte is read.
        if let declaredLength, declaredLength > maxBytes { throw tooLarge }
        let admitted = inFlight.table.withLock { table -> Bool in
            guard table[account, default: 0] < Self.uploadsPerAccount else { return false }
            table[account, default: 0] += 1
            return true
        }
        guard admitted else {
            var error = ServerError(
                .tooManyRequests, .rateLimited, "You are already sending \(Self.uploadsPerAccount) imports; wait for one to finish.",
                hint: "Retry when an earlier sites create --from is done.")
            error.retryAfter = 10
            throw error
        }
        defer { inFlight.table.withLock { $0[account, default: 1] -= 1 } }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = scratch.appendingPathComponent("import-\(UUID().uuidString).tar")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ServerError(.internalServerError, .internal, "The daemon could not spool the upload.")
        }
        let limited = LimitedBody(body: body, limit: maxBytes)
        let timedOut = ServerError(
            .requestTimeout, .timeout, "The upload did not arrive within \(Self.uploadDeadline.components.seconds) seconds.",
            hint: "Send large media separately, or try again from a faster connection.")
        do {
            try await TimeLimit.run(Self.uploadDeadline, exceeded: timedOut) {
                try await FileIO().writeFile(contents: limited, path: file.path, context: context)
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            // The file system wraps the sequence's error, so the body says itself what went wrong.
            if limited.exceeded.load(ordering: .relaxed) { throw tooLarge }
            if let error = error as? ServerError { throw error }
            if limited.failed.load(ordering: .relaxed) {
                throw ServerError(
                    .badRequest, .badRequest, "The upload was cut short before the archive ended.",
                    hint: "Send it again: sitectl sites create NAME --from DIR", cause: String(describing: error))
            }
            throw ServerError(
                .init(code: 507, reasonPhrase: "Insufficient Storage"), .storageFailed, "The daemon could not write the upload to its disk.",
                hint: "Ask the operator to check free space in the data dir (sitectl daemon logs).", cause: String(describing: error))
        }
        return file
    }
}

/// A request body that throws ``TooLarge`` once more than `limit` bytes have arrived.
private final class LimitedBody: AsyncSequence, Sendable {
    struct TooLarge: Error {}
    typealias Element = ByteBuffer
    let body: RequestBody
    let limit: Int
    /// Set once the body went over `limit`.
    let exceeded = Atomic(false)
    /// Set when reading the body failed (the client went away or the stream ended early).
    let failed = Atomic(false)

    init(body: RequestBody, limit: Int) {
        self.body = body
        self.limit = limit
    }

    func makeAsyncIterator() -> Iterator { Iterator(base: body.makeAsyncIterator(), remaining: limit, owner: self) }

    struct Iterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        var remaining: Int
        let owner: LimitedBody

        mutating func next() async throws -> ByteBuffer? {
            let next: ByteBuffer?
            do {
                next = try await base.next()
            } catch {
                owner.failed.store(true, ordering: .relaxed)
                throw error
            }
            guard let buffer = next else { return nil }
            remaining -= buffer.readableBytes
            if remaining < 0 {
                owner.exceeded.store(true, ordering: .relaxed)
                throw TooLarge()
            }
            return buffer
        }
    }
}

/// Uploads in flight per account.
private final class UploadCounts: Sendable {
    let table = Mutex<[Int64: Int]>([:])
}
