package import SiteCompiler

/// Refuses a change that deletes a large part of a site when the request did not ask for deletion: a model or
/// agent CLI that "cleans up" should not take the site with it. The worker calls it next to its path policy.
package enum MassDeletionGuard {
    /// Deleting fewer files than this is never mass deletion.
    package static let minimumFiles = 3
    /// The share of the base's files (0…1) whose deletion counts as mass deletion.
    package static let share = 0.25

    /// Words that show the user asked for deletion.
    static let deletionWords = ["delete", "remove", "clear", "drop", "erase", "wipe", "get rid", "take down", "unpublish"]

    /// Why the change from `base` to `new` is refused, or nil when it may go ahead.
    package static func problem(from base: SiteFiles, to new: SiteFiles, request: String) -> String? {
        let deleted = base.paths.filter { new[$0] == nil }
        guard deleted.count >= minimumFiles, Double(deleted.count) >= share * Double(base.files.count) else { return nil }
        let lowered = request.lowercased()
        if deletionWords.contains(where: { lowered.contains($0) }) { return nil }
        let examples = deleted.prefix(3).joined(separator: ", ") + (deleted.count > 3 ? ", …" : "")
        return "The agent deleted \(deleted.count) of \(base.files.count) files (\(examples)), which the request did not ask for."
    }
}
