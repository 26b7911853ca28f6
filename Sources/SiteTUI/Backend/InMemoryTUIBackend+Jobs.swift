import Foundation
import Synchronization
package import SiteAPI

/// Driving a request's job by hand, the way the daemon would: state events, log lines, a new version, a reply.
extension InMemoryTUIBackend {
    /// Runs the job of a queued request to completion, emitting `request.state`, `job.state`, one `job.log` per
    /// line, `version.created` and the final states. Returns the finished request.
    @discardableResult
    package func runJob(requestID: Int64, logs: [String], summary: String) -> BuildRequest? {
        guard var request = storedRequest(requestID), let job = request.jobId else { return nil }
        setRequest(requestID) { $0.state = .running }
        setJob(job) { $0.state = .running }
        emit(Event(kind: .requestState, site: request.site, time: now, requestId: requestID, jobId: job, state: "running"))
        emit(Event(kind: .jobState, site: request.site, time: now, requestId: requestID, jobId: job, state: "running"))
        for (index, message) in logs.enumerated() {
            emitLog(site: request.site, requestID: requestID, jobID: job, seq: index + 1, message: message)
        }
        let version = addVersion(site: request.site, summary: summary, requestID: requestID)
        emit(Event(kind: .versionCreated, site: request.site, time: now, requestId: requestID, jobId: job, version: version))
        request = setRequest(requestID) {
            $0.state = .done
            $0.reply = summary
            $0.version = version
        } ?? request
        setJob(job) {
            $0.state = .succeeded
            $0.version = version
        }
        emit(Event(kind: .jobState, site: request.site, time: now, requestId: requestID, jobId: job, state: "succeeded"))
        emit(Event(kind: .requestState, site: request.site, time: now, requestId: requestID, jobId: job, state: "done"))
        return request
    }

    /// Emits one `job.log` event.
    package func emitLog(site: String, requestID: Int64?, jobID: Int64, seq: Int, message: String, level: String = "info") {
        let line = LogLine(jobId: jobID, seq: seq, time: now, level: level, message: message)
        state.withLock { state in
            if !(state.logs[jobID] ?? []).contains(where: { $0.seq == seq }) { state.logs[jobID, default: []].append(line) }
        }
        emit(Event(kind: .jobLog, site: site, time: now, requestId: requestID, jobId: jobID, line: line))
    }
}
