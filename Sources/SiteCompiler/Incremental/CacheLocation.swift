package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where `sitectl build` keeps its cache (build records and the manifest): never inside the output folder, so the
/// output holds only the site and two clean builds of one source are byte-identical.
///
/// By default the cache sits beside the source, in `SITE/.sitectl/cache/<out>-<hash>/`, one folder per output path
/// (building one site into `dist` and into `preview` keeps two caches). `SITE/.sitectl/.gitignore` keeps it out of
/// git. When that folder cannot be made (a read-only checkout), the cache goes under `$XDG_CACHE_HOME/sitectl/builds`
/// (`~/.cache` when unset), keyed by the source and output paths; so does a `.sitectl` that leads into the output.
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
        if !isInside(local, output), (try? fm.createDirectory(at: local, withIntermediateDirectories: true)) != nil {
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

    /// Whether `candidate` is `folder` or inside it, once every link on either path is followed (also for paths
    /// that do not exist yet: their deepest existing folder is resolved). A path through a link that leads nowhere
    /// counts as inside, since it could be made to lead anywhere.
    package static func isInside(_ candidate: URL, _ folder: URL) -> Bool {
        guard let inner = realPath(candidate), let outer = realPath(folder) else { return true }
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// The path with every link resolved; the part that does not exist yet is appended as written. Nil when a
    /// link on the way leads nowhere.
    package static func realPath(_ url: URL) -> String? {
        var path = url.standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(path, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            var info = stat()
            if lstat(path, &info) == 0 { return nil }  // it exists, yet cannot be resolved: a dangling link
            guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
            rest.append(String(path[path.index(after: slash)...]))
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// Whether `folder` may take the cache's two files: it does not exist, or holds nothing but a cache.
    package static func isUsableForCache(_ folder: URL) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return !FileManager.default.fileExists(atPath: folder.path)
        }
        let names: Set<String> = ["records", "records.log", "manifest.txt", "pages", "lock", "building"]
        return entries.allSatisfy { entry in
            names.contains(entry) || names.contains { entry.hasPrefix($0 + ".tmp-") }
        }
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
