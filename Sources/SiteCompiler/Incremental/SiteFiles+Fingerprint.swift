internal import Foundation

extension SiteFiles {
    /// A digest of every path and its bytes, in path order: equal trees give equal fingerprints.
    package func fingerprint() -> String {
        var digest = ContextDigest()
        for path in paths {
            digest.add(path)
            digest.add(files[path] ?? Data())
        }
        return digest.finish()
    }
}
