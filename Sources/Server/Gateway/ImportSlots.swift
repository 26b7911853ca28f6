/// Admits one site import at a time, each at most ``maxBytes``: an import's tree is decoded whole, so a burst of
/// imports must not multiply the daemon's memory (three 164 MB imports once took 1.66 GB).
package actor ImportSlots {
    /// The largest upload accepted, in bytes.
    package nonisolated let maxBytes: Int
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    package init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Runs `body` once no other import runs.
    package func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
