package import SiteAPI

/// The versions modal over a site: the list and the selection.
package struct VersionsModal: Equatable, Sendable {
    package var site: String
    /// Newest first.
    package var versions: [Version] = []
    package var selected = 0
    package var isLoading = true
    /// Why the last load failed; the list (possibly empty) is then not the site's real list.
    package var loadError: String?
    /// A version whose diff opens once the list has loaded (`:versions diff SITE@V`).
    package var pendingDiff: Int?

    package init(site: String) { self.site = site }

    /// The highlighted version, if the list has loaded.
    package var selectedVersion: Version? {
        versions.indices.contains(selected) ? versions[selected] : nil
    }

    /// Replaces the list, keeping the same version number selected when it is still there.
    package mutating func load(_ list: [Version]) {
        let keep = selectedVersion?.number
        versions = list.sorted { $0.number > $1.number }
        selected = keep.flatMap { number in versions.firstIndex { $0.number == number } } ?? 0
        isLoading = false
        loadError = nil
    }
}
