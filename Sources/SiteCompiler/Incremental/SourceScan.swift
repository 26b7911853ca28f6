package import Foundation

/// The regular files of a folder with their ``FileStamp``s, skipping hidden files and folders (`.git`, `.DS_Store`)
/// and any folders named in `excluding` (an output folder inside the site folder): what a build reads, found with
/// one `stat` per file and no reads.
package struct SourceScan: Sendable {
    /// Relative path → stamp.
    package var stamps: [String: FileStamp] = [:]

    /// Scans `root`; `excluding` are absolute, standardized folder paths left out.
    package init(root: URL, excluding: Set<String> = []) {
        let base = root.standardizedFileURL.path
        walk(base, relative: "", excluding: excluding)
    }

    private mutating func walk(_ folder: String, relative: String, excluding: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let full = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            if FileStamp.isDirectory(full) {
                if !excluding.contains(full) { walk(full, relative: path, excluding: excluding) }
            } else if let stamp = FileStamp.of(full) {
                stamps[path] = stamp
            }
        }
    }
}

extension SiteFiles {
    /// Reads the files `paths` (relative to `directory`).
    package static func load(from directory: URL, paths: some Sequence<String>) throws -> SiteFiles {
        let root = directory.standardizedFileURL.path
        let list = Array(paths)
        // On all cores; FileManager reads by path (no URL per file).
        let contents: [Data?] = Parallel.map(list.count) { FileManager.default.contents(atPath: root + "/" + list[$0]) }
        var files: [String: Data] = [:]
        files.reserveCapacity(list.count)
        for (path, data) in zip(list, contents) {
            guard let data else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: root + "/" + path])
            }
            files[path] = data
        }
        return SiteFiles(files)
    }
}
