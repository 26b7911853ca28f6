package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The regular files of a folder with their ``FileStamp``s, skipping hidden files and folders (`.git`, `.DS_Store`)
/// and any folders named in `excluding` (an output folder inside the site folder): what a build reads, found with
/// one `stat` per file and no reads.
package struct SourceScan: Sendable {
    /// Relative path → stamp.
    package var stamps: [String: FileStamp] = [:]

    /// Scans `root`; `excluding` are absolute, standardized folder paths left out.
    package init(root: URL, excluding: Set<String> = []) {
        let base = root.standardizedFileURL.path
        var files: [(full: String, relative: String)] = []
        Self.walk(base, relative: "", excluding: excluding, into: &files)
        // One stat per file, on all cores.
        let stamps = Parallel.map(files.count) { FileStamp.of(files[$0].full) }
        for (file, stamp) in zip(files, stamps) where stamp != nil { self.stamps[file.relative] = stamp }
    }

    /// readdir with the entry types the file system reports (a stat only where it reports none).
    private static func walk(
        _ folder: String, relative: String, excluding: Set<String>, into files: inout [(full: String, relative: String)]
    ) {
        DirectoryEntries.forEach(in: folder) { name, reported in
            if name.hasPrefix(".") { return }
            let full = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = reported
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                // Symbolic links are followed, as before (stat, not lstat).
                type = FileStamp.isDirectory(full) ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                if !excluding.contains(full) { walk(full, relative: path, excluding: excluding, into: &files) }
            } else {
                files.append((full, path))
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
