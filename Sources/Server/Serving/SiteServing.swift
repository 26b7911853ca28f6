import HTTPTypes
import Foundation
import SiteAPI
package import GRDB
package import Hummingbird
import NIOCore
import Synchronization
import Logging

/// Serves deployed sites by `Host` from their versions' output manifests, with ETag/304 and custom 404/503 pages.
package struct SiteServing: Sendable {
    let db: any DatabaseReader
    let artifacts: ArtifactStore
    let domain: String
    private let manifests = ManifestCache()

    package init(db: any DatabaseReader, artifacts: ArtifactStore, domain: String) {
        self.db = db
        self.artifacts = artifacts
        self.domain = domain
    }

    /// The response for `request`, always with ``defaultHeaders``: file, redirect, 304, or a built-in error page.
    package func respond(to request: Request) async throws -> Response {
        var response = try await route(request)
        for (name, value) in Self.defaultHeaders where response.headers[name] == nil {
            response.headers[name] = value
        }
        return response
    }

    /// Sent with every served response unless it already has the field (documented in docs/security.md, "Response
    /// headers"): no MIME sniffing, no full URLs in the `Referer` sent to other sites, no framing by other origins.
    static let defaultHeaders: [(HTTPField.Name, String)] = [
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "strict-origin-when-cross-origin"),
        (HTTPField.Name("X-Frame-Options")!, "SAMEORIGIN"),
        (.contentSecurityPolicy, "frame-ancestors 'self'"),
    ]

    private func route(_ request: Request) async throws -> Response {
        guard let host = Self.hostHeader.flatMap({ request.headers[$0] }) ?? request.head.authority, let route = HostRoute(host: host, domain: domain) else {
            return Self.page(.notFound, title: "Site not found", text: "No site is served at this address.")
        }
        let site = try await db.read { db in try SiteRecord.filter(Column("name") == route.site).fetchOne(db) }
        guard let site, let siteID = site.id else {
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
        case .live: number = site.liveVersion
        case .preview: number = site.previewVersion
        case .version(let n): number = n
        }
        guard let number,
            let digest = try await db.read({ db in
                try String.fetchOne(
                    db, sql: "SELECT output_manifest FROM versions WHERE site_id = ? AND number = ?", arguments: [siteID, number])
            })
        else {
            return Self.page(.notFound, title: "Nothing deployed", text: "\(site.name) has no such version deployed.")
        }
        do {
            let manifest = try manifests.get(digest) { try artifacts.manifest(digest) }
            return try file(request: request, manifest: manifest)
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

    private func file(request: Request, manifest: Manifest) throws -> Response {
        guard let path = Self.outputPath(request.uri.path) else {
            return Self.page(.badRequest, title: "Bad request", text: "That path is not valid.")
        }
        if let entry = manifest.entry(for: path) {
            return try serve(entry, request: request, status: .ok)
        }
        if !path.isEmpty, !path.hasSuffix("/"), manifest.entry(for: path + "/index.html") != nil {
            // `outputPath` dropped every leading slash, so `//host/dir` cannot become a redirect to another host;
            // the (decoded) path is encoded again for the header.
            var headers = HTTPFields()
            headers[.location] = "/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "/"
            return Response(status: .movedPermanently, headers: headers)
        }
        if let notFound = manifest.entry(for: "404.html") {
            return try serve(notFound, request: request, status: .notFound)
        }
        return Self.page(.notFound, title: "Page not found", text: "This page does not exist.")
    }

    private func serve(_ entry: Manifest.Entry, request: Request, status: HTTPResponse.Status) throws -> Response {
        let etag = "\"\(entry.digest.prefix(32))\""
        var headers = HTTPFields()
        headers[.contentType] = MediaType.forPath(entry.path)
        headers[.eTag] = etag
        headers[.cacheControl] = entry.path.hasSuffix(".html") ? "no-cache" : "public, max-age=300"
        if status == .ok, let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" })
        {
            return Response(status: .notModified, headers: headers)
        }
        let data = try artifacts.blobs.get(entry.digest)
        headers[.contentLength] = String(data.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Maps a URL path to an output path: `/` → `index.html`, `/a/` → `a/index.html`; nil for traversal attempts.
    package static func outputPath(_ urlPath: String) -> String? {
        guard let decoded = urlPath.removingPercentEncoding else { return nil }
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

/// Decoded manifests by digest; manifests are immutable, so entries never go stale.
final class ManifestCache: Sendable {
    private let entries = Mutex<[String: Manifest]>([:])
    private let limit = 256

    func get(_ digest: String, load: () throws -> Manifest) throws -> Manifest {
        if let cached = entries.withLock({ $0[digest] }) { return cached }
        let manifest = try load()
        entries.withLock { dict in
            if dict.count >= limit { dict.removeAll() }
            dict[digest] = manifest
        }
        return manifest
    }
}
