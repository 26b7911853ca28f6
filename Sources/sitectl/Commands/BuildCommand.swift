import ArgumentParser
import Foundation
import SiteClient
import SiteCompiler

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Compile a site folder to static files (no daemon needed).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Site folder (site.yaml, content/, static/).") var directory = "."
    @Option(help: "Output folder.") var out = "dist"
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Include pages dated in the future.") var future = false
    @Flag(help: "Empty the output folder and the build cache first (a full build).") var clean = false
    @Option(help: "Build cache folder (default: OUT/.sitectl-cache).") var cacheDir: String?

    func run() async throws {
        let source = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yaml").path) else {
            throw ClientError("\(directory) has no site.yaml.", hint: "sitectl build path/to/site --out dist", exitCode: ClientError.Exit.usage)
        }
        let compiler = SiteCompiler(themes: try ThemesCommand.builtinLibrary())
        let files = try SiteFiles.load(from: source).filteringHidden()
        let outURL = URL(fileURLWithPath: out)
        let cacheURL = cacheDir.map { URL(fileURLWithPath: $0) }
            ?? outURL.appendingPathComponent(IncrementalBuilder.cacheFolderName)
        if clean, FileManager.default.fileExists(atPath: outURL.path) {
            try FileManager.default.removeItem(at: outURL)
        }
        let builder = IncrementalBuilder(compiler: compiler, cacheURL: cacheURL)
        let result: CompileResult
        let stats: CompileStats
        do {
            (result, stats) = try builder.build(
                source: files, options: CompileOptions(drafts: drafts, future: future), clean: clean)
        } catch let failure as CompileFailure {
            failure.diagnostics.forEach { Terminal.err($0.formatted) }
            throw ClientError("The build failed with \(failure.diagnostics.filter { $0.severity == .error }.count) error(s).")
        }
        result.diagnostics.forEach { Terminal.err($0.formatted) }
        let written = try OutputSync.write(result.output, to: outURL, keeping: [IncrementalBuilder.cacheFolderName])
        if !global.quiet {
            Terminal.err(
                "Built \(result.pages.count) pages into \(out)/ (\(result.output.files.count) files, "
                    + "\(written.changed) written, \(written.removed) removed); "
                    + "\(stats.pagesRendered) pages rendered, \(stats.pagesReused) reused."
            )
        }
    }
}

extension SiteFiles {
    /// Drops hidden files and folders (`.git`, `.DS_Store`) of a working folder.
    func filteringHidden() -> SiteFiles {
        SiteFiles(files.filter { path, _ in !path.split(separator: "/").contains { $0.hasPrefix(".") } })
    }
}
