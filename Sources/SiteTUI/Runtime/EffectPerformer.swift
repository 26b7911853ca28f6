import SiteAPI
import SiteClient

/// Performs one ``Effect`` against the backend and turns the outcome, success or failure, into ``Feedback``.
package struct EffectPerformer: Sendable {
    package let backend: any TUIBackend

    package init(backend: any TUIBackend) { self.backend = backend }

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
            case .quit:
                return nil
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
