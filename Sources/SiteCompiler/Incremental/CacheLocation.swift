package import Foundation

/// Where `sitectl build` keeps its cache (build records and the manifest): never inside the output folder, so the
/// output holds only the site and two clean builds of one source are byte-identical.
///
/// By default the cache sits beside the source, in `SITE/.sitectl/cache/<out>-<hash>/`, one folder per output path
/// (building one site into `dist` and into `preview` keeps two caches). `SITE/.sitectl/.gitignore` keeps it out of
/// git. When that folder cannot be made (a read-only checkout), the cache goes under `$XDG_CACHE_HOME/sitectl/builds`
/// (`~/.cache` when unset), keyed by the source and output paths.
package enum CacheLocation {
    /// The folder beside a site's source that holds sitectl's local state.
    package static let stateFolderName = ".sitectl"
    /// Where builds before the cache moved kept it: inside the output folder. A build removes it.
    package static let legacyFolderName = ".sitectl-cache"

    /// The cache folder for building `source` into `output`, made (with its `.gitignore`) if needed.
    package static func folder(source: URL, output: URL, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL
    {
        let sourcePath = source.standardizedFileURL.path
        let outputPath = output.standardizedFileURL.path
        let name = output.standardizedFileURL.lastPathComponent
        var digest = ContextDigest()
        digest.add(outputPath)
        let beside = source.appendingPathComponent(stateFolderName)
        let local = beside.appendingPathComponent("cache").appendingPathComponent(readable(name) + "-" + String(digest.finish().prefix(16)))
        let fm = FileManager.default
        if (try? fm.createDirectory(at: local, withIntermediateDirectories: true)) != nil {
            let ignore = beside.appendingPathComponent(".gitignore")
            if !fm.fileExists(atPath: ignore.path) {
                try? Data("# sitectl's build cache: local state, never committed\n*\n".utf8).write(to: ignore, options: .atomic)
            }
            return local
        }
        var keyed = ContextDigest()
        keyed.add(sourcePath)
        keyed.add(outputPath)
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? fm.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("sitectl/builds")
            .appendingPathComponent(readable(source.standardizedFileURL.lastPathComponent) + "-" + String(keyed.finish().prefix(16)))
    }

    /// Whether `candidate` is `folder` or inside it.
    package static func isInside(_ candidate: URL, _ folder: URL) -> Bool {
        let inner = candidate.standardizedFileURL.resolvingSymlinksInPath().path
        let outer = folder.standardizedFileURL.resolvingSymlinksInPath().path
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// A name safe as one path segment and short enough to read: letters, digits, `-_.` kept, others `_`.
    private static func readable(_ name: String) -> String {
        let kept = name.unicodeScalars.prefix(40).map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }
        let text = String(kept)
        return text.isEmpty || text.hasPrefix(".") ? "out" + text : text
    }
}
