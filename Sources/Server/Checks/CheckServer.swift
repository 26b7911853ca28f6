import Foundation
import Hummingbird
import Logging
import NIOCore
import SiteCompiler
import Synchronization

/// A throwaway loopback HTTP server for a compiled output tree, used by ``BrowserCheck``.
///
/// It serves files from memory (so root-absolute links such as `/assets/site.css` resolve as on the real host),
/// records every request it cannot answer (the reliable way to see a page's failed requests), and injects a tiny
/// script into HTML pages that tags `console.error` output so it can be told apart from `console.log` in Chromium's log.
final class CheckServer: Sendable {
    let output: SiteFiles
    let misses = Mutex<[String]>([])

    init(output: SiteFiles) { self.output = output }

    /// Prefix the injected shim adds to `console.error` messages.
    static let consoleErrorTag = "[console.error] "

    static let shim = """
        <script>(function(){var e=console.error;console.error=function(){var a=Array.prototype.slice.call(arguments);\
        e.call(console,"\(consoleErrorTag)"+a.map(String).join(" "))}})()</script>
        """

    /// Returns and clears the paths that were requested but not found.
    func takeMisses() -> [String] {
        misses.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }

    /// Runs the server on an ephemeral loopback port; `body` gets the port and runs while the server is up.
    func run<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        let router = Router()
        let server = self
        router.get("/") { request, _ in server.respond(request) }
        router.get("**") { request, _ in server.respond(request) }
        var logger = Logger(label: "sitectl.browser-check")
        logger.logLevel = .critical  // cancelling the server at the end logs harmless "already closed" errors
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "sitectl-check"),
            onServerRunning: { channel in
                sink.yield(channel.localAddress?.port ?? 0)
                sink.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                defer { sink.finish() }
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var port = 0
            for await value in ports { port = value }
            guard port > 0 else {
                group.cancelAll()
                throw BrowserCheckError("the check server did not start")
            }
            let result = try await body(port)
            group.cancelAll()
            return result
        }
    }

    private func respond(_ request: Request) -> Response {
        let urlPath = request.uri.path
        // The same path mapping as the site server; a folder without its slash is served as the folder's page
        // (the browser's relative links then resolve as on the real host after its redirect).
        let path: String
        switch StaticResponder.resolve(urlPath, exists: { output.files[$0] != nil }) {
        case .file(let found, notFound: false): path = found
        case .redirect(let location): path = String(location.dropFirst()) + "index.html"
        default:
            if urlPath != "/favicon.ico" { misses.withLock { $0.append(urlPath) } }
            return Response(status: .notFound)
        }
        guard let data = output.files[path.removingPercentEncoding ?? path] ?? output.files[path] else {
            misses.withLock { $0.append(urlPath) }
            return Response(status: .notFound)
        }
        let type = MediaType.forPath(path)
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        let body = type.hasPrefix("text/html") ? Self.inject(data) : data
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Puts the console shim right after `<head…>` (or at the start when there is no head).
    static func inject(_ html: Data) -> Data {
        guard let text = String(data: html, encoding: .utf8) else { return html }
        if let head = text.range(of: "<head", options: .caseInsensitive),
            let close = text.range(of: ">", range: head.upperBound..<text.endIndex)
        {
            var copy = text
            copy.insert(contentsOf: shim, at: close.upperBound)
            return Data(copy.utf8)
        }
        return Data((shim + text).utf8)
    }
}

/// A browser check could not run (not a finding about the site).
struct BrowserCheckError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
