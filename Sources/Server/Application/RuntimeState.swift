package import Foundation
import Synchronization

/// What the running daemon knows about itself: bound addresses and readiness.
package final class RuntimeState: Sendable {
    private struct State {
        var apiAddress = ""
        var operatorAddress = ""
        var serveAddress = ""
        var serveTlsAddress: String?
        var apiReady = false
        var serveReady = false
        var recovered = false
    }

    private let state = Mutex(State())
    private let shutdown = Mutex<(@Sendable () -> Void)?>(nil)
    private let stopping = Mutex(false)
    private let restarting = Mutex(false)
    /// True when the stop under way was asked for as a restart (`sitectl daemon restart`).
    package var restartRequested: Bool { restarting.withLock { $0 } }

    /// A graceful stop after which the process starts itself again; false when nothing can stop it (tests).
    @discardableResult
    package func requestRestart() -> Bool {
        guard shutdown.withLock({ $0 }) != nil else { return false }
        restarting.withLock { $0 = true }
        return requestShutdown()
    }
    /// True once a stop was asked for (open log streams end).
    package var isStopping: Bool { stopping.withLock { $0 } }
    package func markStopping() { stopping.withLock { $0 = true } }
    package let startedAt = Date()

    /// What ``requestShutdown()`` does: set by `Daemon.run` to start the service group's graceful shutdown.
    package func onShutdownRequest(_ action: @escaping @Sendable () -> Void) { shutdown.withLock { $0 = action } }

    /// Starts a graceful shutdown (the operator's `sitectl daemon stop`); false when nothing can stop it (tests).
    @discardableResult
    package func requestShutdown() -> Bool {
        stopping.withLock { $0 = true }
        guard let action = shutdown.withLock({ $0 }) else { return false }
        action()
        return true
    }

    package init() {}

    package func apiBound(_ address: String) { state.withLock { $0.apiAddress = address; $0.apiReady = true } }
    package func operatorBound(_ address: String) { state.withLock { $0.operatorAddress = address } }
    package var operatorAddress: String { state.withLock { $0.operatorAddress } }
    package func serveBound(_ address: String) { state.withLock { $0.serveAddress = address; $0.serveReady = true } }
    package func serveTLSBound(_ address: String) { state.withLock { $0.serveTlsAddress = address } }
    package var serveTlsAddress: String? { state.withLock { $0.serveTlsAddress } }
    package func recoveryDone() { state.withLock { $0.recovered = true } }

    package var isReady: Bool { state.withLock { $0.apiReady && $0.serveReady && $0.recovered } }
    package var apiAddress: String { state.withLock { $0.apiAddress } }
    package var serveAddress: String { state.withLock { $0.serveAddress } }
}
