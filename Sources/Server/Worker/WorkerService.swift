package import Foundation
import Synchronization
package import Logging
package import ServiceLifecycle
package import SiteAPI

/// The worker pool: N loops that claim jobs, hold their site lock (renewing it) and run them.
///
/// On graceful shutdown the loops stop claiming; a job in flight finishes, or — if the shutdown cancels it —
/// goes back to the queue with its lock released, so nothing is left `running`.
package struct WorkerService: Service {
    let lifecycle: LifecycleStore
    let runner: JobRunner
    let workers: Int
    let instance: String
    let leaseDuration: TimeInterval
    let logger: Logger
    /// Workers of this process running a job now (the reaper spares their leases: their renewer is alive).
    private let busy = BusyWorkers()

    package init(lifecycle: LifecycleStore, runner: JobRunner, workers: Int, instance: String, leaseDuration: TimeInterval, logger: Logger) {
        self.lifecycle = lifecycle
        self.runner = runner
        self.workers = workers
        self.instance = instance
        self.leaseDuration = leaseDuration
        self.logger = logger
    }

    package func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for index in 1...max(1, workers) {
                group.addTask { await loop(name: "\(instance)/worker-\(index)") }
            }
            group.addTask { await reaper() }
        }
    }

    /// Reclaims expired leases while the daemon runs (a stalled worker, a job whose worker vanished), every third
    /// of a lease.
    private func reaper() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // Woken by a graceful stop too, so the daemon does not wait out the interval before it exits.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(max(1, leaseDuration / 3))) }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { return }
            do {
                let recovered = try await lifecycle.reap(sparing: busy.names)
                if !recovered.isEmpty {
                    logger.warning("reclaimed jobs whose lease expired", metadata: [
                        "requeued": .string(recovered.requeued.map { String($0) }.joined(separator: ",")),
                        "failed": .string(recovered.failed.map { String($0) }.joined(separator: ",")),
                    ])
                }
            } catch {
                logger.error("lease reaper failed", metadata: ["error": .string(String(describing: error))])
            }
        }
    }

    private func loop(name: String) async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if let claimed = try await lifecycle.claim(worker: name) {
                    busy.insert(name)
                    await execute(claimed, worker: name)
                    busy.remove(name)
                    continue
                }
            } catch {
                logger.error("claim failed", metadata: ["worker": .string(name), "error": .string(String(describing: error))])
            }
            // Woken as soon as a job is queued or a site's lock is released; the poll is the fallback.
            // A graceful stop wakes it too.
            let work = lifecycle.work
            try? await cancelWhenGracefulShutdown { await work.wait(upTo: .seconds(1)) }
        }
    }

    /// Runs the job while a sibling task renews the lease; the job is shielded from the graceful-shutdown signal
    /// so it can finish, but not from cancellation.
    private func execute(_ claimed: ClaimedJob, worker: String) async {
        logger.info("job started", metadata: ["job": .stringConvertible(claimed.id), "worker": .string(worker), "site": .string(claimed.siteName)])
        do {
            let result = try await withThrowingTaskGroup(of: JobResult?.self) { group in
                group.addTask { try await runner.run(claimed, worker: worker) }
                group.addTask {
                    // Every second: has the user cancelled? Every lease/3: renew the lease and the site lock.
                    var lastRenewal = ContinuousClock.now
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        if try await lifecycle.isCancelRequested(claimed.id) { throw JobCancelledError() }
                        if ContinuousClock.now - lastRenewal >= .seconds(max(1, leaseDuration / 3)) {
                            guard try await lifecycle.renew(claimed, worker: worker) else { throw LeaseLostError() }
                            lastRenewal = .now
                        }
                    }
                    return nil
                }
                defer { group.cancelAll() }
                while let next = try await group.next() {
                    if let result = next { return result }
                }
                throw CancellationError()
            }
            let finished = try await runner.complete(claimed, worker: worker, result: result)
            logger.info("job finished", metadata: ["job": .stringConvertible(claimed.id), "state": .string(finished.jobState.rawValue)])
        } catch is JobCancelledError {
            // The agent task was cancelled with the group (a command agent's process group is killed).
            await runner.log(claimed.id, site: claimed.eventSite, "cancelled by the user; the agent was stopped and nothing was stored", level: "warning")
            do {
                try await runner.complete(claimed, worker: worker, result: .closed(.cancelled, reply: "Cancelled while running; nothing was changed."))
                logger.info("job cancelled", metadata: ["job": .stringConvertible(claimed.id)])
            } catch {
                logger.error("could not close a cancelled job", metadata: ["job": .stringConvertible(claimed.id), "error": .string(String(describing: error))])
            }
        } catch is LeaseLostError {
            // Someone else owns the site now (the reaper requeued this job): write nothing more.
            logger.error("lease lost; abandoning job without writing", metadata: ["job": .stringConvertible(claimed.id)])
        } catch {
            logger.warning("job interrupted; requeueing", metadata: ["job": .stringConvertible(claimed.id), "error": .string(String(describing: error))])
            do {
                // In a task of its own: this one is cancelled (the stop's bound passed, or a second SIGTERM), and a
                // cancelled task's database write would be refused, leaving the job `running` until the next start.
                let lifecycle = lifecycle
                try await Task { try await lifecycle.requeue(claimed, worker: worker, reason: "interrupted by daemon shutdown") }.value
            } catch {
                logger.error("could not requeue an interrupted job", metadata: ["job": .stringConvertible(claimed.id), "error": .string(String(describing: error))])
            }
        }
    }
}

/// The user asked to cancel the running job.
struct JobCancelledError: Error {}



/// The names of this process's workers that are running a job.
final class BusyWorkers: Sendable {
    private let state = Mutex(Set<String>())
    func insert(_ name: String) { _ = state.withLock { $0.insert(name) } }
    func remove(_ name: String) { _ = state.withLock { $0.remove(name) } }
    var names: Set<String> { state.withLock { $0 } }
}
