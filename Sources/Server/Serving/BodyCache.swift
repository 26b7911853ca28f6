package import Foundation
package import NIOCore
import NIOPosix
import Synchronization

/// File bodies in memory, keyed by blob digest (so a file shared by versions and sites is held once), as
/// `ByteBuffer`s every response shares without copying; least recently used first out past `capacity` bytes.
/// Misses read the blob on NIO's thread pool, never on an event loop or the concurrency pool.
package final class BodyCache: Sendable {
    private struct Entry {
        var buffer: ByteBuffer
        var used: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    package let capacity: Int
    private let state = Mutex(State())

    package init(capacity: Int) { self.capacity = capacity }

    /// The bytes of `digest` if they are in memory (nil: the caller loads them).
    package func cached(_ digest: String) -> ByteBuffer? {
        state.withLock { state -> ByteBuffer? in
            state.clock &+= 1
            guard var entry = state.entries[digest] else { return nil }
            entry.used = state.clock
            state.entries[digest] = entry
            return entry.buffer
        }
    }

    /// The bytes of `digest`, from memory or read by `load` (then kept if they fit in a quarter of the capacity).
    package func body(_ digest: String, load: @escaping @Sendable () throws -> Data) async throws -> ByteBuffer {
        if let hit = state.withLock({ state -> ByteBuffer? in
            state.clock &+= 1
            guard var entry = state.entries[digest] else { return nil }
            entry.used = state.clock
            state.entries[digest] = entry
            return entry.buffer
        }) {
            return hit
        }
        let data = try await NIOThreadPool.singleton.runIfActive { try load() }
        let buffer = ByteBuffer(bytes: data)
        guard buffer.readableBytes <= capacity / 4 else { return buffer }
        state.withLock { state in
            if state.entries[digest] == nil {
                state.entries[digest] = Entry(buffer: buffer, used: state.clock)
                state.bytes += buffer.readableBytes
            }
            if state.bytes > capacity { evict(&state) }
        }
        return buffer
    }

    /// Forgets `digests` (found damaged on disk: the next request reads and checks them again).
    package func remove(_ digests: [String]) {
        state.withLock { state in
            for digest in digests {
                if let entry = state.entries.removeValue(forKey: digest) { state.bytes -= entry.buffer.readableBytes }
            }
        }
    }

    /// Drops the least recently used entries until the cache is at three quarters of its capacity.
    private func evict(_ state: inout State) {
        let target = capacity * 3 / 4
        for (digest, entry) in state.entries.sorted(by: { $0.value.used < $1.value.used }) {
            guard state.bytes > target else { break }
            state.entries[digest] = nil
            state.bytes -= entry.buffer.readableBytes
        }
    }
}
