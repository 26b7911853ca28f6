/// Admits one site import at a time, each at most ``maxBytes``: an import's tree is decoded whole, so a burst of
/// imports must not multiply the daemon's memory (three 164 MB imports once took 1.66 GB).
package struct ImportSlots: Sendable {
    /// The largest upload accepted, in bytes.
    package let maxBytes: Int
    private let semaphore = AsyncSemaphore(permits: 1)

    package init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Runs `body` once no other import runs.
    package func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        // No waiting limit: withPermit never refuses.
        guard let value = try await semaphore.withPermit(body) else { throw CancellationError() }
        return value
    }
}
