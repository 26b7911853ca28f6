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
    @Flag(help: "Ignore the build cache and render every page (a full build); the output folder ends up exactly as the build made it (other files in it are removed).")
    var clean = false
    @Option(help: "Build cache folder (default: DIR/.sitectl/cache/…, or $XDG_CACHE_HOME/sitectl when DIR is read-only); never inside OUT.")
    var cacheDir: String?

    func run() async throws {
        var early = PhaseTimer()
        let source = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("site.yaml").path) else {
            throw ClientError("\(directory) has no site.yaml.", hint: "sitectl build path/to/site --out dist", exitCode: ClientError.Exit.usage)
        }
        let library = try ThemesCommand.builtinLibrary()
        let compiler = SiteCompiler(themes: library)
        let outURL = URL(fileURLWithPath: out)
        // A build makes the output folder hold only the site: it must never be the source or a folder above it.
        if CacheLocation.isInside(source, outURL) {
            throw ClientError(
                "The output folder \(out) holds the site's source (\(directory)); a build would replace it with the built site.",
                hint: "give the output a folder of its own, e.g. --out \(directory == "." ? "" : directory + "/")dist",
                exitCode: ClientError.Exit.usage)
        }
        if let cacheDir {
            let cache = URL(fileURLWithPath: cacheDir)
            if CacheLocation.isInside(cache, outURL) {
                throw ClientError(
                    "The build cache \(cacheDir) is inside the output folder \(out) (links followed).",
                    hint: "the output holds only the site; leave out --cache-dir, or put it elsewhere", exitCode: ClientError.Exit.usage)
            }
            if CacheLocation.isInside(source, cache) || !CacheLocation.isUsableForCache(cache) {
                throw ClientError(
                    "The build cache needs a folder of its own; \(cacheDir) holds other files.",
                    hint: "give --cache-dir a new or empty folder (the cache writes manifest.txt and records there)",
                    exitCode: ClientError.Exit.usage)
            }
        }
        let cacheURL = cacheDir.map { URL(fileURLWithPath: $0) } ?? CacheLocation.folder(source: source, output: outURL)
        // One build at a time per cache (the same site into the same output).
        let lock = CacheLock.acquire(in: cacheURL) {
            if !global.quiet { Terminal.err("Waiting for another build of \(directory) into \(out) to finish…") }
        }
        defer { withExtendedLifetime(lock) {} }
        // Earlier versions kept the cache inside the output folder; it is ours to remove.
        try? FileManager.default.removeItem(at: outURL.appendingPathComponent(CacheLocation.legacyFolderName))
        let options = CompileOptions(drafts: drafts, future: future)
        // The manifest and the page cache are read on the other core while the source folder is scanned.
        let clean = clean
        let manifestLoad = Task.detached { clean ? nil : BuildManifest.load(from: cacheURL) }
        // Everything the output depends on besides the source files and the clock.
        let key = BuildManifest.key(
            parts: ["drafts=\(drafts) future=\(future)", outURL.standardizedFileURL.path,
                    Bundle.main.executablePath.flatMap(FileStamp.of).map { "\($0.size) \($0.modified)" } ?? "-"]
                + library.directories.map(BuildManifest.stampsPart(of:)))
        let pageCache = Task.detached { clean ? [:] : ParsedPageCache.load(from: cacheURL, key: key) }
        let scanned = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let scan = SourceScan(
            root: source, excluding: [outURL.standardizedFileURL.path, cacheURL.standardizedFileURL.path])
        early.mark("scan sources")
        Links.warnSkipped(scan.skippedLinks)
        if let (first, second) = scan.equivalentNames.first {
            throw ClientError(
                "\(first) and \(second) are the same name spelled with different Unicode code points (NFC and NFD).",
                hint: "keep one of them; a site cannot tell the two apart", exitCode: ClientError.Exit.usage)
        }
        // Only a manifest of a build into this same folder says what is in it.
        let outputRoot = outURL.standardizedFileURL.path
        let previousManifest = await manifestLoad.value.flatMap { $0.outputRoot == outputRoot ? $0 : nil }
        // A build that did not finish may have saved records for output it never wrote: its manifest still says
        // which files are ours, but none of them is trusted to be current.
        let interrupted = BuildManifest.isUnfinished(in: cacheURL)
        let trusted = interrupted ? nil : previousManifest
        early.mark("load manifest")
        // A clean build renders everything but leaves files whose bytes come out the same untouched (no new inodes,
        // unchanged modification times for rsync), and removes every file it does not produce.
        if !clean, let manifest = trusted,
            manifest.isCurrent(key: key, scan: scan, source: source, output: outURL, now: options.now)
        {
            // Nothing changed since the last build, and its output is still in place.
            manifest.diagnostics.forEach { Terminal.err($0) }
            if !global.quiet {
                Terminal.err(
                    "Built \(manifest.pageCount) pages into \(out)/ (\(manifest.fileCount) files, 0 written, 0 removed); "
                        + "0 pages rendered, \(manifest.layoutCount) reused (nothing changed).")
            }
            return
        }
        early.mark("up to date?")
        // The build records (the largest part of the cache) are read on the other core while sources are read.
        let records = Task.detached { clean ? nil : RecordStore(directory: cacheURL).memo() }
        try BuildManifest.markUnfinished(in: cacheURL)
        var timer = PhaseTimer()
        // Content files parsed by an earlier build and untouched since (and not within the clock's resolution of
        // that build's scan) are not read: their pages come from the page cache.
        let parsed = ParsedPageCache.current(await pageCache.value, stamps: scan.stamps)
        timer.mark("page cache")
        let files = try SiteFiles.load(from: source, paths: scan.stamps.keys.filter { parsed[$0] == nil })
        let root = source.standardizedFileURL.path
        let realRoot = SourceScan.realPath(root) ?? root
        let cached = CachedSources(pages: parsed) { path in
            try? SiteFiles.readInside(root + "/" + path, root: realRoot).get()
        }
        timer.mark("read sources")
        let builder = IncrementalBuilder(compiler: compiler, cacheURL: cacheURL)
        let result: CompileResult
        let stats: CompileStats
        do {
            // Pages whose files are still as the last build wrote them may be kept rather than rendered again.
            let previous = trusted.map { IncrementalBuilder.PreviousOutput.folder(outURL, stamps: $0.outputs) }
            timer.mark("stat outputs")
            (result, stats) = try builder.build(
                source: files, options: options, clean: clean, previous: previous ?? .none, cached: cached,
                records: await records.value)
        } catch let failure as CompileFailure {
            // Nothing was written (records nor output): the earlier build's state stands as it was.
            if !interrupted { BuildManifest.clearUnfinished(in: cacheURL) }
            failure.diagnostics.forEach { Terminal.err($0.formatted) }
            throw ClientError("The build failed with \(failure.diagnostics.filter { $0.severity == .error }.count) error(s).")
        }
        timer.mark("compile")
        result.diagnostics.forEach { Terminal.err($0.formatted) }
        let previousFiles = clean ? nil : previousManifest?.outputFiles
        let written: OutputSync.Summary
        do {
            // Without a manifest of an earlier build into this folder, files there are not known to be ours: they
            // stay unless the build is --clean.
            written = try OutputSync.write(
                result.output, to: outURL, unchanged: result.kept, listed: previousFiles, removingUnknown: clean)
        } catch {
            let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? out
            throw ClientError(
                "Could not write \(path): \((error as NSError).localizedFailureReason ?? "the file or its folder could not be made").",
                hint: "a file or folder of the same name may be in the way; sitectl build --clean replaces what is in \(out)")
        }
        if written.leftAlone > 0, !global.quiet {
            Terminal.err(
                "Note: \(written.leftAlone) file(s) in \(out)/ were not made by this build and were left as they are; "
                    + "sitectl build --clean removes them.")
        }
        timer.mark("write output")
        var manifest = BuildManifest()
        manifest.key = key
        manifest.outputRoot = outputRoot
        manifest.expires = result.expires
        manifest.pageCount = result.pages.count
        manifest.fileCount = result.output.files.count + result.kept.count
        manifest.layoutCount = stats.pagesRendered + stats.pagesReused
        manifest.diagnostics = result.diagnostics.map(\.formatted)
        manifest.recordSources(scan, files: files, scanned: scanned)
        // Kept pages were checked against the last manifest at the start of this build and not written since.
        let known = clean ? [:] : trusted.map { previous in previous.outputs.filter { result.kept.contains($0.key) } } ?? [:]
        manifest.recordOutputs(Array(result.output.files.keys) + result.kept, in: outURL, known: known)
        // The page cache is written on the other core. Only files older than the clock's resolution before the
        // scan are in it: a rewrite with the same stamp is then impossible to miss.
        // It is rewritten only when enough files were parsed that it does not hold: a one-page edit re-reads its
        // page next time rather than rewrite ten thousand entries.
        let settled = scan.stamps.filter { $0.value.latest < scanned - BuildManifest.racyWindow }
        let parsedPages = result.parsedPages
        let fresh = parsedPages.keys.count { parsed[$0] == nil && settled[$0] != nil }
        let worthSaving = parsed.isEmpty ? !parsedPages.isEmpty : fresh >= max(16, parsed.count / 100)
        let pagesSaved = Task.detached {
            if worthSaving { try? ParsedPageCache.save(parsedPages, stamps: settled, key: key, to: cacheURL) }
        }
        try manifest.save(to: cacheURL)
        BuildManifest.clearUnfinished(in: cacheURL)
        await pagesSaved.value
        timer.mark("manifest")
        if !global.quiet {
            Terminal.err(
                "Built \(result.pages.count) pages into \(out)/ (\(result.output.files.count + result.kept.count) files, "
                    + "\(written.changed) written, \(written.removed) removed); "
                    + "\(stats.pagesRendered) pages rendered, \(stats.pagesReused) reused."
            )
        }
        // Everything is written: end the process here rather than free the build's hundreds of thousands of
        // objects one by one on the way out (a tenth of a one-page-edit rebuild), as compilers do.
        if ProcessInfo.processInfo.environment["SITECTL_FREE_ON_EXIT"] == nil { Foundation.exit(0) }
    }
}

extension SiteFiles {
    /// Drops hidden files and folders (`.git`, `.DS_Store`) of a working folder.
    func filteringHidden() -> SiteFiles {
        SiteFiles(files.filter { path, _ in !path.split(separator: "/").contains { $0.hasPrefix(".") } })
    }
}
