import Foundation
import Hummingbird
import NIOCore
import SiteCompiler

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
        let raw = request.uri.path.removingPercentEncoding ?? request.uri.path
        var path = String(raw.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if output[path] == nil, output[path + "/index.html"] != nil {
            // Built from `path`, which has no leading slash: echoing the request's `//host/dir` (or `/%2F%2Fhost/dir`)
            // would be a protocol-relative redirect to another host.
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            return Response(status: .movedPermanently, headers: [.location: "/" + encoded + "/"])
        }
        guard let data = output[path] else {
            return file(output["404.html"] ?? Data("Not found\n".utf8), path: "404.html", status: .notFound)
        }
        return file(data, path: path, status: .ok)
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

    private func file(_ data: Data, path: String, status: HTTPResponse.Status) -> Response {
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
        return Response(
            status: status,
            headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// Long-polls the reload endpoint and reloads the page once the generation moves past the one it was served at.
    static func reloadScript(generation: Int) -> String {
        """
        <script>(function(){var g=\(generation);function poll(){fetch("\(reloadPath)?since="+g,{cache:"no-store"})\
        .then(function(r){return r.text()}).then(function(t){var n=parseInt(t,10);\
        if(n>g){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>

        """
    }

    private static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return types[ext] ?? "application/octet-stream"
    }

    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json", "xml": "application/xml",
        "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "pdf": "application/pdf",
    ]
}
