/// A counting semaphore for async code: `permits` holders at once, the rest wait in order, and past `maxWaiting`
/// waiters a new one is refused. Bounds compiles, imports and password hashing.
actor AsyncSemaphore {
    private var free: Int
    private let maxWaiting: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int, maxWaiting: Int = .max) {
        free = max(1, permits)
        self.maxWaiting = maxWaiting
    }

    /// Takes a permit, waiting for one if needed; false (nothing taken) when `maxWaiting` already wait.
    func acquire() async -> Bool {
        if free > 0 {
            free -= 1
            return true
        }
        guard waiting.count < maxWaiting else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Gives a permit back, to the longest waiter if there is one.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` holding a permit; nil when refused (see ``acquire()``).
    func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        guard await acquire() else { return nil }
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
