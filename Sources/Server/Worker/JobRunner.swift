import HTTPTypes
package import Foundation
package import GRDB
import Logging
package import SiteAPI
package import SiteAgent
import SiteCompiler

/// Runs one claimed job: materialise the base source, run the agent, enforce the policy, compile, check, store.
package struct JobRunner: Sendable {
    let db: any DatabaseWriter
    let queue: JobQueue
    let lifecycle: LifecycleStore
    let pipeline: BuildPipeline
    let artifacts: ArtifactStore
    let requests: RequestService
    let agents: AgentSelector
    let events: EventBus
    let pauseBeforeStore: Duration
    /// Fault injection: a pause after the version's transaction commits (a kill there must not repeat the job).
    let pauseAfterStore: Duration
    let browserCheck: BrowserCheck
    let now: @Sendable () -> Date

    package init(
        db: any DatabaseWriter, queue: JobQueue, lifecycle: LifecycleStore, pipeline: BuildPipeline, artifacts: ArtifactStore,
        requests: RequestService, agents: AgentSelector, events: EventBus, pauseBeforeStore: Duration, pauseAfterStore: Duration = .zero,
        browserCheck: BrowserCheck = BrowserCheck(settings: BrowserCheckSettings(enabled: false)), now: @escaping @Sendable () -> Date
    ) {
        self.db = db
        self.queue = queue
        self.lifecycle = lifecycle
        self.pipeline = pipeline
        self.artifacts = artifacts
        self.requests = requests
        self.agents = agents
        self.events = events
        self.pauseBeforeStore = pauseBeforeStore
        self.pauseAfterStore = pauseAfterStore
        self.browserCheck = browserCheck
        self.now = now
    }

    /// Runs the job and ends it through the lifecycle store (one transaction); what the worker pool and the tests
    /// both call. Throws ``LeaseLostError`` when the lease was lost (nothing written) and cancellation as is.
    @discardableResult
    package func process(_ claimed: ClaimedJob, worker: String) async throws -> FinishedJob {
        try await complete(claimed, worker: worker, result: try await run(claimed, worker: worker))
    }

    /// Ends the job with `result`: the version row, the request and the job in one transaction; then its log
    /// line and events.
    @discardableResult
    package func complete(_ claimed: ClaimedJob, worker: String, result: JobResult) async throws -> FinishedJob {
        let finished = try await lifecycle.finish(claimed, worker: worker, result: result)
        if let version = finished.version {
            await log(claimed.id, site: claimed.eventSite, "stored version \(version) and closed request \(claimed.job.requestId.map { String($0) } ?? "-") in one transaction")
            if pauseAfterStore > .zero {
                await log(claimed.id, site: claimed.eventSite, "pausing \(pauseAfterStore) after storing (fault injection)")
                try? await Task.sleep(for: pauseAfterStore)
            }
        }
        publishState(site: claimed.eventSite, jobID: claimed.id, requestID: claimed.job.requestId, state: finished.jobState, version: finished.version)
        return finished
    }

    /// Runs the agent, enforces the policy, compiles, checks and stores the blobs; writes nothing but the job log.
    package func run(_ claimed: ClaimedJob, worker: String) async throws -> JobResult {
        let jobID = claimed.id
        guard let site = try await db.read({ db in try SiteRecord.fetchOne(db, key: claimed.job.siteId) }) else {
            return .closed(.failed, reply: "The site no longer exists.")
        }
        publishState(site: site.eventSite, jobID: jobID, requestID: claimed.job.requestId, state: .running)
        await log(jobID, site: site.eventSite, "claimed by \(worker) (attempt \(claimed.job.attempts), lock fence \(claimed.fence))")
        guard let requestID = claimed.job.requestId,
            let request = try await db.read({ db in try RequestRecord.fetchOne(db, key: requestID) })
        else {
            return .closed(.failed, reply: "The job has no build request.")
        }
        do {
            let question = request.question
            let context = try await requests.agentContext(
                site: site, message: request.message, question: question.map { AgentQuestion(text: $0.text, options: $0.options) },
                answer: request.answer)
            var baseLine = "base version \(context.baseVersion.map { String($0) } ?? "none"), \(context.source.files.count) source files"
            if let base = context.baseVersion, let newest = context.versions.last?.number, newest > base {
                baseLine += " (the live version: it was rolled back after v\(newest) was made, so the change is made on it)"
            }
            await log(jobID, site: site.eventSite, baseLine)
            // The agent's progress lines reach the job log (and every follower) while it runs.
            let agent = try agents.backend(for: site)
            let themeTimeout = agents.themeTimeout(for: site)
            let (lines, sink) = AsyncStream.makeStream(of: String.self)
            let run = try await withThrowingTaskGroup(of: AgentRunResult?.self) { group in
                group.addTask {
                    for await line in lines { await log(jobID, site: site.eventSite, "agent: \(line)") }
                    return nil
                }
                group.addTask {
                    defer { sink.finish() }
                    return try await TimeLimit.run(themeTimeout, exceeded: ServerError(.unprocessableContent, .agentTimeout,
                        "The agent did not finish within the \(site.theme) theme's limit of \(themeTimeout.map { "\($0)" } ?? "").",
                        hint: "Raise agent_timeout_seconds in the theme, or ask for a smaller change.")
                    ) {
                        try await agent.runWithTranscript(context) { line in sink.yield(line) }
                    }
                }
                var result: AgentRunResult?
                for try await value in group where value != nil { result = value }
                guard let result else { throw CancellationError() }
                return result
            }
            let outcome = run.outcome
            let transcript = String(decoding: try run.transcript.encoded(), as: UTF8.self)
            try Task.checkCancellation()
            if try await lifecycle.isCancelRequested(jobID) {
                return .closed(.cancelled, reply: "Cancelled before a version was stored.")
            }
            switch outcome {
            case .changed(let files, let summary, let warnings):
                try SourcePolicy.checkChange(from: context.source, to: files)
                if let problem = MassDeletionGuard.problem(from: context.source, to: files, request: request.message) {
                    throw ServerError(.unprocessableContent, .policyViolation, problem)
                }
                for (path, change) in SourcePolicy.changes(from: context.source, to: files) {
                    await log(jobID, site: site.eventSite, "\(change): \(path)")
                }
                return try await build(
                    claimed, site: site, requestID: requestID, source: files, origin: "chat", summary: summary,
                    warnings: warnings, transcript: transcript, baseVersion: context.baseVersion)
            case .revert(let number, let summary):
                let record = try await db.read { db in
                    try VersionRecord.filter(Column("site_id") == site.id && Column("number") == number).fetchOne(db)
                }
                guard let record else { throw ServerError.notFound("Version \(number) no longer exists.") }
                let source = try artifacts.load(record.sourceManifest)
                await log(jobID, site: site.eventSite, "reverting to the source of version \(number)")
                return try await build(
                    claimed, site: site, requestID: requestID, source: source, origin: "revert", summary: summary, warnings: [],
                    transcript: transcript, baseVersion: context.baseVersion)
            case .noChange(let reason):
                return .closed(.noChange, reply: reason)
            case .unsupported(let reason):
                return .closed(.unsupported, reply: reason)
            case .question(let q):
                return .asked(question: Question(text: q.text, options: q.options), text: q.text)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch let lost as LeaseLostError {
            throw lost
        } catch {
            // Messages of our own errors are written to be shown; anything else may hold paths or SQL, so the
            // owner sees a plain sentence and the detail goes to the daemon's stderr log.
            let message: String
            if let blob = error as? BlobError {
                let mapped = ServerError.storage(blob)
                Logger(label: "sitectl.worker").error("job failed: storage", metadata: ["job": "\(jobID)", "error": "\(blob)"])
                message = mapped.message + " " + (mapped.hint ?? "")
            } else if let file = Self.fileError(error) {
                let mapped = ServerError.storage(.unwritable(path: file.path, reason: file.reason))
                Logger(label: "sitectl.worker").error("job failed: storage", metadata: ["job": "\(jobID)", "error": "\(file.path): \(file.reason)"])
                message = mapped.message + " " + (mapped.hint ?? "")
            } else if let database = error as? DatabaseError, let mapped = ServerError.storage(database, path: db.path) {
                Logger(label: "sitectl.worker").error("job failed: storage", metadata: ["job": "\(jobID)", "error": "\(database)"])
                message = mapped.message + " " + (mapped.hint ?? "")
            } else if let known = (error as? ServerError)?.message ?? (error as? AgentError)?.message {
                message = known
            } else {
                Logger(label: "sitectl.worker").error("job failed", metadata: ["job": "\(jobID)", "error": "\(error)"])
                message = "The job failed inside the daemon; its operator can find the cause in the daemon's log."
            }
            await log(jobID, site: site.eventSite, "failed: \(message)", level: "error")
            return .closed(.failed, reply: message)
        }
    }

    private func build(
        _ claimed: ClaimedJob, site: SiteRecord, requestID: Int64, source: SiteFiles, origin: String, summary: String,
        warnings: [String], transcript: String, baseVersion: Int?
    ) async throws -> JobResult {
        let jobID = claimed.id
        await log(jobID, site: site.eventSite, "compiling with the \(site.theme) theme")
        var built = try await pipeline.compile(source)
        built.findings += warnings.map { CheckFinding(severity: "warning", check: "agent", message: $0) }
        if built.checkStatus == .passed, !warnings.isEmpty { built.checkStatus = .warnings }
        for line in built.log { await log(jobID, site: site.eventSite, line) }
        try await runBrowserChecks(&built, site: site, baseVersion: baseVersion, jobID: jobID)
        if pauseBeforeStore > .zero {
            await log(jobID, site: site.eventSite, "pausing \(pauseBeforeStore) before storing (fault injection)")
            try await Task.sleep(for: pauseBeforeStore)
        }
        let siteID = site.id
        let previousOutput = try await db.read { db in
            try String.fetchOne(
                db, sql: "SELECT output_manifest FROM versions WHERE site_id = ? ORDER BY number DESC LIMIT 1", arguments: [siteID])
        }
        var prepared = try pipeline.prepareVersion(
            built: built, origin: origin, summary: summary, transcript: transcript, previousOutput: previousOutput)
        prepared.baseVersion = baseVersion
        await log(jobID, site: site.eventSite, "stored \(built.output.files.count) output files (checks \(built.checkStatus.rawValue)); writing the version")
        var reply = summary
        if !warnings.isEmpty { reply += "\nWarnings: " + warnings.joined(separator: "; ") }
        let finalReply = reply
        let name = site.name
        return .stored(prepared, reply: { number in
            finalReply + "\nCreated \(name)@\(number). Deploy it with: sitectl versions deploy \(name)@\(number)"
        })
    }

    /// Loads the changed pages in headless Chromium; its findings, screenshot and outcome join the build.
    private func runBrowserChecks(_ built: inout BuiltSite, site: SiteRecord, baseVersion: Int?, jobID: Int64) async throws {
        var base: SiteFiles?
        if let baseVersion {
            let record = try await db.read { db in
                try VersionRecord.filter(Column("site_id") == site.id && Column("number") == baseVersion).fetchOne(db)
            }
            do {
                base = try record.map { try artifacts.load($0.outputManifest) }
            } catch {
                // The base's output only narrows which pages are checked: a damaged one means checking them all.
                await log(jobID, site: site.eventSite, "the base version's output cannot be read (\(error)); checking every page", level: "warning")
            }
        }
        let pages = BrowserCheck.changedPages(output: built.output, base: base)
        let result = await browserCheck.run(output: built.output, pages: pages)
        try Task.checkCancellation()
        let lines = result.log + result.findings.map { "warning: [browser] \($0.file ?? "-"): \($0.message)" }
        built.findings += result.findings
        built.log += lines
        built.screenshot = result.screenshot
        built.browserChecks = result.summary
        if built.checkStatus == .passed, !result.findings.isEmpty { built.checkStatus = .warnings }
        for line in lines { await log(jobID, site: site.eventSite, line) }
    }

    func publishState(site: EventSite, jobID: Int64, requestID: Int64?, state: JobState, version: Int? = nil) {
        events.publish(Event(kind: .jobState, site: site.name, time: now(), requestId: requestID, jobId: jobID, version: version, state: state.rawValue), siteID: site.id)
    }

    func log(_ jobID: Int64, site: EventSite, _ message: String, level: String = "info") async {
        let line: LogLine
        do {
            line = try await queue.appendLog(jobID: jobID, level: level, message: message)
        } catch {
            // The job goes on (its outcome is written in its own transaction); the lost line is in the daemon's log.
            Logger(label: "sitectl.worker").error("job log line not written", metadata: [
                "job": "\(jobID)", "line": "\(message)", "error": "\(error)",
            ])
            return
        }
        events.publish(Event(kind: .jobLog, site: site.name, time: line.time, jobId: jobID, line: line), siteID: site.id)
    }

    /// A Foundation file error with its path and the system's reason ("No space left on device").
    static func fileError(_ error: any Error) -> (path: String, reason: String)? {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain, let path = ns.userInfo[NSFilePathErrorKey] as? String else { return nil }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return (path, String(cString: strerror(Int32(underlying.code))))
        }
        switch ns.code {
        case CocoaError.fileWriteOutOfSpace.rawValue: return (path, "No space left on device")
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return (path, "Read-only file system")
        case CocoaError.fileWriteNoPermission.rawValue: return (path, "Permission denied")
        default: return (path, ns.localizedDescription)
        }
    }
}
