import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SiteClient
import SiteCompiler
import UnixSignals

/// `sitectl serve`: builds a site folder in memory and serves it locally; with `--watch`, rebuilds incrementally
/// after every save and reloads open browser tabs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a site folder on a local web server (no daemon needed).",
        discussion: """
            Builds DIR in memory and serves it at http://HOST:PORT/. With --watch, every saved change is rebuilt
            incrementally and open pages reload themselves. Ctrl-C stops the server.
            """)

    @Argument(help: "Site folder (site.yaml, content/, static/).") var directory = "."
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Flag(help: "Rebuild on changes and reload the browser.") var watch = false
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Include pages dated in the future.") var future = false

    func run() async throws {
        let source = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yaml").path) else {
            throw ClientError(
                "\(directory) has no site.yaml.", hint: "sitectl serve path/to/site --watch",
                exitCode: ClientError.Exit.usage)
        }
        let library = try ThemesCommand.builtinLibrary()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let build = PreviewBuild(
            directory: source,
            builder: IncrementalBuilder(compiler: SiteCompiler(themes: library), cacheURL: cache),
            drafts: drafts,
            future: future)
        guard let first = build.run() else { throw ClientError("The build failed; fix the errors above.") }
        let site = PreviewSite(output: first)

        var logger = Logger(label: "sitectl.serve")
        logger.logLevel = .error
        let responder = PreviewResponder(site: site, liveReload: watch)
        let router = Router()
        router.get(.init(stringLiteral: PreviewResponder.reloadPath)) { request, _ in
            try await responder.waitForReload(request)
        }
        for path in ["/", "**"] {
            router.get(.init(stringLiteral: path)) { request, _ in responder.respond(to: request) }
            router.head(.init(stringLiteral: path)) { request, _ in responder.respond(to: request) }
        }
        let host = host
        let watching = watch
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "sitectl"),
            onServerRunning: { channel in
                let shown = host.contains(":") ? "[\(host)]" : host
                Terminal.out("Serving http://\(shown):\(channel.localAddress?.port ?? 0)/")
                Terminal.err(watching ? "Watching for changes. Press Ctrl-C to stop." : "Press Ctrl-C to stop.")
            },
            logger: logger)
        var services: [any Service] = [app]
        if watch {
            services.append(
                SourceWatcher(
                    directory: source,
                    themeDirectories: library.directories,
                    rebuild: { if let output = build.run(previous: site.output) { site.update(output) } },
                    site: site))
        }
        // Services stop in reverse order: the watcher first, which releases waiting reload requests.
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// One build of a site folder for `sitectl serve`: reads the folder, builds incrementally and reports.
struct PreviewBuild: Sendable {
    let directory: URL
    let builder: IncrementalBuilder
    let drafts: Bool
    let future: Bool

    /// The new output, or nil (after printing the diagnostics) when the build failed. Pages whose inputs did not
    /// change since the build that gave `previous` are taken from it rather than rendered again.
    func run(previous: SiteFiles? = nil) -> SiteFiles? {
        do {
            let files = try SiteFiles.load(from: directory).filteringHidden()
            let earlier = previous.map { old in
                // Pages, feeds, sitemap and search index may be kept from the last build in memory.
                IncrementalBuilder.PreviousOutput(paths: Set(old.paths.filter(IncrementalBuilder.PreviousOutput.mayKeep))) {
                    old.text($0)
                }
            }
            let (result, stats) = try builder.build(
                source: files, options: CompileOptions(drafts: drafts, future: future), previous: earlier ?? .none)
            var output = result.output
            if let previous {
                for path in result.kept { output[path] = previous[path] }
            }
            result.diagnostics.forEach { Terminal.err($0.formatted) }
            Terminal.err("Built \(result.pages.count) pages: \(stats.pagesRendered) rendered, \(stats.pagesReused) reused.")
            return output
        } catch let failure as CompileFailure {
            failure.diagnostics.forEach { Terminal.err($0.formatted) }
            return nil
        } catch {
            Terminal.err("Error: \(error)")
            return nil
        }
    }
}
