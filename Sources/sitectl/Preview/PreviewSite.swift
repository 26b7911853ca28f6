import Foundation
import SiteCompiler
import Synchronization

/// The site `sitectl serve` is showing: the latest good build, kept in memory, and a generation number that moves
/// on every rebuild so browsers waiting on `/__sitectl/reload` know to reload.
final class PreviewSite: Sendable {
    private struct State {
        var output: SiteFiles
        var generation = 0
        var isStopping = false
    }

    private let state: Mutex<State>

    /// A preview of `output`.
    init(output: SiteFiles) {
        state = Mutex(State(output: output))
    }

    /// The files being served.
    var output: SiteFiles { state.withLock { $0.output } }
    /// Bumped by every successful rebuild.
    var generation: Int { state.withLock { $0.generation } }
    /// Set when the server shuts down, so waiting reload requests return at once.
    var isStopping: Bool { state.withLock { $0.isStopping } }

    /// Serves a new build and tells waiting browsers.
    func update(_ output: SiteFiles) {
        state.withLock {
            $0.output = output
            $0.generation += 1
        }
    }

    /// Releases waiting reload requests for shutdown.
    func stop() {
        state.withLock { $0.isStopping = true }
    }
}
