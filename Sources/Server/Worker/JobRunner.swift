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
    let pipeline: BuildPipeline
    let artifacts: ArtifactStore
    let requests: RequestService
    let agents: AgentSelector
    let events: EventBus
    let pauseBeforeStore: Duration
    let browserCheck: BrowserCheck
    let now: @Sendable () -> Date

    package init(
        db: any DatabaseWriter, queue: JobQueue, pipeline: BuildPipeline, artifacts: ArtifactStore, requests: RequestService,
        agents: AgentSelector, events: EventBus, pauseBeforeStore: Duration,
        browserCheck: BrowserCheck = BrowserCheck(settings: BrowserCheckSettings(enabled: false)), now: @escaping @Sendable () -> Date
    ) {
        self.db = db
        self.queue = queue
        self.pipeline = pipeline
        self.artifacts = artifacts
        self.requests = requests
        self.agents = agents
        self.events = events
        self.pauseBeforeStore = pauseBeforeStore
        self.browserCheck = browserCheck
        self.now = now
    }

    /// How a job ended.
    package struct Outcome: Sendable {
        package var state: JobState
        package var error: String?
        package var version: Int?
    }

    package func run(_ claimed: ClaimedJob, worker: String) async throws -> Outcome {
        let jobID = claimed.id
        guard let site = try await db.read({ db in try SiteRecord.fetchOne(db, key: claimed.job.siteId) }) else {
            return Outcome(state: .failed, error: "The site no longer exists.")
        }
        publishState(site: site.eventSite, jobID: jobID, requestID: claimed.job.requestId, state: .running)
        await log(jobID, site: site.eventSite, "claimed by \(worker) (attempt \(claimed.job.attempts), lock fence \(claimed.fence))")
        guard let requestID = claimed.job.requestId,
            let request = try await db.read({ db in try RequestRecord.fetchOne(db, key: requestID) })
        else {
            return Outcome(state: .failed, error: "The job has no build request.")
        }
        do {
            let question = request.question.flatMap { try? APIJSON.decoder().decode(Question.self, from: Data($0.utf8)) }
            let context = try await requests.agentContext(
                site: site, message: request.message, question: question.map { AgentQuestion(text: $0.text, options: $0.options) },
                answer: request.answer)
            await log(jobID, site: site.eventSite, "base version \(context.baseVersion.map { String($0) } ?? "none"), \(context.source.files.count) source files")
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
                    return try await TimeLimit.run(themeTimeout, exceeded: ServerError(.unprocessableContent, "agent_timeout",
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
            if try await queue.isCancelRequested(jobID) {
                try await closeRequest(requestID, site: site, state: .cancelled, reply: "Cancelled before a version was stored.")
                return Outcome(state: .cancelled, error: "cancelled by the user")
            }
            switch outcome {
            case .changed(let files, let summary, let warnings):
                try SourcePolicy.checkChange(from: context.source, to: files)
                if let problem = MassDeletionGuard.problem(from: context.source, to: files, request: request.message) {
                    throw ServerError(.unprocessableContent, "policy_violation", problem)
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
                try await closeRequest(requestID, site: site, state: .noChange, reply: reason)
                return Outcome(state: .succeeded)
            case .unsupported(let reason):
                try await closeRequest(requestID, site: site, state: .unsupported, reply: reason)
                return Outcome(state: .succeeded)
            case .question(let q):
                let json = String(decoding: try APIJSON.encoder().encode(Question(text: q.text, options: q.options)), as: UTF8.self)
                try await db.write { db in
                    try db.execute(
                        sql: "UPDATE build_requests SET state = 'needs_input', question = ?, reply = ?, job_id = NULL, updated_at = ? WHERE id = ?",
                        arguments: [json, q.text, now(), requestID])
                }
                publishRequest(site: site.eventSite, requestID: requestID, state: .needsInput)
                return Outcome(state: .succeeded)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Messages of our own errors are written to be shown; anything else may hold paths or SQL, so the
            // owner sees a plain sentence and the detail goes to the daemon's stderr log.
            let message: String
            if let known = (error as? ServerError)?.message ?? (error as? AgentError)?.message {
                message = known
            } else {
                Logger(label: "sitectl.worker").error("job failed", metadata: ["job": "\(jobID)", "error": "\(error)"])
                message = "The job failed inside the daemon; its operator can find the cause in the daemon's log."
            }
            await log(jobID, site: site.eventSite, "failed: \(message)", level: "error")
            try await closeRequest(requestID, site: site, state: .failed, reply: message)
            return Outcome(state: .failed, error: message)
        }
    }

    private func build(
        _ claimed: ClaimedJob, site: SiteRecord, requestID: Int64, source: SiteFiles, origin: String, summary: String,
        warnings: [String], transcript: String, baseVersion: Int?
    ) async throws -> Outcome {
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
        let number = try await pipeline.storeVersion(
            siteID: site.id ?? 0, built: built, origin: origin, summary: summary, requestID: requestID, fence: claimed.fence,
            transcript: transcript)
        await log(jobID, site: site.eventSite, "stored version \(number) (\(built.output.files.count) files, checks \(built.checkStatus.rawValue))")
        var reply = summary
        if !warnings.isEmpty { reply += "\nWarnings: " + warnings.joined(separator: "; ") }
        reply += "\nCreated \(site.name)@\(number). Deploy it with: sitectl versions deploy \(site.name)@\(number)"
        let finalReply = reply
        try await db.write { db in
            try db.execute(
                sql: "UPDATE build_requests SET state = 'done', reply = ?, version = ?, updated_at = ? WHERE id = ?",
                arguments: [finalReply, number, now(), requestID])
        }
        events.publish(Event(kind: .versionCreated, site: site.name, time: now(), requestId: requestID, jobId: jobID, version: number), siteID: site.id ?? 0)
        publishRequest(site: site.eventSite, requestID: requestID, state: .done, version: number)
        return Outcome(state: .succeeded, version: number)
    }

    /// Loads the changed pages in headless Chromium; its findings, screenshot and outcome join the build.
    private func runBrowserChecks(_ built: inout BuiltSite, site: SiteRecord, baseVersion: Int?, jobID: Int64) async throws {
        var base: SiteFiles?
        if let baseVersion {
            let record = try await db.read { db in
                try VersionRecord.filter(Column("site_id") == site.id && Column("number") == baseVersion).fetchOne(db)
            }
            base = try record.map { try artifacts.load($0.outputManifest) }
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

    /// Closes the job's request after a user cancelled the running job (the agent was stopped, nothing stored).
    package func markCancelled(_ claimed: ClaimedJob) async {
        await log(claimed.id, site: claimed.eventSite, "cancelled by the user; the agent was stopped and nothing was stored", level: "warning")
        guard let requestID = claimed.job.requestId else { return }
        try? await db.write { db in
            try db.execute(
                sql: "UPDATE build_requests SET state = 'cancelled', reply = ?, updated_at = ? WHERE id = ?",
                arguments: ["Cancelled while running; nothing was changed.", now(), requestID])
        }
        publishRequest(site: claimed.eventSite, requestID: requestID, state: .cancelled)
    }

    private func closeRequest(_ requestID: Int64, site: SiteRecord, state: RequestState, reply: String) async throws {
        try await db.write { db in
            try db.execute(
                sql: "UPDATE build_requests SET state = ?, reply = ?, updated_at = ? WHERE id = ?",
                arguments: [state.rawValue, reply, now(), requestID])
        }
        publishRequest(site: site.eventSite, requestID: requestID, state: state)
    }

    private func publishRequest(site: EventSite, requestID: Int64, state: RequestState, version: Int? = nil) {
        events.publish(Event(kind: .requestState, site: site.name, time: now(), requestId: requestID, version: version, state: state.rawValue), siteID: site.id)
    }

    func publishState(site: EventSite, jobID: Int64, requestID: Int64?, state: JobState, version: Int? = nil) {
        events.publish(Event(kind: .jobState, site: site.name, time: now(), requestId: requestID, jobId: jobID, version: version, state: state.rawValue), siteID: site.id)
    }

    func log(_ jobID: Int64, site: EventSite, _ message: String, level: String = "info") async {
        guard let line = try? await queue.appendLog(jobID: jobID, level: level, message: message) else { return }
        events.publish(Event(kind: .jobLog, site: site.name, time: line.time, jobId: jobID, line: line), siteID: site.id)
    }
}
