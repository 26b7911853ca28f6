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

    func run() async throws {
        let source = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yaml").path) else {
            throw ClientError("\(directory) has no site.yaml.", hint: "sitectl build path/to/site --out dist", exitCode: ClientError.Exit.usage)
        }
        guard let themes = ThemeLibrary.locateBuiltin() else {
            throw ClientError("Cannot find the built-in themes.", hint: "Set SITECTL_THEMES_DIR to the themes/ folder.")
        }
        let files = try SiteFiles.load(from: source).filteringHidden()
        let compiler = SiteCompiler(themes: ThemeLibrary(directories: [themes]))
        let result: CompileResult
        do {
            result = try compiler.compile(files, options: CompileOptions(drafts: drafts))
        } catch let failure as CompileFailure {
            failure.diagnostics.forEach { Terminal.err($0.formatted) }
            throw ClientError("The build failed with \(failure.diagnostics.filter { $0.severity == .error }.count) error(s).")
        }
        let findings = result.diagnostics + LinkChecker.check(result.output)
        findings.forEach { Terminal.err($0.formatted) }
        let outURL = URL(fileURLWithPath: out)
        try result.output.write(to: outURL)
        if !global.quiet {
            Terminal.err("Built \(result.pages.count) pages into \(out)/ (\(result.output.files.count) files).")
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

extension SiteFiles {
    /// Drops hidden files and folders (`.git`, `.DS_Store`) of a working folder.
    func filteringHidden() -> SiteFiles {
        SiteFiles(files.filter { path, _ in !path.split(separator: "/").contains { $0.hasPrefix(".") } })
    }
}
