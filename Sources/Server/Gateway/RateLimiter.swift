package import Foundation
import Synchronization

/// A GCRA limiter (the generic cell rate algorithm, as in redis-cell and Stripe's limiter): per key, `burst`
/// requests at once and then one every `interval` seconds. One timestamp per key, no timers.
package final class RateLimiter: Sendable {
    /// Requests allowed at once.
    package let burst: Int
    /// Seconds between requests once the burst is spent.
    package let interval: TimeInterval
    /// Key → theoretical arrival time of the next request.
    private let table = Mutex<[String: Date]>([:])

    package init(burst: Int, interval: TimeInterval) {
        self.burst = max(1, burst)
        self.interval = interval
    }

    /// Records a request for `key` and returns nil, or refuses it and returns how long to wait (seconds).
    package func take(_ key: String, now: Date) -> TimeInterval? {
        table.withLock { table in
            let arrival = max(table[key] ?? now, now)
            let next = arrival.addingTimeInterval(interval)
            let allowedAt = next.addingTimeInterval(-interval * Double(burst))
            if now < allowedAt { return allowedAt.timeIntervalSince(now) }
            table[key] = next
            if table.count > 50_000 { table = table.filter { $0.value > now } }
            return nil
        }
    }
}

/// The daemon's limits on the routes an attacker would hammer (operator-configurable through
/// ``ServerConfiguration/rateLimits``).
package struct RateLimitSettings: Sendable, Equatable {
    /// Login, register, refresh and token requests per client address: burst, then one per interval.
    package var authPerClientBurst = 20
    package var authPerClientInterval: TimeInterval = 3
    /// Login attempts per account (email): burst, then one per interval.
    package var loginPerAccountBurst = 10
    package var loginPerAccountInterval: TimeInterval = 30

    package init() {}
}

/// The limiters of one daemon.
package struct RateLimits: Sendable {
    let authPerClient: RateLimiter
    let loginPerAccount: RateLimiter
    let now: @Sendable () -> Date

    package init(settings: RateLimitSettings, now: @escaping @Sendable () -> Date) {
        authPerClient = RateLimiter(burst: settings.authPerClientBurst, interval: settings.authPerClientInterval)
        loginPerAccount = RateLimiter(burst: settings.loginPerAccountBurst, interval: settings.loginPerAccountInterval)
        self.now = now
    }

    /// Throws a 429 when the client has made too many authentication requests.
    func checkClient(_ key: String) throws {
        if let wait = authPerClient.take(key, now: now()) {
            throw ServerError.rateLimited(retryAfter: wait, what: "sign-in requests from this address")
        }
    }

    /// Throws a 429 when the account has had too many login attempts.
    func checkAccount(_ email: String) throws {
        let key = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let wait = loginPerAccount.take(key, now: now()) {
            throw ServerError.rateLimited(retryAfter: wait, what: "login attempts for this account")
        }
    }
}
