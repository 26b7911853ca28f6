import Foundation
import HTTPTypes

/// Runs bcrypt (tens of milliseconds of CPU each) on Dispatch threads, at most `threads` at once, so a wave of
/// logins never occupies the cooperative threads that serve sites and the API; past `maxWaiting` queued hashes
/// it answers 503 with `Retry-After` instead of queueing without end.
struct PasswordHashingPool: Sendable {
    private let semaphore: AsyncSemaphore

    init(threads: Int = 1, maxWaiting: Int = 64) {
        semaphore = AsyncSemaphore(permits: threads, maxWaiting: maxWaiting)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let result = try await semaphore.withPermit {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
            }
        }
        guard let result else {
            var error = ServerError(.serviceUnavailable, .busy, "The daemon is busy checking passwords; try again shortly.")
            error.retryAfter = 1
            throw error
        }
        return result
    }
}
