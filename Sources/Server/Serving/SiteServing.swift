import HTTPTypes
import Foundation
import SiteAPI
package import GRDB
package import Hummingbird
import NIOCore
import Synchronization
import Logging
import NIOPosix

/// Serves deployed sites by `Host` from their versions' output manifests.
///
/// The hot path does no I/O: pointers come from ``ServingTable`` (in memory, invalidated as sites change),
/// manifests from ``ManifestCache`` and bodies from ``BodyCache``; HTTP semantics (conditional requests, Range,
/// compression negotiation, caching policy) are ``StaticResponder``'s. Files above `streamThreshold` are streamed
/// from the blob file instead of being held in memory.
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

    /// The response for `request`, always with ``defaultHeaders``: file, redirect, 304, or a built-in error page.
    package func respond(to request: Request, context: some RequestContext) async throws -> Response {
        var response = try await route(request, context: context)
        Self.addDefaultHeaders(&response.headers)
        return response
    }

    /// Adds ``defaultHeaders`` a response lacks (prepared files carry them already: one lookup says so).
    static func addDefaultHeaders(_ headers: inout HTTPFields) {
        if headers[defaultHeaders[0].0] != nil, headers[defaultHeaders[defaultHeaders.count - 1].0] != nil { return }
        for (name, value) in defaultHeaders where headers[name] == nil {
            headers[name] = value
        }
    }

    /// Loads every enabled site's live manifest (daemon start).
    package func warm() async throws {
        for (site, info) in try await table.warm() {
            _ = try? await prepared(site: site, version: info)
        }
    }

    /// Sent with every served response unless it already has the field (documented in docs/security.md, "Response
    /// headers"): no MIME sniffing, no full URLs in the `Referer` sent to other sites, no framing by other origins.
    static let defaultHeaders: [(HTTPField.Name, String)] = [
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "strict-origin-when-cross-origin"),
        (HTTPField.Name("X-Frame-Options")!, "SAMEORIGIN"),
        (.contentSecurityPolicy, "frame-ancestors 'self'"),
    ]

    /// The version's manifest with every file's response fields prepared, loaded once per version.
    private func prepared(site: ServingTable.SiteInfo, version: ServingTable.VersionInfo) async throws -> ServedVersion {
        let key = ServedVersions.Key(site: site.id, number: version.number)
        if let cached = versions.cached(key) { return cached }
        let artifacts = artifacts
        let extra = Self.defaultHeaders
        let prepared = try await NIOThreadPool.singleton.runIfActive {
            ServedVersion(manifest: try artifacts.manifest(version.manifest), lastModified: version.lastModified, extraHeaders: extra)
        }
        versions.insert(key, prepared)
        return prepared
    }

    private func route(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let host = Self.hostHeader.flatMap({ request.headers[$0] }) ?? request.head.authority, let route = routes.route(host: host, domain: domain) else {
            return Self.page(.notFound, title: "Site not found", text: "No site is served at this address.")
        }
        guard let site = try await table.site(named: route.site) else {
            return Self.page(.notFound, title: "Site not found", text: "There is no site named \(route.site).")
        }
        if site.status == .disabled {
            var response = Self.page(.serviceUnavailable, title: "Down for maintenance",
                text: "\(site.name) is temporarily unavailable. Please try again later.")
            response.headers[.retryAfter] = "300"
            return response
        }
        let number: Int?
        switch route.target {
        case .live: number = site.live
        case .preview: number = site.preview
        case .version(let n): number = n
        }
        guard let number, let version = try await table.version(number, of: site) else {
            return Self.page(.notFound, title: "Nothing deployed", text: "\(site.name) has no such version deployed.")
        }
        do {
            return try await file(request: request, context: context, version: try await prepared(site: site, version: version))
        } catch let error as BlobError {
            // A damaged or missing blob is the operator's to fix (sitectl doctor); the visitor gets a clear page.
            Logger(label: "sitectl.serving").error(
                "blob unreadable while serving", metadata: ["site": .string(site.name), "version": .stringConvertible(number), "error": .string("\(error)")])
            var response = Self.page(
                .serviceUnavailable, title: "Temporarily unavailable",
                text: "This page cannot be served right now. The site's operator has been told.")
            response.headers[.retryAfter] = "60"
            return response
        }
    }

    private func file(request: Request, context: some RequestContext, version: ServedVersion) async throws -> Response {
        guard let path = Self.outputPath(request.uri.path) else {
            return Self.page(.badRequest, title: "Bad request", text: "That path is not valid.")
        }
        if let file = version.files[path] {
            return try await serve(file, request: request, context: context, status: .ok)
        }
        if !path.isEmpty, !path.hasSuffix("/"), version.files[path + "/index.html"] != nil {
            // `outputPath` dropped every leading slash, so `//host/dir` cannot become a redirect to another host;
            // the (decoded) path is encoded again for the header.
            var headers = HTTPFields()
            headers[.location] = "/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "/"
            return Response(status: .movedPermanently, headers: headers)
        }
        if let notFound = version.files["404.html"] {
            return try await serve(notFound, request: request, context: context, status: .notFound)
        }
        return Self.page(.notFound, title: "Page not found", text: "This page does not exist.")
    }

    private func serve(_ file: PreparedFile, request: Request, context: some RequestContext, status: HTTPResponse.Status) async throws -> Response {
        let reply = StaticResponder.reply(to: request, prepared: file, status: status)
        guard let body = reply.body else { return Response(status: reply.status, headers: reply.headers) }
        let blobs = artifacts.blobs
        if body.size > streamThreshold, let path = blobs.localPath(body.digest) {
            let range = body.range ?? 0...(body.size - 1)
            let stream = try await FileIO().loadFile(path: path, range: range, context: context)
            return Response(status: reply.status, headers: reply.headers, body: stream)
        }
        let digest = body.digest
        var buffer = try await bodies.body(digest) { try blobs.read(digest) }
        guard buffer.readableBytes == body.size else { throw BlobError.corrupt(digest) }
        if let range = body.range {
            buffer = buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count) ?? buffer
        }
        return Response(status: reply.status, headers: reply.headers, body: .init(byteBuffer: buffer))
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

    /// HTTP/1 requests carry `Host` as the authority; this covers requests built without one (tests, proxies).
    static let hostHeader = HTTPField.Name("Host")

    static func page(_ status: HTTPResponse.Status, title: String, text: String) -> Response {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(title)</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#111827}
            h1{font-size:1.6rem}p{color:#4b5563}</style></head><body><main><h1>\(title)</h1><p>\(text)</p></main></body></html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A version's files by output path, each with its response fields prepared (``PreparedFile``).
final class ServedVersion: Sendable {
    let files: [String: PreparedFile]

    init(manifest: Manifest, lastModified: (text: String, date: Date), extraHeaders: [(HTTPField.Name, String)]) {
        var files: [String: PreparedFile] = [:]
        files.reserveCapacity(manifest.entries.count)
        for entry in manifest.entries where files[entry.path] == nil {
            files[entry.path] = PreparedFile(ServedFile(entry: entry, lastModified: lastModified), extraHeaders: extraHeaders)
        }
        self.files = files
    }
}

/// Prepared versions by site id and number; versions are immutable (a deleted one is no longer routed to by
/// ``ServingTable``), so entries never go stale.
final class ServedVersions: Sendable {
    struct Key: Hashable, Sendable {
        var site: Int64
        var number: Int
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
