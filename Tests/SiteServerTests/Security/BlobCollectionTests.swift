import Foundation
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 8, item 10: a deleted site's blobs are freed; nothing another site or version still uses is touched,
/// and blobs a job has just stored (before its version row exists) survive.
@Suite struct BlobCollectionTests {
    @Test func deletingASiteFreesItsBlobsAndKeepsEveryoneElses() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "docs", theme: "docs"), for: ann)
        _ = try await daemon.components.requests.chat(site: "docs", message: "set the site title to Only Docs Has This", for: ann)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])
        let before = try daemon.components.artifacts.blobs.inventory().count
        try await daemon.components.sites.delete(site: "docs", for: ann)

        let collector = BlobCollector(db: daemon.components.db, artifacts: daemon.components.artifacts, grace: 0, now: { Date().addingTimeInterval(1) })
        let outcome = try await collector.collect()
        #expect(outcome.removed > 0)
        #expect(try daemon.components.artifacts.blobs.inventory().count == before - outcome.removed)
        // The remaining site is whole: every blob of its versions still reads and verifies.
        let (_, source) = try await daemon.components.versions.source(site: "blog", ref: "1", for: ann)
        #expect(source.text("site.yaml") != nil)
        #expect(try await collector.collect().removed == 0)
    }

    @Test func blobsStoredMomentsAgoSurviveEvenWithoutAVersion() async throws {
        let daemon = try TestDaemon()
        let digest = try daemon.components.artifacts.blobs.put(Data("a job is about to reference this".utf8))
        let collector = BlobCollector(db: daemon.components.db, artifacts: daemon.components.artifacts, grace: 3600, now: { Date() })
        _ = try await collector.collect()
        #expect(daemon.components.artifacts.blobs.contains(digest))
        let late = BlobCollector(db: daemon.components.db, artifacts: daemon.components.artifacts, grace: 3600, now: { Date().addingTimeInterval(7200) })
        _ = try await late.collect()
        #expect(!daemon.components.artifacts.blobs.contains(digest))
    }

    /// A corrupt manifest hides which blobs a version uses; the collector used to treat them as unreferenced and
    /// delete them, so `doctor --fix` had nothing to rebuild the manifest around. Now it removes nothing.
    @Test func aCorruptManifestStopsTheSweepInsteadOfFreeingItsFiles() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        let record = try await daemon.components.versions.record(
            site: try await daemon.components.sites.site(named: "blog", for: ann), number: 1)
        let before = try daemon.components.artifacts.blobs.inventory().count
        let store = try #require(daemon.components.artifacts.blobs as? InMemoryBlobStore)
        store.corrupt(record.outputManifest)
        _ = try daemon.components.artifacts.blobs.put(Data("unreferenced".utf8))

        let collector = BlobCollector(db: daemon.components.db, artifacts: daemon.components.artifacts, grace: 0, now: { Date().addingTimeInterval(1) })
        let outcome = try await collector.collect()
        #expect(outcome.removed == 0)
        #expect(outcome.skippedBecause?.contains(record.outputManifest) == true)
        #expect(try daemon.components.artifacts.blobs.inventory().count == before + 1)

        // The audit names it; nothing rebuilds a manifest in memory here, but the report is exact.
        let report = try await StoreAudit(db: daemon.components.db, artifacts: daemon.components.artifacts).run()
        #expect(report.damaged.map(\.digest) == [record.outputManifest])
        #expect(report.damaged.first?.uses == [StoreAudit.Use(site: "blog", version: 1, role: "output manifest")])
    }
}
