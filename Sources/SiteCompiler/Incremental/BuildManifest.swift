package import Foundation

/// What the last successful build read and wrote, kept in the cache folder so that a build with nothing to do can
/// stop after one `stat` per file: the source files' stamps, the output files' and folders' stamps, the warnings it
/// printed, and a key over everything else the output depends on (build options, theme files, the sitectl binary).
///
/// A source file modified within ``racyWindow`` of the scan also records its content digest, so a later rewrite
/// within the file system's clock resolution (same size, same time) is still noticed.
package struct BuildManifest: Sendable, Equatable {
    /// A source file as the build saw it.
    package struct Source: Sendable, Equatable {
        /// Its stamp when scanned.
        package var stamp: FileStamp
        /// Its content digest, only for files modified close to the scan.
        package var digest: String?

        /// A source entry.
        package init(stamp: FileStamp, digest: String? = nil) {
            self.stamp = stamp
            self.digest = digest
        }
    }

    /// Bumped whenever the layout or meaning changes; another version is ignored.
    package static let format = 3
    /// The file's name inside the cache folder.
    package static let fileName = "manifest.txt"
    /// Files modified this close (in nanoseconds) before the scan are also compared by content.
    package static let racyWindow: Int64 = 3_000_000_000

    /// Digest of the build options, theme files and binary (see ``key(parts:)``).
    package var key = ""
    /// The output folder (absolute, standardized) the recorded outputs are in: a cache folder shared by builds
    /// into different folders must not lend one folder's file list to another.
    package var outputRoot = ""
    /// The output is stale from this time on (a future-dated page goes live, or the year in footers changes).
    package var expires = Date.distantFuture
    /// Pages and output files of the build, for the summary line.
    package var pageCount = 0
    /// Output files written by the build.
    package var fileCount = 0
    /// Pages rendered or reused by the build (all reused by a build that does nothing).
    package var layoutCount = 0
    /// The warnings it printed, formatted.
    package var diagnostics: [String] = []
    /// Source path (relative to the site folder) → what the build read.
    package var sources: [String: Source] = [:]
    /// Output path (relative to the output folder, folders included, "" for the folder itself) → stamp after
    /// writing.
    package var outputs: [String: FileStamp] = [:]

    /// An empty manifest.
    package init() {}

    /// A key over `parts`, each one input besides the source files (options, theme stamps, binary stamp).
    package static func key(parts: [String]) -> String {
        var digest = ContextDigest()
        digest.add("sitectl-manifest-v\(format)")
        for part in parts { digest.add(part) }
        return digest.finish()
    }

    /// A key part naming every file under `folder` with its stamp (theme folders: small).
    package static func stampsPart(of folder: URL) -> String {
        let scan = SourceScan(root: folder)
        return scan.stamps.keys.sorted().map { path in
            let stamp = scan.stamps[path] ?? FileStamp(size: -1, modified: -1)
            return "\(path)\t\(stamp.size)\t\(stamp.modified)"
        }.joined(separator: "\n")
    }

    /// The digest recorded for a source file's bytes.
    package static func digest(of data: Data) -> String {
        var digest = ContextDigest()
        digest.add(data)
        return digest.finish()
    }

    /// Records the sources of `scan` (taken at `scanned`, nanoseconds since 1970) whose bytes are in `files`.
    package mutating func recordSources(_ scan: SourceScan, files: SiteFiles, scanned: Int64) {
        sources = [:]
        for (path, stamp) in scan.stamps {
            let racy = stamp.latest >= scanned - Self.racyWindow
            sources[path] = Source(stamp: stamp, digest: racy ? files[path].map(Self.digest(of:)) : nil)
        }
    }

    /// The output files recorded (the output folder itself left out).
    package var outputFiles: [String] { outputs.keys.filter { !$0.isEmpty } }

    /// Records the stamps of `paths` under `folder`, and of the folder itself (`""`). `known` holds stamps this
    /// build may trust: files it checked and did not write. (Folders inside are not recorded: with a folder per
    /// page that doubled the manifest, and incremental builds leave files they did not make alone anyway.)
    package mutating func recordOutputs(
        _ paths: some Sequence<String>, in folder: URL, known: [String: FileStamp] = [:]
    ) {
        let root = folder.standardizedFileURL.path
        outputs = [:]
        var unknown: [String] = [""]
        for path in paths {
            if let stamp = known[path] { outputs[path] = stamp } else { unknown.append(path) }
        }
        let stamps = Parallel.map(unknown.count) { index in
            FileStamp.of(unknown[index].isEmpty ? root : root + "/" + unknown[index])
        }
        for (path, stamp) in zip(unknown, stamps) { outputs[path] = stamp }
    }

    /// Whether a build of the folder `source` (scanned as `scan`) into `output` with `key` at `now` would write
    /// exactly what is already there: same key, not expired, every source and output stamp unchanged.
    package func isCurrent(key: String, scan: SourceScan, source: URL, output: URL, now: Date) -> Bool {
        guard key == self.key, now < expires, scan.stamps.count == sources.count else { return false }
        let sourceRoot = source.standardizedFileURL.path
        for (path, stamp) in scan.stamps {
            guard let entry = sources[path], entry.stamp == stamp else { return false }
            if let digest = entry.digest {
                guard let data = FileManager.default.contents(atPath: sourceRoot + "/" + path),
                    Self.digest(of: data) == digest
                else { return false }
            }
        }
        let outputRoot = output.standardizedFileURL.path
        for (path, stamp) in outputs where FileStamp.of(path.isEmpty ? outputRoot : outputRoot + "/" + path) != stamp {
            return false
        }
        return true
    }
}
