import HTTPTypes
package import Foundation
package import GRDB
package import SiteAPI
package import SiteCompiler

/// A compiled source tree with its check results, ready to be stored as a version.
package struct BuiltSite: Sendable {
    package var source: SiteFiles
    package var output: SiteFiles
    package var findings: [CheckFinding]
    package var checkStatus: CheckStatus
    package var log: [String]
    /// Home page screenshot (PNG) from the browser checks.
    package var screenshot: Data? = nil
    /// Outcome line of the browser checks; nil when they did not run (site creation, imports).
    package var browserChecks: String? = nil
}

/// Compile → check → store: the part of the pipeline shared by site creation, chat jobs and reverts.
package struct BuildPipeline: Sendable {
    let db: any DatabaseWriter
    let artifacts: ArtifactStore
    let compiler: SiteCompiler
    let now: @Sendable () -> Date
    let isolation: CompileIsolation
    let limits: CompileLimits
    let themesDirectories: [URL]
    let scratch: URL
    let slots: AsyncSemaphore
    /// Warm compile children, when compiles run in child processes.
    package let compileServers: CompileServerPool?

    package init(
        db: any DatabaseWriter, artifacts: ArtifactStore, compiler: SiteCompiler, now: @escaping @Sendable () -> Date,
        isolation: CompileIsolation = .inProcess, limits: CompileLimits = CompileLimits(), themesDirectories: [URL] = [],
        scratch: URL = FileManager.default.temporaryDirectory
    ) {
        self.db = db
        self.artifacts = artifacts
        self.compiler = compiler
        self.now = now
        self.isolation = isolation
        self.limits = limits
        self.themesDirectories = themesDirectories
        self.scratch = scratch
        slots = AsyncSemaphore(permits: limits.concurrent)
        if case .childProcess(let executable) = isolation {
            compileServers = CompileServerPool(
                executable: executable, themes: themesDirectories, limits: limits,
                errorLog: scratch.appendingPathComponent("compile-children.log").path)
        } else {
            compileServers = nil
        }
    }

    /// Compiles and checks `source` where it cannot starve serving or the API (see ``CompileIsolation``), at
    /// most ``CompileLimits/concurrent`` at a time. Compile errors and limits throw; findings come back.
    package func compile(_ source: SiteFiles) async throws -> BuiltSite {
        let at = now()
        let pipeline = self
        // No waiting limit on compiles: withPermit waits, never refuses.
        guard let built = try await slots.withPermit({ try await pipeline.compileHoldingPermit(source, at: at) }) else {
            throw CancellationError()
        }
        return built
    }

    private func compileHoldingPermit(_ source: SiteFiles, at: Date) async throws -> BuiltSite {
        switch isolation {
        case .inProcess:
            let compiler = self.compiler
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global(qos: .utility).async {
                    continuation.resume(with: Result { try Self.compileNow(source, compiler: compiler, now: at) })
                }
            }
        case .childProcess:
            guard let compileServers else { throw CancellationError() }
            return try await CompileChild(pool: compileServers, limits: limits, scratch: scratch).run(source, now: at)
        }
    }

    /// Findings kept per version (a site.yaml with 200,000 unknown keys must not become 200,000 log lines).
    package static let maxFindings = 200

    /// Compiles and runs the internal link check on this thread. Compile errors throw; check findings come back.
    package static func compileNow(_ source: SiteFiles, compiler: SiteCompiler, now: Date) throws -> BuiltSite {
        let result: CompileResult
        do {
            result = try compiler.compile(source, options: CompileOptions(now: now))
        } catch let failure as CompileFailure {
            let first = failure.diagnostics.first?.formatted ?? "unknown error"
            throw ServerError(.unprocessableContent, .compileFailed,
                "The site does not compile: \(first)" + (failure.diagnostics.count > 1 ? " (and \(failure.diagnostics.count - 1) more)" : ""))
        }
        var findings = result.diagnostics.map { Self.finding($0, check: "compile") }
        findings += PublishChecks.run(source: source, output: result.output).map { Self.finding($0.diagnostic, check: $0.check) }
        let status: CheckStatus =
            findings.contains { $0.severity == "error" } ? .failed : findings.isEmpty ? .passed : .warnings
        if findings.count > maxFindings {
            // Errors first, so the ones that fail the build are among those kept; the rest are counted.
            let kept = Array((findings.filter { $0.severity == "error" } + findings.filter { $0.severity != "error" }).prefix(maxFindings))
            let more = findings.count - kept.count
            findings = kept + [CheckFinding(severity: "warning", check: "compile", message: "… and \(more) more findings like these")]
        }
        var log = ["compiled \(result.pages.count) pages into \(result.output.files.count) files"]
        log += findings.map { "\($0.severity): [\($0.check)] \($0.message)" }
        return BuiltSite(source: source, output: result.output, findings: findings, checkStatus: status, log: log)
    }

    static func finding(_ diagnostic: Diagnostic, check: String) -> CheckFinding {
        CheckFinding(
            severity: diagnostic.severity == .error ? "error" : "warning", check: check, message: diagnostic.message,
            file: diagnostic.file, line: diagnostic.line)
    }

    /// Stores the version's blobs and manifests (content-addressed, so a retry or a lost lease only leaves blobs the
    /// collector frees); the version row is written by ``PreparedVersion/insert(_:at:)`` in the caller's transaction.
    /// `previousOutput` (the output manifest of the site's latest version) lends its compressed variants to files
    /// that did not change, so only new bytes are compressed.
    package func prepareVersion(
        built: BuiltSite, origin: String, summary: String, transcript: String? = nil, previousOutput: String? = nil
    ) throws -> PreparedVersion {
        let source = try artifacts.store(built.source)
        let output = try artifacts.store(built.output, variants: true, reuse: previousOutput.flatMap { try? artifacts.manifest($0) })
        return PreparedVersion(
            origin: origin, summary: summary, sourceManifest: source.digest, outputManifest: output.digest,
            sourceFiles: source.manifest.entries.count, outputFiles: output.manifest.entries.count,
            outputBytes: output.manifest.totalBytes, checkStatus: built.checkStatus,
            findings: built.findings,
            buildLog: try artifacts.blobs.put(Data(built.log.joined(separator: "\n").utf8)),
            transcript: try transcript.map { try artifacts.blobs.put(Data($0.utf8)) },
            screenshot: try built.screenshot.map { try artifacts.blobs.put($0) }, browserChecks: built.browserChecks)
    }
}

/// A version whose blobs are stored, waiting for its row.
package struct PreparedVersion: Sendable {
    var origin: String
    var summary: String
    var sourceManifest: String
    var outputManifest: String
    var sourceFiles: Int
    var outputFiles: Int
    var outputBytes: Int64
    var checkStatus: CheckStatus
    var findings: [CheckFinding]
    var buildLog: String
    var transcript: String?
    var screenshot: String?
    var browserChecks: String?
    /// The version the change was made on (chat requests).
    var baseVersion: Int? = nil

    /// Inserts the version row inside the caller's transaction and returns its number: the site's next number,
    /// never one handed out before (deleting the newest version does not free its number).
    package func insert(_ db: Database, siteID: Int64, requestID: Int64?, fence: Int64?, at: Date) throws -> Int {
        try db.execute(sql: "UPDATE sites SET last_version = last_version + 1 WHERE id = ?", arguments: [siteID])
        guard db.changesCount == 1, let number = try Int.fetchOne(db, sql: "SELECT last_version FROM sites WHERE id = ?", arguments: [siteID]) else {
            throw ServerError.notFound("The site no longer exists.")
        }
        let record = VersionRecord(
            siteId: siteID, number: number, createdAt: at, origin: origin, summary: summary, requestId: requestID,
            sourceManifest: sourceManifest, outputManifest: outputManifest, sourceFiles: sourceFiles,
            outputFiles: outputFiles, outputBytes: outputBytes, checkStatus: checkStatus, findings: findings, buildLog: buildLog,
            transcript: transcript, fence: fence, screenshot: screenshot, browserChecks: browserChecks,
            baseVersion: baseVersion)
        try record.insert(db)
        return number
    }
}

/// A write carried a fencing token older than the site lock's current one.
package struct StaleFenceError: Error, CustomStringConvertible {
    package var presented: Int64
    package var current: Int64?
    package var description: String { "stale fencing token \(presented) (current \(current.map { String($0) } ?? "none"))" }
}
