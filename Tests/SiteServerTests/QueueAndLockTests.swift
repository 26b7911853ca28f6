import HTTPTypes
import NIOCore
import Foundation
import GRDB
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

@Suite struct QueueAndLockTests {
    /// A site with one queued chat job.
    func siteWithQueuedJob(_ daemon: TestDaemon) async throws -> UserRecord {
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Queued", for: user)
        return user
    }

    @Test func fencingTokenIncreasesOnEveryAcquisition() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        let first = try #require(try await daemon.components.queue.claim(worker: "w1"))
        try await daemon.components.queue.finish(first, worker: "w1", state: .succeeded, error: nil, version: nil)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Again", for: user)
        let second = try #require(try await daemon.components.queue.claim(worker: "w2"))
        #expect(second.fence > first.fence)
    }

    @Test func aLockedSitesJobIsNotClaimedTwice() async throws {
        let daemon = try TestDaemon()
        let user = try await siteWithQueuedJob(daemon)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Second", for: user)
        let first = try #require(try await daemon.components.queue.claim(worker: "w1"))
        #expect(try await daemon.components.queue.claim(worker: "w2") == nil)
        try await daemon.components.queue.finish(first, worker: "w1", state: .succeeded, error: nil, version: nil)
        #expect(try await daemon.components.queue.claim(worker: "w2") != nil)
    }

    @Test func staleFencingTokenIsRejected() async throws {
        let clock = TestClock()
        let daemon = try TestDaemon(now: { clock.now })
        let user = try await siteWithQueuedJob(daemon)
        let stale = try #require(try await daemon.components.queue.claim(worker: "w1"))
        // The first worker stalls past its lease; recovery hands the job to another worker with a newer fence.
        clock.advance(by: 120)
        _ = try await daemon.components.queue.recoverOrphans(allRunning: false)
        let fresh = try #require(try await daemon.components.queue.claim(worker: "w2"))
        #expect(fresh.fence > stale.fence)
        let (_, source) = try await daemon.components.versions.source(site: "blog", ref: "1", for: user)
        let built = try await daemon.components.pipeline.compile(source)
        await #expect(throws: StaleFenceError.self) {
            _ = try await daemon.components.pipeline.storeVersion(
                siteID: stale.job.siteId, built: built, origin: "chat", summary: "late", requestID: nil, fence: stale.fence)
        }
        #expect(!(try await daemon.components.queue.renew(stale, worker: "w1")))
        let number = try await daemon.components.pipeline.storeVersion(
            siteID: fresh.job.siteId, built: built, origin: "chat", summary: "on time", requestID: nil, fence: fresh.fence)
        #expect(number == 2)
    }

    @Test func orphanedJobsAreRequeuedThenFailedAfterMaxAttempts() async throws {
        let daemon = try TestDaemon()
        _ = try await siteWithQueuedJob(daemon)
        var claimed: ClaimedJob?
        for attempt in 1...3 {
            claimed = try await daemon.components.queue.claim(worker: "crashing")
            #expect(claimed?.job.attempts == attempt)
            let recovered = try await daemon.components.queue.recoverOrphans(allRunning: true)
            if attempt < 3 {
                #expect(recovered.requeued == [claimed?.id ?? -1])
            } else {
                #expect(recovered.failed == [claimed?.id ?? -1])
            }
        }
        let states = try await daemon.components.db.read { db in try String.fetchAll(db, sql: "SELECT state FROM jobs") }
        #expect(states == ["failed"])
        let holders = try await daemon.components.db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_locks WHERE holder IS NOT NULL")
        }
        #expect(holders == 0)
        let request = try await daemon.components.db.read { db in try String.fetchOne(db, sql: "SELECT state FROM build_requests") }
        #expect(request == "failed")
    }
}
