package import Foundation
package import Hummingbird
import HTTPTypes
import NIOCore
import SiteCompiler
import Synchronization

/// Site imports (`sites create --from`): the tar upload is streamed to a scratch file as it arrives and read back
/// mapped, so an import's size never becomes the daemon's memory (three 164 MB imports once took 1.66 GB).
///
/// A few uploads are received at once (each costs disk, not memory, up to ``maxBytes``); compiles are queued by
/// the build pipeline. The older JSON body (base64 files) is decoded whole, so it is held to ``maxJSONBytes``.
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

    /// Streams the request body into a new scratch file (mode 0600) and returns it; 413 once it passes
    /// ``maxBytes``. The caller removes the file.
    package func spool(_ body: RequestBody, context: some RequestContext) async throws -> URL {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = scratch.appendingPathComponent("import-\(UUID().uuidString).tar")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ServerError(.internalServerError, "internal", "The daemon could not spool the upload.")
        }
        let limited = LimitedBody(body: body, limit: maxBytes)
        do {
            try await FileIO().writeFile(contents: limited, path: file.path, context: context)
        } catch {
            try? FileManager.default.removeItem(at: file)
            // The file system wraps the sequence's error, so the body says itself whether it went over.
            guard limited.exceeded.load(ordering: .relaxed) else { throw error }
            throw ServerError(
                .contentTooLarge, "too_large", "The import is larger than this daemon accepts (\(maxBytes >> 20) MB).",
                hint: "Leave large media out of the site folder, or ask the operator to raise --max-import-mb.")
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
            guard let buffer = try await base.next() else { return nil }
            remaining -= buffer.readableBytes
            if remaining < 0 {
                owner.exceeded.store(true, ordering: .relaxed)
                throw TooLarge()
            }
            return buffer
        }
    }
}
