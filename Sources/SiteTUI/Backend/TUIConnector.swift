/// Opens the TUI's backend for another context (`:context NAME`). The CLI resolves names as `--context` does and
/// never carries a `SITECTL_TOKEN` over to another context.
public protocol TUIConnector: Sendable {
    /// The contexts there are, `local` included, and the one the TUI started on.
    func contexts() throws -> (names: [String], current: String)
    /// A backend for `context`, checked to answer with a valid session; throws with a hint when it does not.
    func connect(context: String) async throws -> (backend: any TUIBackend, host: String)
}

/// A backend opened for a context, on its way to the runner.
package struct ContextConnection: Sendable {
    package var name: String
    package var host: String
    package var backend: any TUIBackend

    package init(name: String, host: String, backend: any TUIBackend) {
        self.name = name
        self.host = host
        self.backend = backend
    }
}
