package import HTTPTypes
import Foundation
import SiteAPI
import SiteCompiler
package import GRDB

package import NIOCore
import Synchronization
import Logging
import NIOPosix

/// A served response, whichever server writes it: status, fields, and the body as bytes in memory or a range of
/// a local file (sent with sendfile by the site server).
package struct ServedResponse: Sendable {
    package enum Body: Sendable {
        case none
        case buffer(ByteBuffer)
        case file(path: String, range: ClosedRange<Int>)
    }

    package var status: HTTPResponse.Status
    /// All fields, or (with `prepared`) those added to the prepared file's.
    package var headers: HTTPFields
    package var body: Body
    /// The served file's prepared fields, when the response is a file (written before `headers`).
    package var prepared: PreparedFile?
    /// The site the request named (metrics and access logs), nil when it named none.
    package var site: String?
    /// The whole HTTP/1 header block, prepared (a full 200 of a prepared file); nil: built from the fields.
    package var block: ByteBuffer?

    package init(status: HTTPResponse.Status, headers: HTTPFields, body: Body, prepared: PreparedFile? = nil, block: ByteBuffer? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.prepared = prepared
        self.block = block
    }

}

/// Serves deployed sites by `Host` from their versions' output manifests.
///
/// The hot path does no I/O and does not suspend: ``cachedResponse(host:path:request:)`` answers from
/// ``ServingTable`` (pointers, in memory, invalidated as sites change), prepared versions (each file's response
/// fields worked out once) and ``BodyCache``; only a miss goes through ``response(host:path:request:)``, which
/// loads what is missing (database, manifest, blob, on NIO's thread pool) and answers. HTTP semantics
/// (conditional requests, Range, compression negotiation, caching) are ``StaticResponder``'s. Files above
/// `streamThreshold` are sent from the blob file instead of being held in memory.
package struct SiteServing: Sendable {
    let artifacts: ArtifactStore
    let domain: String
    package let table: ServingTable
    package let bodies: BodyCache
    let streamThreshold: Int
    private let versions = ServedVersions()
    private let routes = HostRoutes()

    package init(
        db: any DatabaseReader, artifacts: ArtifactStore, domain: String, cacheBytes: Int = 256 << 20, streamThreshold: Int = 8 << 20
    ) {
        self.artifacts = artifacts
        self.domain = domain
        self.table = ServingTable(db: db)
        self.bodies = BodyCache(capacity: cacheBytes)
        self.streamThreshold = streamThreshold
    }

    /// Sent with every served response unless it already has the field (documented in docs/security.md, "Response
    /// headers"): no MIME sniffing, no full URLs in the `Referer` sent to other sites, no framing by other origins.
    package static let defaultHeaders: [(HTTPField.Name, String)] = [
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "strict-origin-when-cross-origin"),
        (HTTPField.Name("X-Frame-Options")!, "SAMEORIGIN"),
        (.contentSecurityPolicy, "frame-ancestors 'self'"),
    ]

    /// Adds ``defaultHeaders`` a response lacks (prepared files carry them already: two lookups say so).
    static func addDefaultHeaders(_ headers: inout HTTPFields) {
        if headers[defaultHeaders[0].0] != nil, headers[defaultHeaders[defaultHeaders.count - 1].0] != nil { return }
        for (name, value) in defaultHeaders where headers[name] == nil {
            headers[name] = value
        }
    }

    /// Loads every enabled site's live version (daemon start), so the first visitors do not wait.
    package func warm() async throws {
        for (site, info) in try await table.warm() {
            _ = try? await prepared(site: site, version: info, lastModified: Self.lastModified(info, site: site, pointer: true))
        }
    }

    /// What ``attempt`` already knows beyond the caches: values the slow path loaded for this request.
    private struct Known {
        var alias: ServingTable.AliasTarget??
        var site: ServingTable.SiteInfo??
        var version: ServingTable.VersionInfo?
        var prepared: ServedVersion?
        var body: (digest: String, buffer: ByteBuffer)?
    }

    private enum Attempt {
        case done(ServedResponse)
        case needAlias(String)
        case needSite(String)
        case needVersion(ServingTable.SiteInfo, Int)
        case needPrepared(ServingTable.SiteInfo, ServingTable.VersionInfo, (text: String, date: Date))
        case needBody(String)
    }

    /// The response when everything it needs is in memory, else nil (then call ``response(host:path:request:)``).
    package func cachedResponse(host: String?, path: String, request: StaticRequest) -> ServedResponse? {
        if case .done(let response) = attempt(host: host, path: path, request: request, known: Known()) { return response }
        return nil
    }

    /// `response` for `site`, once it is known to exist.
    private static func about(_ site: ServingTable.SiteInfo, _ response: ServedResponse) -> Attempt {
        var response = response
        response.site = site.name
        return .done(response)
    }

    /// The response, loading what the caches lack. Never throws: failures are error pages.
    package func response(host: String?, path: String, request: StaticRequest) async -> ServedResponse {
        var known = Known()
        do {
            // Each step learns one more thing, so this ends; the bound is a guard.
            for _ in 0..<8 {
                switch attempt(host: host, path: path, request: request, known: known) {
                case .done(let response):
                    return response
                case .needAlias(let domain):
                    known.alias = .some(try await table.alias(domain))
                case .needSite(let name):
                    known.site = .some(try await table.site(named: name))
                case .needVersion(let site, let number):
                    guard let version = try await table.version(number, of: site) else {
                        return Self.page(.notFound, title: "Nothing deployed", text: "\(site.name) has no such version deployed.")
                    }
                    known.version = version
                case .needPrepared(let site, let version, let lastModified):
                    known.prepared = try await prepared(site: site, version: version, lastModified: lastModified)
                case .needBody(let digest):
                    let blobs = artifacts.blobs
                    // Checked against its digest once, as it enters memory; requests served from memory are not
                    // hashed again (the scrub re-checks the store and evicts what it finds damaged).
                    known.body = (digest, try await bodies.body(digest) { try blobs.get(digest) })
                }
            }
            throw ServingFailure()
        } catch let error as BlobError {
            // A damaged or missing blob is the operator's to fix (sitectl doctor); the visitor gets a clear page.
            Logger(label: "sitectl.serving").error(
                "blob unreadable while serving", metadata: ["host": .string(host ?? ""), "path": .string(path), "error": .string("\(error)")])
            var response = Self.page(
                .serviceUnavailable, title: "Temporarily unavailable",
                text: "This page cannot be served right now. The site's operator has been told.")
            response.headers[.retryAfter] = "60"
            return response
        } catch {
            Logger(label: "sitectl.serving").error("serving failed", metadata: ["host": .string(host ?? ""), "error": .string("\(error)")])
            return Self.page(.internalServerError, title: "Something went wrong", text: "This page cannot be served right now.")
        }
    }

    private struct ServingFailure: Error {}

    private func attempt(host: String?, path urlPath: String, request: StaticRequest, known: Known) -> Attempt {
        guard let host else {
            return .done(Self.page(.notFound, title: "Site not found", text: "No site is served at this address."))
        }
        let route: HostRoute
        if let parsed = routes.route(host: host, domain: domain) {
            route = parsed
        } else {
            // A custom domain (sites alias): exact match, served as the site's live version.
            guard let name = HostRoute.domainName(host) else {
                return .done(Self.page(.notFound, title: "Site not found", text: "No site is served at this address."))
            }
            let target: ServingTable.AliasTarget?
            if let loaded = known.alias {
                target = loaded
            } else if let cached = table.cachedAlias(name) {
                target = cached
            } else {
                return .needAlias(name)
            }
            guard let target else {
                return .done(Self.page(.notFound, title: "Site not found", text: "No site is served at this address."))
            }
            if let other = target.redirectTo {
                // Same scheme and port as the request (a scheme-relative location); the query is added by the server.
                var headers = HTTPFields()
                // The request's port, as a number (`:080` is 80; none, empty or odd: none).
                let port = host.lastIndex(of: ":").flatMap { Int(host[host.index(after: $0)...]) }.map { (1...65535).contains($0) ? ":\($0)" : "" } ?? ""
                headers[.location] = "//" + other + port + (urlPath.hasPrefix("/") ? urlPath : "/" + urlPath)
                headers[.contentLength] = "0"
                headers[.cacheControl] = "public, max-age=300"
                var response = ServedResponse(status: .permanentRedirect, headers: headers, body: .none)
                response.site = target.site
                return .done(response)
            }
            route = HostRoute(site: target.site, target: .live)
        }
        let site: ServingTable.SiteInfo?
        if let loaded = known.site {
            site = loaded
        } else if let cached = table.cachedSite(named: route.site) {
            site = cached
        } else {
            return .needSite(route.site)
        }
        guard let site else {
            return .done(Self.page(.notFound, title: "Site not found", text: "There is no site named \(route.site)."))
        }
        if site.status == .disabled {
            var response = Self.page(.serviceUnavailable, title: "Down for maintenance",
                text: "\(site.name) is temporarily unavailable. Please try again later.")
            response.headers[.retryAfter] = "300"
            return Self.about(site, response)
        }
        let number: Int?
        switch route.target {
        case .live: number = site.live
        case .preview: number = site.preview
        case .version(let n): number = n
        }
        guard let number else {
            return Self.about(site, Self.page(.notFound, title: "Nothing deployed", text: "\(site.name) has no such version deployed."))
        }
        guard let version = known.version ?? table.cachedVersion(number, of: site) else { return .needVersion(site, number) }
        let lastModified = Self.lastModified(version, site: site, pointer: route.target != .version(number))
        let key = ServedVersions.Key(site: site.id, number: version.number, stamp: Int64(lastModified.date.timeIntervalSince1970))
        guard let prepared = known.prepared ?? versions.cached(key) else {
            return .needPrepared(site, version, lastModified)
        }
        let file: PreparedFile
        let status: HTTPResponse.Status
        switch StaticResponder.resolve(urlPath, exists: { prepared.files[$0] != nil }) {
        case .file(let path, let notFound):
            guard let found = prepared.files[path] else { return Self.about(site, Self.page(.notFound, title: "Page not found", text: "This page does not exist.")) }
            (file, status) = (found, notFound ? .notFound : .ok)
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            headers[.contentLength] = "0"
            return Self.about(site, ServedResponse(status: .movedPermanently, headers: headers, body: .none))
        case .notFound:
            return Self.about(site, Self.page(.notFound, title: "Page not found", text: "This page does not exist."))
        case .badRequest:
            return Self.about(site, Self.page(.badRequest, title: "Bad request", text: "That path is not valid."))
        }
        let reply = StaticResponder.reply(to: request, prepared: file, status: status)
        guard let body = reply.body else {
            return Self.about(site, ServedResponse(status: reply.status, headers: reply.added, body: .none, prepared: file, block: reply.block))
        }
        if body.size > streamThreshold, let local = artifacts.blobs.localPath(body.digest) {
            return Self.about(site, ServedResponse(
                status: reply.status, headers: reply.added, body: .file(path: local, range: body.range ?? 0...(body.size - 1)), prepared: file,
                block: reply.block))
        }
        let buffer: ByteBuffer
        if let loaded = known.body, loaded.digest == body.digest {
            buffer = loaded.buffer
        } else if let cached = bodies.cached(body.digest) {
            buffer = cached
        } else {
            return .needBody(body.digest)
        }
        guard buffer.readableBytes == body.size else {
            return Self.about(site, Self.page(.serviceUnavailable, title: "Temporarily unavailable", text: "This page cannot be served right now."))
        }
        var sent = buffer
        if let range = body.range, let slice = buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count) { sent = slice }
        return Self.about(site, ServedResponse(status: reply.status, headers: reply.added, body: .buffer(sent), prepared: file, block: reply.block))
    }

    /// The version's manifest with every file's response fields prepared, loaded once per version.
    /// `Last-Modified` of a version served at `vN--` (its creation), or through the live or preview pointer (no
    /// older than the pointer's last move).
    static func lastModified(_ version: ServingTable.VersionInfo, site: ServingTable.SiteInfo, pointer: Bool) -> (text: String, date: Date) {
        guard pointer, site.updatedAt > version.lastModified.date else { return version.lastModified }
        return (HTTPDate.format(site.updatedAt), site.updatedAt)
    }

    private func prepared(
        site: ServingTable.SiteInfo, version: ServingTable.VersionInfo, lastModified: (text: String, date: Date)
    ) async throws -> ServedVersion {
        let key = ServedVersions.Key(site: site.id, number: version.number, stamp: Int64(lastModified.date.timeIntervalSince1970))
        if let cached = versions.cached(key) { return cached }
        let artifacts = artifacts
        let extra = Self.defaultHeaders
        let prepared = try await NIOThreadPool.singleton.runIfActive {
            let manifest = try artifacts.manifest(version.manifest)
            return ServedVersion(
                manifest: manifest, lastModified: lastModified, extraHeaders: extra, rules: Self.headerRules(manifest, artifacts: artifacts))
        }
        versions.insert(key, prepared)
        return prepared
    }

    /// Maps a URL path to an output path: `/` → `index.html`, `/a/` → `a/index.html`; nil for traversal attempts.
    package static func outputPath(_ urlPath: String) -> String? {
        // Most paths need no decoding; Foundation's decoder is the slow part of this function.
        guard let decoded = urlPath.utf8.contains(UInt8(ascii: "%")) ? urlPath.removingPercentEncoding : urlPath else { return nil }
        var path = decoded
        while path.hasPrefix("/") { path.removeFirst() }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) || path.contains("\u{0}") || path.contains("\\") { return nil }
        if path.isEmpty { return "index.html" }
        if path.hasSuffix("/") { return path + "index.html" }
        return path
    }


    static func page(_ status: HTTPResponse.Status, title: String, text: String) -> ServedResponse {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(title)</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#111827}
            h1{font-size:1.6rem}p{color:#4b5563}</style></head><body><main><h1>\(title)</h1><p>\(text)</p></main></body></html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(html.utf8.count)
        return ServedResponse(status: status, headers: headers, body: .buffer(ByteBuffer(string: html)))
    }
}

extension SiteServing {
    /// The version's `_headers` (the theme's and the site's header rules), if it has one that parses.
    static func headerRules(_ manifest: Manifest, artifacts: ArtifactStore) -> HeaderRules? {
        guard let entry = manifest.entries.first(where: { $0.path == HeaderRules.fileName }), entry.size <= 1 << 20,
            let data = try? artifacts.blobs.get(entry.digest)
        else { return nil }
        do {
            return try HeaderRules.parse(String(decoding: data, as: UTF8.self))
        } catch {
            Logger(label: "sitectl.serving").warning("a version's _headers does not parse; it is ignored", metadata: ["error": .string("\(error)")])
            return nil
        }
    }
}

/// A version's files by output path, each with its response fields prepared (``PreparedFile``).
final class ServedVersion: Sendable {
    let files: [String: PreparedFile]

    init(manifest: Manifest, lastModified: (text: String, date: Date), extraHeaders: [(HTTPField.Name, String)], rules: HeaderRules? = nil) {
        var files: [String: PreparedFile] = [:]
        files.reserveCapacity(manifest.entries.count)
        for entry in manifest.entries where files[entry.path] == nil {
            // The rules file is read here, never served.
            if entry.path == HeaderRules.fileName { continue }
            let changes = rules.map { $0.headers(for: Self.urlPaths(entry.path)) }
            files[entry.path] = PreparedFile(ServedFile(entry: entry, lastModified: lastModified), extraHeaders: extraHeaders, changes: changes)
        }
        self.files = files
    }

    /// The URL paths a file answers: `/blog/index.html` also as `/blog/`.
    static func urlPaths(_ path: String) -> [String] {
        if path == "index.html" { return ["/", "/index.html"] }
        if path.hasSuffix("/index.html") { return ["/" + path.dropLast("index.html".count), "/" + path] }
        return ["/" + path]
    }
}

/// Prepared versions by site id and number; versions are immutable (a deleted one is no longer routed to by
/// ``ServingTable``), so entries never go stale.
final class ServedVersions: Sendable {
    struct Key: Hashable, Sendable {
        var site: Int64
        var number: Int
        /// The `Last-Modified` second the files were prepared with.
        var stamp: Int64
    }

    private let entries = Mutex<[Key: ServedVersion]>([:])
    private let limit = 256

    func cached(_ key: Key) -> ServedVersion? { entries.withLock { $0[key] } }

    func insert(_ key: Key, _ version: ServedVersion) {
        entries.withLock { dict in
            if dict.count >= limit { dict.removeAll() }
            dict[key] = version
        }
    }
}

/// Parsed `Host` values (a few distinct ones serve every request; parsing lower-cases and slices each time).
final class HostRoutes: Sendable {
    private let parsed = Mutex<[String: HostRoute]>([:])

    func route(host: String, domain: String) -> HostRoute? {
        if let known = parsed.withLock({ $0[host] }) { return known }
        guard let route = HostRoute(host: host, domain: domain) else { return nil }
        parsed.withLock { dict in
            if dict.count >= 4096 { dict.removeAll() }
            dict[host] = route
        }
        return route
    }
}
