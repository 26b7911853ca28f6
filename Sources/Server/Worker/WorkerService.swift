package import Foundation
package import Logging
package import ServiceLifecycle
package import SiteAPI

/// The worker pool: N loops that claim jobs, hold their site lock (renewing it) and run them.
///
/// On graceful shutdown the loops stop claiming; a job in flight finishes, or — if the shutdown cancels it —
/// goes back to the queue with its lock released, so nothing is left `running`.
package struct WorkerService: Service {
    let queue: JobQueue
    let runner: JobRunner
    let workers: Int
    let instance: String
    let leaseDuration: TimeInterval
    let logger: Logger

    package init(queue: JobQueue, runner: JobRunner, workers: Int, instance: String, leaseDuration: TimeInterval, logger: Logger) {
        self.queue = queue
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
        }
    }

    private func loop(name: String) async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if let claimed = try await queue.claim(worker: name) {
                    await execute(claimed, worker: name)
                    continue
                }
            } catch {
                logger.error("claim failed", metadata: ["worker": .string(name), "error": .string(String(describing: error))])
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Runs the job while a sibling task renews the lease; the job is shielded from the graceful-shutdown signal
    /// so it can finish, but not from cancellation.
    private func execute(_ claimed: ClaimedJob, worker: String) async {
        logger.info("job started", metadata: ["job": .stringConvertible(claimed.id), "worker": .string(worker), "site": .string(claimed.siteName)])
        do {
            let outcome = try await withThrowingTaskGroup(of: JobRunner.Outcome?.self) { group in
                group.addTask { try await runner.run(claimed, worker: worker) }
                group.addTask {
                    // Every second: has the user cancelled? Every lease/3: renew the lease and the site lock.
                    var lastRenewal = ContinuousClock.now
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        if try await queue.isCancelRequested(claimed.id) { throw JobCancelledError() }
                        if ContinuousClock.now - lastRenewal >= .seconds(max(1, leaseDuration / 3)) {
                            guard try await queue.renew(claimed, worker: worker) else { throw LeaseLostError() }
                            lastRenewal = .now
                        }
                    }
                    return nil
                }
                defer { group.cancelAll() }
                while let next = try await group.next() {
                    if let outcome = next { return outcome }
                }
                throw CancellationError()
            }
            try await queue.finish(claimed, worker: worker, state: outcome.state, error: outcome.error, version: outcome.version)
            runner.publishState(site: claimed.eventSite, jobID: claimed.id, requestID: claimed.job.requestId, state: outcome.state, version: outcome.version)
            logger.info("job finished", metadata: ["job": .stringConvertible(claimed.id), "state": .string(outcome.state.rawValue)])
        } catch is JobCancelledError {
            // The agent task was cancelled with the group (a command agent's process group is killed).
            await runner.markCancelled(claimed)
            try? await queue.finish(claimed, worker: worker, state: .cancelled, error: "cancelled by the user", version: nil)
            runner.publishState(site: claimed.eventSite, jobID: claimed.id, requestID: claimed.job.requestId, state: .cancelled)
            logger.info("job cancelled", metadata: ["job": .stringConvertible(claimed.id)])
        } catch is LeaseLostError {
            logger.error("lease lost; abandoning job", metadata: ["job": .stringConvertible(claimed.id)])
        } catch {
            logger.warning("job interrupted; requeueing", metadata: ["job": .stringConvertible(claimed.id), "error": .string(String(describing: error))])
            try? await queue.requeue(claimed, worker: worker, reason: "interrupted by daemon shutdown")
        }
    }
}

/// The user asked to cancel the running job.
struct JobCancelledError: Error {}

/// The site lock was taken over (lease expired): the job must not write anything more.
struct LeaseLostError: Error {}
