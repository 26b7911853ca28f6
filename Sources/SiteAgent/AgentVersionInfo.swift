package import Foundation

/// What the agent knows about one stored version of the site (used by "undo" and "go back to …").
package struct AgentVersionInfo: Sendable {
    /// The version number (1, 2, …).
    package var number: Int
    /// When the version was created.
    package var createdAt: Date
    /// Whether the version is the one served live.
    package var isLive: Bool
    /// The digest of the version's source (equal digests = the same source), so "undo" after "undo" goes a step
    /// further back instead of redoing.
    package var sourceDigest: String?

    /// Creates a version description.
    package init(number: Int, createdAt: Date, isLive: Bool, sourceDigest: String? = nil) {
        self.number = number
        self.createdAt = createdAt
        self.isLive = isLive
        self.sourceDigest = sourceDigest
    }
}
