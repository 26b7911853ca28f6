package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Brings an output folder in line with a build: writes only files whose bytes changed and removes files the
/// build no longer produces, so servers and rsync see exactly what changed.
package enum OutputSync {
    /// How many files were written and removed.
    package struct Summary: Sendable {
        /// Files written (new or changed).
        package var changed = 0
        /// Files deleted because the build no longer produces them.
        package var removed = 0
        /// Files the build did not make and left where they were (``write(_:to:unchanged:listed:removingUnknown:)``).
        package var leftAlone = 0

    }

    /// Writes `output` under `directory`, skipping files whose bytes are already there. The files in `unchanged`
    /// (pages an incremental build found current) are neither read nor rewritten; every other file is removed, so
    /// the folder ends up holding exactly the site.
    ///
    /// `listed` names the files the last build left (from its manifest) instead of listing the folder: with a
    /// folder per page, reading 10,000 folders took longer than the rest of a one-page rebuild. A file someone
    /// else put there is then left alone until a clean build.
    ///
    /// Without `listed` nothing says which files an earlier build made: with `removingUnknown` false (a first build
    /// into a folder that already holds files) those files are left alone and counted, and only `--clean` removes
    /// them.
    package static func write(
        _ output: SiteFiles, to directory: URL, unchanged: Set<String> = [],
        listed: [String]? = nil, removingUnknown: Bool = true
    ) throws -> Summary {
        let fm = FileManager.default
        var summary = Summary()
        let root = directory.standardizedFileURL.path
        // Defence in depth: the compiler never produces such paths; a write must never leave the output folder.
        if let bad = output.paths.first(where: { $0.hasPrefix("/") || $0.split(separator: "/").contains { $0 == ".." || $0 == "." } }) {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: bad])
        }
        let existing = try listed ?? (fm.fileExists(atPath: root) ? SiteFiles.paths(under: directory) : [])
        var stale = existing.filter { output[$0] == nil && !unchanged.contains($0) }
        if listed == nil, !removingUnknown {
            summary.leftAlone = stale.count
            stale = []
        }
        for path in stale {
            if listed == nil {
                try fm.removeItem(atPath: root + "/" + path)
            } else {
                // Listed by the last build, perhaps deleted since.
                guard (try? fm.removeItem(atPath: root + "/" + path)) != nil else { continue }
            }
            summary.removed += 1
        }
        // Folders emptied by those removals go too (a page that became a file, `api.json/index.html` → `api.json`,
        // needs its old folder gone), deepest first; rmdir leaves any folder that still holds something.
        var emptied: Set<String> = []
        for path in stale {
            var parent = path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                if !emptied.insert(parent).inserted { break }
            }
        }
        var removedFolders: Set<String> = []
        for folder in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) where rmdir(root + "/" + folder) == 0 {
            removedFolders.insert(folder)
        }
        let present = Set(existing).subtracting(stale)
        var folders: Set<String> = []
        // Folders seen on disk need no mkdir (unless emptied and removed just now); listed files' folders may have
        // gone, so those are made as needed.
        for path in existing where listed == nil {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                guard !removedFolders.contains(folder), folders.insert(folder).inserted else { break }
            }
        }
        let files = output.files.sorted { $0.key < $1.key }
        // Compare with what is there (on all cores), then create each missing folder once, parents first.
        let needed: [Bool] = Parallel.map(files.count) { index in
            let (path, data) = files[index]
            guard present.contains(path), let old = fm.contents(atPath: root + "/" + path) else { return true }
            return old != data
        }
        var missing: Set<String> = []
        for (index, (path, _)) in files.enumerated() where needed[index] {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if folders.contains(folder) || !missing.insert(folder).inserted { break }
            }
        }
        if !fm.fileExists(atPath: root) { try fm.createDirectory(atPath: root, withIntermediateDirectories: true) }
        // Parents before children, each depth on all cores (a new site makes a folder per page).
        var byDepth: [Int: [String]] = [:]
        for folder in missing { byDepth[folder.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }, default: []].append(folder) }
        for depth in byDepth.keys.sorted() {
            let level = byDepth[depth] ?? []
            let failed: [String?] = Parallel.map(level.count) { index in
                mkdir(root + "/" + level[index], 0o755) == 0 || errno == EEXIST ? nil : level[index]
            }
            for folder in failed.compactMap({ $0 }) {
                try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
        }
        let failures: [String?] = Parallel.map(files.count) { index in
            guard needed[index] else { return nil }
            do {
                try FileWriter.write(files[index].value, to: root + "/" + files[index].key)
                return nil
            } catch {
                return files[index].key
            }
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: root + "/" + failed])
        }
        summary.changed = needed.filter { $0 }.count
        return summary
    }
}

extension SiteFiles {
    /// Relative paths of the regular files under `directory` (symbolic links are not followed).
    package static func paths(under directory: URL) throws -> [String] {
        var paths: [String] = []
        walk(directory.standardizedFileURL.path, prefix: "", into: &paths)
        return paths
    }

    /// readdir with the entry types the file system reports: no stat per file.
    private static func walk(_ folder: String, prefix: String, into paths: inout [String]) {
        DirectoryEntries.forEach(in: folder) { name, reported in
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var type = reported
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { return }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
            }
            if type == Int32(DT_DIR) {
                walk(folder + "/" + name, prefix: relative, into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(relative)
            }
        }
    }
}
