package import Foundation
package import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the daemon until SIGTERM/SIGINT: recovery, the API and serving servers, and the worker pool, in one
/// `ServiceGroup` with graceful shutdown.
package enum Daemon {
    /// Certificates for the HTTPS listener: the operator's files re-read every minute, ACME for custom domains.
    static func tlsService(_ components: DaemonComponents, logger: Logger) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let store = components.certificates else { return [] }
        let aliases = components.aliases
        let service = TLSService(
            store: store, challenges: components.challenges, settings: components.configuration.acme, logger: logger,
            now: components.configuration.now, domains: { try await aliases.allDomains() })
        components.events.onDomainChange { _ in service.poke() }
        return [.init(service: service)]
    }

    package static func run(components: DaemonComponents, logger: Logger) async throws {
        let configuration = components.configuration
        for path in configuration.socketPaths {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // A socket left by a crashed daemon would make bind fail; nothing listens on it any more.
            unlink(path)
        }
        let api = try components.apiApplication(logger: logger)
        var operatorChannel: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if case .tcp = configuration.listen, let socket = configuration.operatorSocket {
            operatorChannel.append(.init(service: try components.operatorApplication(socket: socket, logger: logger)))
        }
        // Under the data dir's lock, every running job is an orphan of an earlier run.
        let recovered = try await components.lifecycle.reap(all: true)
        if !recovered.isEmpty {
            logger.warning("recovered work from an earlier run", metadata: [
                "requeued": .string(recovered.requeued.map { String($0) }.joined(separator: ",")),
                "failed": .string(recovered.failed.map { String($0) }.joined(separator: ",")),
                "stranded_requests": .string(recovered.strandedRequests.map { String($0) }.joined(separator: ",")),
            ])
        }
        if components.leftoversRemoved > 0 {
            logger.info("removed temporary files of an earlier run", metadata: ["count": .stringConvertible(components.leftoversRemoved)])
        }
        components.runtime.recoveryDone()
        let workers = WorkerService(
            lifecycle: components.lifecycle, runner: components.runner, workers: configuration.workers,
            instance: "pid\(getpid())", leaseDuration: configuration.leaseDuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: api),
                    .init(service: try components.siteServer(logger: logger)),
                    .init(service: workers),
                    .init(service: BlobCollectorService(
                        collector: BlobCollector(db: components.db, artifacts: components.artifacts, now: configuration.now),
                        interval: .seconds(600), logger: logger)),
                ] + operatorChannel + tlsService(components, logger: logger) + (configuration.scrubInterval.map { interval in
                    [.init(service: StoreScrubService(
                        audit: StoreAudit(db: components.db, artifacts: components.artifacts), interval: interval, logger: logger,
                        onDamage: { [bodies = components.serving.bodies] digests in bodies.remove(digests) }))]
                } ?? []) + [
                    // Last, so graceful shutdown reaches it first: open event streams end and their HTTP requests can finish.
                    .init(service: EventStreamCloser(events: components.events, runtime: components.runtime)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger)
                .bounded(graceful: configuration.shutdownTimeout))
        components.runtime.onShutdownRequest { Task { await group.triggerGracefulShutdown() } }
        // The first SIGTERM/SIGINT stops gracefully (bounded above); a second one cancels at once: running jobs go
        // back to the queue and nothing is stored.
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                var seen = 0
                for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                    seen += 1
                    if seen >= 2 {
                        logger.warning("second stop signal: cancelling running jobs now")
                        return
                    }
                }
            }
            defer { tasks.cancelAll() }
            try await tasks.next()
        }
        components.events.finishAll()
        ChromiumSessions.shared.closeAll()
        for path in configuration.socketPaths { unlink(path) }
        logger.info("daemon stopped")
    }
}

/// Ends every event stream when graceful shutdown starts.
struct EventStreamCloser: Service {
    let events: EventBus
    let runtime: RuntimeState

    func run() async throws {
        try? await gracefulShutdown()
        runtime.markStopping()
        events.finishAll()
    }
}

extension ServiceGroupConfiguration {
    /// Graceful shutdown waits at most `graceful`, then cancels; a cancellation that does not finish in 10 s ends
    /// the process (a compile or agent stuck in a loop cannot keep a stopped daemon alive).
    fileprivate func bounded(graceful: Duration) -> ServiceGroupConfiguration {
        var configuration = self
        configuration.maximumGracefulShutdownDuration = graceful
        configuration.maximumCancellationDuration = .seconds(10)
        return configuration
    }
}
