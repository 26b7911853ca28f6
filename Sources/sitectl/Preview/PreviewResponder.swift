import Foundation
import Hummingbird
import NIOCore
import SiteCompiler
import SiteServer

/// Answers `sitectl serve` requests from the in-memory build: `/x/` → `x/index.html`, unknown paths → `404.html`
/// with status 404, and (when watching) a live-reload script in every HTML page plus the long-poll endpoint it calls.
struct PreviewResponder: Sendable {
    /// The endpoint the reload script polls.
    static let reloadPath = "/__sitectl/reload"
    /// Longest a reload request waits before answering "no change".
    static let reloadWait: Duration = .seconds(20)

    let site: PreviewSite
    let liveReload: Bool

    /// The file at the request's path.
    func respond(to request: Request) -> Response {
        let output = site.output
        // The daemon's site server's path mapping (traversal refused, `/x` → 301 `/x/`, the site's 404.html).
        switch StaticResponder.resolve(request.uri.path, exists: { output[$0] != nil }) {
        case .file(let path, let notFound):
            return file(output[path] ?? Data(), path: path, status: notFound ? .notFound : .ok, request: request)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            return file(Data("Not found\n".utf8), path: "404.txt", status: .notFound, request: request)
        case .badRequest:
            return file(Data("Bad request\n".utf8), path: "400.txt", status: .badRequest, request: request)
        }
    }

    /// Waits until the site is rebuilt after generation `since` (or a timeout, or shutdown) and answers with the
    /// current generation.
    func waitForReload(_ request: Request) async throws -> Response {
        let since = request.uri.queryParameters.get("since").flatMap { Int($0) } ?? -1
        let deadline = ContinuousClock.now + Self.reloadWait
        while site.generation <= since, !site.isStopping, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: String(site.generation)))
        )
    }

    /// The file through the daemon's own responder (``StaticResponder``): ETag and 304, `Range` and 206/416, the
    /// security headers; `no-cache` so every load revalidates against the latest build.
    private func file(_ data: Data, path: String, status: HTTPResponse.Status, request: Request) -> Response {
        let type = Self.contentType(of: path)
        var bytes = data
        if liveReload, type.hasPrefix("text/html") {
            var html = String(decoding: data, as: UTF8.self)
            let script = Self.reloadScript(generation: site.generation)
            if let end = html.range(of: "</body>", options: .backwards) {
                html.insert(contentsOf: script, at: end.lowerBound)
            } else {
                html += script
            }
            bytes = Data(html.utf8)
        }
        let prepared = PreparedFile(
            ServedFile(entry: Manifest.Entry(path: path, digest: Digest.sha256Hex(bytes), size: bytes.count), lastModified: nil),
            extraHeaders: SiteServing.defaultHeaders)
        let reply = StaticResponder.reply(
            to: StaticRequest(
                isHead: false, range: request.headers[.range], ifRange: request.headers[.ifRange],
                ifNoneMatch: request.headers[.ifNoneMatch]),
            prepared: prepared, status: status)
        var headers = reply.headers
        headers[.cacheControl] = "no-cache"
        var body = ByteBuffer()
        if let sent = reply.body {
            let range = sent.range ?? 0...(max(bytes.count, 1) - 1)
            body = ByteBuffer(bytes: bytes.isEmpty ? Data() : bytes[range])
        }
        headers[.contentLength] = nil
        return Response(status: reply.status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Long-polls the reload endpoint and reloads the page once the generation moves past the one it was served at.
    static func reloadScript(generation: Int) -> String {
        """
        <script>(function(){var g=\(generation);function poll(){fetch("\(reloadPath)?since="+g,{cache:"no-store"})\
        .then(function(r){return r.text()}).then(function(t){var n=parseInt(t,10);\
        if(n>g){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>

        """
    }

    private static func contentType(of path: String) -> String { MediaType.forPath(path) }
}
