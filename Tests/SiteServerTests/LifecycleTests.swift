import Foundation
import GRDB
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 9: the request/job lifecycle — the transition table, and the store that applies it — is exactly-once by
/// construction.
@Suite struct LifecycleTableTests {
    /// Every (state, event) pair: the allowed ones and where they lead; everything else is refused.
    @Test func requestTransitionsFollowTheTable() {
        let allowed: [RequestState: [RequestEvent: RequestState]] = [
            .needsInput: [.queuedJob: .queued, .asked: .needsInput, .closedNoChange: .noChange, .closedUnsupported: .unsupported,
                          .failed: .failed, .cancelled: .cancelled],
            .queued: [.jobClaimed: .running, .cancelled: .cancelled, .failed: .failed],
            .running: [.jobRequeued: .queued, .versionStored: .done, .asked: .needsInput, .closedNoChange: .noChange,
                       .closedUnsupported: .unsupported, .failed: .failed, .cancelled: .cancelled],
        ]
        let events: [RequestEvent] = [.queuedJob, .asked, .closedNoChange, .closedUnsupported, .failed, .jobClaimed, .jobRequeued, .versionStored, .cancelled]
        for state in RequestState.allCases {
            for event in events {
                #expect(state.after(event) == allowed[state]?[event], "\(state) + \(event)")
            }
            if state.isTerminal { #expect(events.allSatisfy { state.after($0) == nil }, "\(state) is final") }
        }
    }

    @Test func jobTransitionsFollowTheTable() {
        let allowed: [JobState: [JobEvent: JobState]] = [
            .queued: [.claimed: .running, .cancelled: .cancelled, .failed: .failed],
            .running: [.requeued: .queued, .succeeded: .succeeded, .failed: .failed, .cancelled: .cancelled],
        ]
        for state in JobState.allCases {
            for event in [JobEvent.claimed, .requeued, .succeeded, .failed, .cancelled] {
                #expect(state.after(event) == allowed[state]?[event], "\(state) + \(event)")
            }
        }
    }
}

@Suite struct LifecycleStoreTests {
    /// A site with one queued chat job.
    func siteWithQueuedJob(_ daemon: TestDaemon) async throws -> UserRecord {
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Queued", for: user)
        return user
    }

    func scalar<T: DatabaseValueConvertible & Sendable>(_ daemon: TestDaemon, _ sql: String) async throws -> T? {
        try await daemon.components.db.read { db in try T.fetchOne(db, sql: sql) }
    }

    @Test func aRequestAndItsJobAreWrittenTogether() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        let request = try #require(try await daemon.components.requests.list(for: user, site: "blog", state: nil, limit: 10).first)
        #expect(request.state == .queued)
        let jobID = try #require(request.jobId)
        #expect(try await scalar(daemon, "SELECT request_id FROM jobs WHERE id = \(jobID)") == request.id)
        // A request is never in `queued` without a queued job.
        let stranded: Int? = try await scalar(daemon, """
            SELECT COUNT(*) FROM build_requests WHERE state = 'queued'
              AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.request_id = build_requests.id AND jobs.state = 'queued')
            """)
        #expect(stranded == 0)
    }

    @Test func storingTheVersionClosesTheRequestAndTheJobInOneTransaction() async throws {
        let daemon = try TestDaemon()
        _ = try await siteWithQueuedJob(daemon)
        let claimed = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
        let result = try await daemon.components.runner.run(claimed, worker: "w1")
        let finished = try await daemon.components.runner.complete(claimed, worker: "w1", result: result)
        #expect(finished.version == 2 && finished.jobState == .succeeded && finished.requestState == .done)
        let row = try #require(try await daemon.components.db.read { db in
            try Row.fetchOne(db, sql: """
                SELECT build_requests.state AS request, build_requests.version AS version, jobs.state AS job, jobs.version AS job_version
                FROM build_requests JOIN jobs ON jobs.request_id = build_requests.id
                """)
        })
        #expect(row["request"] as String == "done" && row["version"] as Int == 2 && row["job"] as String == "succeeded" && row["job_version"] as Int == 2)
        // The same result handed in again (a worker retrying after a crash it thought it had) writes nothing.
        await #expect(throws: LeaseLostError.self) { try await daemon.components.runner.complete(claimed, worker: "w1", result: result) }
        #expect(try await scalar(daemon, "SELECT COUNT(*) FROM versions") == 2)
    }

    @Test func aStalledWorkersLeaseIsReclaimedWhileTheDaemonRunsAndItCanWriteNothing() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await siteWithQueuedJob(daemon)
        let stale = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
        let result = try await daemon.components.runner.run(stale, worker: "w1")
        // Not expired yet: the reaper leaves it alone.
        #expect(try await daemon.components.lifecycle.reap().isEmpty)
        clock.advance(by: 120)
        let reaped = try await daemon.components.lifecycle.reap()
        #expect(reaped.requeued == [stale.id])
        #expect(try await scalar(daemon, "SELECT state FROM build_requests") == "queued")
        let fresh = try #require(try await daemon.components.lifecycle.claim(worker: "w2"))
        #expect(fresh.id == stale.id && fresh.fence > stale.fence)
        // The stalled worker wakes up: it cannot renew, store, requeue or fail anything.
        #expect(!(try await daemon.components.lifecycle.renew(stale, worker: "w1")))
        await #expect(throws: LeaseLostError.self) { try await daemon.components.runner.complete(stale, worker: "w1", result: result) }
        await #expect(throws: LeaseLostError.self) {
            try await daemon.components.runner.complete(stale, worker: "w1", result: .closed(.failed, reply: "stale"))
        }
        await #expect(throws: LeaseLostError.self) { try await daemon.components.lifecycle.requeue(stale, worker: "w1", reason: "stale") }
        #expect(try await scalar(daemon, "SELECT COUNT(*) FROM versions") == 1)
        #expect(try await scalar(daemon, "SELECT state FROM jobs") == "running")
        try await daemon.components.runner.process(fresh, worker: "w2")
        #expect(try await scalar(daemon, "SELECT COUNT(*) FROM versions") == 2)
    }

    /// Attack run, finding 4: graceful stops counted as attempts (a request failed after two restarts and one
    /// crash), and on SIGCONT the daemon's reaper took its own live worker's job.
    @Test func aGracefulRequeueIsNotAnAttemptAndTheReaperSparesLiveWorkers() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        _ = try await siteWithQueuedJob(daemon)
        for _ in 0..<5 {
            let claimed = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
            try await daemon.components.lifecycle.requeue(claimed, worker: "w1", reason: "interrupted by daemon shutdown")
        }
        #expect(try await scalar(daemon, "SELECT attempts FROM jobs") == 0)
        let live = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
        clock.advance(by: 120)  // The whole daemon was stopped past the lease.
        #expect(try await daemon.components.lifecycle.reap(sparing: ["w1"]).isEmpty)
        #expect(try await daemon.components.lifecycle.renew(live, worker: "w1"))
        try await daemon.components.runner.process(live, worker: "w1")
        #expect(try await scalar(daemon, "SELECT state FROM build_requests") == "done")
    }

    /// Attack run, finding 5: a free-text answer ("set the tagline to …" answering "make it pop") was accepted by
    /// triage, then the worker's agent saw the question without it and asked again, for ever.
    @Test func aFreeTextAnswerIsDoneByTheWorkerNotAskedAgain() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let asked = try await daemon.components.requests.chat(site: "blog", message: "make it pop", for: ann)
        #expect(asked.state == .needsInput)
        let answered = try await daemon.components.requests.answer(requestID: asked.id, answer: "set the tagline to Loop Answer", for: ann)
        #expect(answered.state == .queued)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])
        #expect(try await scalar(daemon, "SELECT state FROM build_requests") == "done")
        #expect(try await scalar(daemon, "SELECT COUNT(*) FROM jobs") == 1)
    }

    @Test func releasingALockAdvancesItsTokenSoTheOldHolderCannotWriteOnce() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        let first = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
        try await daemon.components.runner.complete(first, worker: "w1", result: .closed(.noChange, reply: "nothing"))
        let afterRelease: Int64? = try await scalar(daemon, "SELECT fence FROM site_locks")
        #expect(afterRelease == first.fence + 1)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Again", for: user)
        let second = try #require(try await daemon.components.lifecycle.claim(worker: "w2"))
        #expect(second.fence == first.fence + 2)
        // The same worker name with the old token (a restarted daemon reusing names) is refused too.
        var replay = second
        replay.fence = first.fence
        await #expect(throws: LeaseLostError.self) {
            try await daemon.components.runner.complete(replay, worker: "w2", result: .closed(.failed, reply: "stale"))
        }
        #expect(try await scalar(daemon, "SELECT state FROM jobs WHERE id = \(second.id)") == "running")
    }

    @Test func aSiteWhoseJobIsStillRunningIsNotClaimedEvenPastItsLease() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        let user = try await siteWithQueuedJob(daemon)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Second", for: user)
        let first = try #require(try await daemon.components.lifecycle.claim(worker: "w1"))
        clock.advance(by: 120)
        // The newer request must not overtake the older one whose worker stalled.
        #expect(try await daemon.components.lifecycle.claim(worker: "w2") == nil)
        _ = try await daemon.components.lifecycle.reap()
        let next = try #require(try await daemon.components.lifecycle.claim(worker: "w2"))
        #expect(next.id == first.id)
    }

    @Test func orphanedJobsAreRequeuedThenFailedAfterMaxAttempts() async throws {
        let daemon = try TestDaemon()
        _ = try await siteWithQueuedJob(daemon)
        for attempt in 1...3 {
            let claimed = try #require(try await daemon.components.lifecycle.claim(worker: "crashing"))
            #expect(claimed.job.attempts == attempt)
            let recovered = try await daemon.components.lifecycle.reap(all: true)
            #expect((attempt < 3 ? recovered.requeued : recovered.failed) == [claimed.id])
        }
        #expect(try await scalar(daemon, "SELECT state FROM jobs") == "failed")
        #expect(try await scalar(daemon, "SELECT COUNT(*) FROM site_locks WHERE holder IS NOT NULL") == 0)
        #expect(try await scalar(daemon, "SELECT state FROM build_requests") == "failed")
    }

    @Test func aRequestStrandedByAnOlderVersionIsClosedAtStart() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        // What an earlier version could leave after a kill: a queued request whose job never got written.
        try await daemon.components.db.write { db in
            try db.execute(sql: "DELETE FROM jobs")
        }
        let recovered = try await daemon.components.lifecycle.reap(all: true)
        #expect(recovered.strandedRequests.count == 1)
        let request = try #require(try await daemon.components.requests.list(for: user, site: "blog", state: nil, limit: 1).first)
        #expect(request.state == .failed)
        #expect(request.reply?.contains("send it again") == true)
    }

    @Test func aNoChangeRequestBehindQueuedOnesIsDecidedWhenItRuns() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let original = try #require(try await daemon.components.versions.source(site: "blog", ref: "1", for: user).1.text("site.yaml"))
        let title = try #require(original.split(separator: "\n").first { $0.hasPrefix("title:") }).dropFirst("title:".count)
            .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Interim", for: user)
        // Against version 1 this is no change; after the queued request it is one.
        let back = try await daemon.components.requests.chat(site: "blog", message: "set the site title to \(title)", for: user)
        #expect(back.state == .queued, "\(back.reply ?? "")")
        let outcomes = try await daemon.drainQueue()
        #expect(outcomes.map(\.version) == [2, 3])
    }

    @Test func versionNumbersAreNeverReused() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        #expect(try await daemon.drainQueue().map(\.version) == [2])
        try await daemon.components.db.write { db in try db.execute(sql: "DELETE FROM versions WHERE number = 2") }
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Third", for: user)
        #expect(try await daemon.drainQueue().map(\.version) == [3])
    }
}

/// Idle workers wait on a signal instead of sleeping a fixed poll interval (issue 9's p50 goal on an idle queue).
@Suite struct WorkSignalTests {
    @Test func notifyWakesEveryWaiterLongBeforeTheTimeout() async throws {
        let signal = WorkSignal()
        let clock = ContinuousClock()
        let start = clock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await signal.wait(upTo: .seconds(30)) } }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(50))
                signal.notify()
            }
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test func aNotifyWithNobodyWaitingIsNotLost() async {
        let signal = WorkSignal()
        signal.notify()
        let clock = ContinuousClock()
        let start = clock.now
        await signal.wait(upTo: .seconds(30))
        #expect(clock.now - start < .seconds(10))
    }

    @Test func withoutANotifyTheWaitEndsAtItsTimeoutOrOnCancellation() async {
        let signal = WorkSignal()
        let clock = ContinuousClock()
        var start = clock.now
        await signal.wait(upTo: .milliseconds(50))
        #expect(clock.now - start >= .milliseconds(50))
        start = clock.now
        let task = Task { await signal.wait(upTo: .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        await task.value
        #expect(clock.now - start < .seconds(10))
    }

    @Test func queueingAJobWakesTheStore() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let signal = daemon.components.lifecycle.work
        let clock = ContinuousClock()
        let start = clock.now
        async let waited: Void = signal.wait(upTo: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Wake", for: ann)
        await waited
        #expect(clock.now - start < .seconds(10))
    }
}
