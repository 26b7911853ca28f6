package import Foundation
import SiteAPI
import SiteClient

/// Performs one ``Effect`` against the backend and turns the outcome, success or failure, into ``Feedback``.
package struct EffectPerformer: Sendable {
    package let backend: any TUIBackend
    package let now: @Sendable () -> Date

    package init(backend: any TUIBackend, now: @escaping @Sendable () -> Date = { Date() }) {
        self.backend = backend
        self.now = now
    }

    /// Runs the effect; never throws, since a failure is something to show, not a reason to leave the TUI.
    package func perform(_ effect: Effect) async -> Feedback? {
        do {
            switch effect {
            case .loadSites:
                return .sitesLoaded(try await backend.listSites())
            case .loadVersions(let site):
                return .versionsLoaded(site: site, versions: try await backend.listVersions(site: site))
            case .chat(let site, let message):
                return .requestUpdated(try await backend.chat(site: site, message: message))
            case .answer(let id, let answer):
                return .requestUpdated(try await backend.answer(requestID: id, answer: answer))
            case .fetchRequest(let id):
                return .requestUpdated(try await backend.request(id: id))
            case .deploy(let site, let version):
                return .pointerMoved(try await backend.deploy(site: site, version: version), rollback: false)
            case .rollback(let site):
                return .pointerMoved(try await backend.rollback(site: site), rollback: true)
            case .loadActivity:
                async let requests = backend.listRequests(site: nil, state: .needsInput, limit: 500)
                async let jobs = backend.listJobs(site: nil, state: nil, limit: 200)
                return .activityLoaded(requests: try await requests, jobs: try await jobs)
            case .loadChatHistory(let site):
                return .chatHistoryLoaded(site: site, requests: try await backend.listRequests(site: site, state: nil, limit: 20))
            case .loadJobs:
                return .jobsLoaded(try await backend.listJobs(site: nil, state: nil, limit: 200))
            case .loadJobLog(let id, let after):
                return .jobLogLoaded(id: id, lines: try await backend.jobLogs(id: id, after: after))
            case .cancelJob(let id):
                return .jobUpdated(try await backend.cancelJob(id: id))
            case .retryJob(let requestID, let site):
                let original = try await backend.request(id: requestID)
                return .requestUpdated(try await backend.chat(site: site, message: original.message))
            case .createSite(let name):
                return .siteCreated(try await backend.createSite(name: name))
            case .deleteSite(let name):
                try await backend.deleteSite(name: name)
                return .siteDeleted(name)
            case .setEnabled(let site, let enabled):
                return .siteUpdated(try await backend.setSiteEnabled(name: site, enabled: enabled))
            case .loadDiff(let site, let from, let to):
                return .diffLoaded(try await backend.diff(site: site, from: from, to: to), site: site)
            case .preview(let site, let version):
                return .previewed(try await backend.preview(site: site, version: version))
            case .loadAccount:
                return .accountLoaded(try await backend.account())
            case .revokeToken(let id):
                try await backend.revokeToken(id: id)
                return .tokenRevoked(id: id)
            case .logout:
                try await backend.logout()
                return .loggedOut
            case .loadDaemonStatus:
                return .daemonStatusLoaded(try await backend.daemonStatus(), at: now())
            case .quit, .switchContext, .listContexts:
                return nil  // the runner handles these
            }
        } catch {
            let unreachable = (error as? ClientError)?.exitCode == ClientError.Exit.unreachable
            return .failed(effect, message: Self.describe(error), unreachable: unreachable)
        }
    }

    /// A one-line, user-safe description of an error.
    package static func describe(_ error: any Error) -> String {
        if let api = error as? APIError {
            return api.hint.map { "\(api.message) (hint: \($0))" } ?? api.message
        }
        if let client = error as? ClientError {
            return client.hint.map { "\(client.message) (hint: \($0))" } ?? client.message
        }
        return String(describing: error)
    }
}
