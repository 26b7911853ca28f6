import Foundation
import SiteAPI
@testable import SiteServer
import Testing

/// Issue 8, item 7: the event stream authorises each event by its site's id, so a site deleted and re-created
/// under the same name by another account never leaks that account's events and logs.
@Suite struct EventStreamAttackTests {
    @Test func aRecreatedSiteNameDoesNotLeakTheNewOwnersEvents() async throws {
        let daemon = try TestDaemon()
        let (ann, _) = try await daemon.user("ann@example.test")
        let (bob, _) = try await daemon.user("bob@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: ann)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "docs"), for: ann)
        let docsID = try #require(try await daemon.components.sites.site(named: "docs", for: ann).id)
        let oldID = try #require(try await daemon.components.sites.site(named: "blog", for: ann).id)
        let controller = EventsController(events: daemon.components.events, sites: daemon.components.sites, auth: daemon.components.auth)
        let everything = try await controller.stream(for: ann, site: nil)

        try await daemon.components.sites.delete(site: "blog", for: ann)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: bob)
        _ = try await daemon.components.requests.chat(site: "blog", message: "set the site title to Bob's Secret Plans", for: bob)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])
        _ = try await daemon.components.versions.move(pointer: "live", site: "blog", ref: "2", force: true, for: bob)

        // A sentinel about a site Ann still owns: before it, her stream may only have told her of her own deletion.
        #expect(oldID != docsID)
        daemon.components.events.publish(Event(kind: .siteUpdated, site: "docs", time: Date(), state: "sentinel"), siteID: docsID)
        var iterator = everything.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.kind == .siteDeleted && first?.site == "blog", "Ann received \(String(describing: first))")
        let second = await iterator.next()
        #expect(second?.state == "sentinel", "Ann received \(String(describing: second))")
    }
}
