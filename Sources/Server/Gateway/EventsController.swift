import Foundation
package import Hummingbird
package import HummingbirdWebSocket
import NIOCore
import SiteAPI

/// The live event stream: a WebSocket at `/v1/events` and the same events as NDJSON (`?format=ndjson`).
/// A user receives only the events of the sites they own; `?site=NAME` narrows it to one.
package struct EventsController: Sendable {
    let events: EventBus
    let sites: SiteService
    let auth: Authenticator
    /// How often the NDJSON stream carries an empty line. It tells a client the connection still stands (a client
    /// that hears nothing for a few beats reconnects) and keeps idle timeouts of clients and proxies from closing it.
    /// At every beat the caller's token is checked again, so a stream ends within a beat of its session.
    var heartbeat: Duration = .seconds(15)

    /// The events `user` may see, optionally for one site; each is authorised by its site's id.
    func stream(for user: UserRecord, site: String?) async throws -> AsyncStream<Event> {
        // `?site=` pins the stream to that site's id: a later site of the same name is another site.
        var pinned: Int64?
        if let site { pinned = try await sites.site(named: site, for: user).id ?? 0 }
        let newest = try await sites.newestSiteID()
        let owned = try await sites.ownedIDs(userID: user.id ?? 0)
        let ownership = OwnershipCache(initial: owned, newest: newest, sites: sites, userID: user.id ?? 0)
        let only = pinned
        let source = events.subscribe { published in only == nil || published.siteID == only }
        return AsyncStream { continuation in
            let task = Task {
                for await published in source where await ownership.owns(published.siteID) {
                    continuation.yield(published.event)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.get("/v1/events") { request, _ in
            let user = try await auth.user(request)
            let stream = try await stream(for: user, site: request.uri.queryParameters.get("site").map { String($0) })
            var headers = HTTPFields()
            headers[.contentType] = "application/x-ndjson"
            let heartbeat = heartbeat
            let token = Authenticator.bearerToken(request) ?? ""
            let accounts = auth.accounts
            return Response(status: .ok, headers: headers, body: .init { writer in
                let encoder = APIJSON.encoder()
                // Events and heartbeats meet in one stream so that only this task writes.
                let (ticks, tick) = AsyncStream<Event?>.makeStream()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in stream { tick.yield(event) }
                        tick.finish()
                    }
                    group.addTask {
                        // Each beat checks the token again: a logout, a revoked API token or an expired access
                        // token ends the stream (within one beat) instead of leaving it open for good.
                        while !Task.isCancelled {
                            try await Task.sleep(for: heartbeat)
                            guard (try? await accounts.authenticate(accessToken: token)) != nil else {
                                tick.finish()
                                return
                            }
                            tick.yield(nil)
                        }
                    }
                    defer { group.cancelAll() }
                    // Events are checked against the session too, at most once a second: a revoked session's
                    // stream stops delivering within a second even while events flow.
                    let clock = ContinuousClock()
                    var checked = clock.now
                    for await event in ticks {
                        guard let event else {
                            try await writer.write(ByteBuffer(bytes: [0x0A]))
                            continue
                        }
                        if clock.now - checked > .seconds(1) {
                            guard (try? await accounts.authenticate(accessToken: token)) != nil else { break }
                            checked = clock.now
                        }
                        var data = try encoder.encode(event)
                        data.append(0x0A)
                        try await writer.write(ByteBuffer(bytes: data))
                    }
                }
                try await writer.finish(nil)
            })
        }
    }

    package func addWebSocketRoutes(to router: Router<APIRequestContext>) {
        router.ws("/v1/events") { request, _ in
            guard let token = Authenticator.bearerToken(request) ?? request.uri.queryParameters.get("access_token").map { String($0) },
                try await auth.accounts.authenticate(accessToken: token) != nil
            else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let request = context.request
            guard let token = Authenticator.bearerToken(request) ?? request.uri.queryParameters.get("access_token").map { String($0) },
                let user = try await auth.accounts.authenticate(accessToken: token)
            else { return }
            let stream = try await stream(for: user, site: request.uri.queryParameters.get("site").map { String($0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    // Drain the client's frames; when it closes, stop sending.
                    for try await _ in inbound.messages(maxSize: 64 * 1024) {}
                }
                let heartbeat = heartbeat
                group.addTask {
                    // The session is checked again every beat: a logout or a revoked token ends the socket.
                    while true {
                        try await Task.sleep(for: heartbeat)
                        if try await auth.accounts.authenticate(accessToken: token) == nil { return }
                    }
                }
                group.addTask {
                    let encoder = APIJSON.encoder()
                    for await event in stream {
                        try await outbound.write(.text(String(decoding: try encoder.encode(event), as: UTF8.self)))
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}

/// Which site ids a user owns, refreshed when an id newer than the last look shows up (a site created after
/// subscribing). Site ids only grow, so an older id that is not owned never needs another query.
actor OwnershipCache {
    private var owned: Set<Int64>
    private var newestSeen: Int64
    private let sites: SiteService
    private let userID: Int64

    init(initial: Set<Int64>, newest: Int64, sites: SiteService, userID: Int64) {
        self.owned = initial
        self.newestSeen = newest
        self.sites = sites
        self.userID = userID
    }

    func owns(_ siteID: Int64) async -> Bool {
        if owned.contains(siteID) { return true }
        guard siteID > newestSeen else { return false }
        if let fresh = try? await sites.ownedIDs(userID: userID) { owned = fresh }
        newestSeen = max(newestSeen, siteID)
        return owned.contains(siteID)
    }
}
