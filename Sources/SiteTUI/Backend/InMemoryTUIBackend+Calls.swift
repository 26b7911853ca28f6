import Foundation
import Synchronization
package import SiteAPI

/// The rest of ``TUIBackend`` in memory: lists, site and job management, diffs, previews, account and status.
extension InMemoryTUIBackend {
    package func listRequests(site: String?, state wanted: RequestState?, limit: Int) async throws -> [BuildRequest] {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("listRequests \(site ?? "*") \(wanted?.rawValue ?? "*")")
            return Array(state.requests.values.filter { (site == nil || $0.site == site) && (wanted == nil || $0.state == wanted) }
                .sorted { $0.id > $1.id }.prefix(limit))
        }
    }

    package func listJobs(site: String?, state wanted: JobState?, limit: Int) async throws -> [Job] {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("listJobs \(site ?? "*") \(wanted?.rawValue ?? "*")")
            return Array(state.jobs.values.filter { (site == nil || $0.site == site) && (wanted == nil || $0.state == wanted) }
                .sorted { $0.id > $1.id }.prefix(limit))
        }
    }

    package func jobLogs(id: Int64, after: Int) async throws -> [LogLine] {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("jobLogs \(id) \(after)")
            guard state.jobs[id] != nil else { throw APIError(code: "not_found", message: "job #\(id) not found") }
            return (state.logs[id] ?? []).filter { $0.seq > after }.sorted { $0.seq < $1.seq }
        }
    }

    package func cancelJob(id: Int64) async throws -> Job {
        let job = try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("cancelJob \(id)")
            guard var job = state.jobs[id] else { throw APIError(code: "not_found", message: "job #\(id) not found") }
            guard !job.state.isTerminal else {
                throw APIError(code: "conflict", message: "job #\(id) already \(job.state.rawValue)")
            }
            job.state = .cancelled
            state.jobs[id] = job
            return job
        }
        emit(Event(kind: .jobState, site: job.site, time: now, requestId: job.requestId, jobId: id, state: "cancelled"))
        return job
    }

    package func createSite(name: String) async throws -> Site {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("createSite \(name)")
            if let problem = SiteNameRules.problem(with: name) { throw APIError(code: "invalid_name", message: problem) }
            guard state.sites[name] == nil else { throw APIError(code: "conflict", message: "site \(name) already exists") }
            let site = Site(name: name, theme: "default", description: nil, status: .enabled, liveVersion: 1,
                            previewVersion: nil, latestVersion: 1, createdAt: now, updatedAt: now)
            state.sites[name] = site
            return site
        }
    }

    package func deleteSite(name: String) async throws {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("deleteSite \(name)")
            guard state.sites.removeValue(forKey: name) != nil else { throw Self.notFound(name) }
            state.versions[name] = nil
        }
    }

    package func setSiteEnabled(name: String, enabled: Bool) async throws -> Site {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("\(enabled ? "enable" : "disable") \(name)")
            guard var site = state.sites[name] else { throw Self.notFound(name) }
            site.status = enabled ? .enabled : .disabled
            state.sites[name] = site
            return site
        }
    }

    package func diff(site: String, from: Int, to: Int) async throws -> VersionDiff {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("diff \(site) \(from) \(to)")
            guard let summary = state.versions[site]?.first(where: { $0.number == to })?.summary else { throw Self.notFound(site) }
            let unified = "--- a/content/index.md\n+++ b/content/index.md\n@@ -1,2 +1,2 @@\n title: Home\n-old line\n+\(summary)\n"
            return VersionDiff(from: from, to: to, files: [
                FileDiff(path: "content/index.md", change: "modified", unified: unified, additions: 1, deletions: 1),
            ])
        }
    }

    package func preview(site: String, version: Int) async throws -> PreviewResult {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("preview \(site) \(version)")
            guard state.versions[site, default: []].contains(where: { $0.number == version }) else {
                throw APIError(code: "not_found", message: "\(site)@\(version) not found")
            }
            let from = state.sites[site]?.previewVersion
            state.sites[site]?.previewVersion = version
            state.versions[site] = state.versions[site, default: []].map { item in
                var item = item
                item.isPreview = item.number == version
                return item
            }
            return PreviewResult(move: PointerMove(site: site, pointer: "preview", from: from, to: version),
                                 url: "http://preview--\(site).localhost:8080/")
        }
    }

    package func account() async throws -> AccountInfo {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("account")
            return AccountInfo(email: "ann@example.test", userID: 1, context: "test", host: "memory",
                               accessExpiresAt: now.addingTimeInterval(900), tokens: state.tokens)
        }
    }

    /// Gives the account an API token (shown in the account view).
    package func addToken(_ token: APIToken) { state.withLock { $0.tokens.append(token) } }

    package func revokeToken(id: Int64) async throws {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("revokeToken \(id)")
            guard state.tokens.contains(where: { $0.id == id }) else {
                throw APIError(code: "not_found", message: "token #\(id) not found")
            }
            state.tokens.removeAll { $0.id == id }
        }
    }

    package func logout() async throws {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("logout")
            state.loggedOut = true
        }
    }

    package func daemonStatus() async throws -> DaemonStatus {
        try state.withLock { state in
            try Self.checkUp(state)
            state.calls.append("daemonStatus")
            let running = state.jobs.values.filter { $0.state == .running }.count
            let queued = state.jobs.values.filter { $0.state == .queued }.count
            return DaemonStatus(version: "test", pid: 42, apiAddress: "unix:///memory", serveAddress: "127.0.0.1:8080",
                                workers: 1, queueDepth: queued, runningJobs: running, startedAt: now, agent: "embedded")
        }
    }
}
