package import SiteCompiler

/// The result of running an agent over a site's source.
package enum AgentOutcome: Sendable {
    /// The full new source tree, a short reply summarising what changed, and warnings to show before promoting.
    case changed(SiteFiles, summary: String, warnings: [String])
    /// "Undo": the daemon stores a new version with the source of `toVersion`; no agent work is done.
    case revert(toVersion: Int, summary: String)
    /// Nothing to do; the reason is shown to the user.
    case noChange(String)
    /// The agent needs an answer before it can continue.
    case question(AgentQuestion)
    /// The request cannot be done by this backend.
    case unsupported(String)
}
