import Foundation
import HTTPTypes

/// Runs bcrypt (tens of milliseconds of CPU each) on Dispatch threads, at most `threads` at once, so a wave of
/// logins never occupies the cooperative threads that serve sites and the API; past `maxWaiting` queued hashes
/// it answers 503 with `Retry-After` instead of queueing without end.
actor PasswordHashingPool {
    private let threads: Int
    private let maxWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(threads: Int = 1, maxWaiting: Int = 64) {
        self.threads = max(1, threads)
        self.maxWaiting = maxWaiting
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        if running >= threads {
            guard waiting.count < maxWaiting else {
                var error = ServerError(.serviceUnavailable, "busy", "The daemon is busy checking passwords; try again shortly.")
                error.retryAfter = 1
                throw error
            }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}
