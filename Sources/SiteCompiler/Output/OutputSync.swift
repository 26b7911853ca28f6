package import Foundation

/// Brings an output folder in line with a build: writes only files whose bytes changed and removes files the
/// build no longer produces, so servers and rsync see exactly what changed.
package enum OutputSync {
    /// How many files were written and removed.
    package struct Summary: Sendable {
        /// Files written (new or changed).
        package var changed = 0
        /// Files deleted because the build no longer produces them.
        package var removed = 0
    }

    /// Writes `output` under `directory`, skipping files whose bytes are already there. Top-level folders named in
    /// `keeping` (such as the incremental cache, `.sitectl-cache`) are left alone.
    package static func write(_ output: SiteFiles, to directory: URL, keeping: Set<String> = []) throws -> Summary {
        let fm = FileManager.default
        var summary = Summary()
        let existing = (fm.fileExists(atPath: directory.path) ? try SiteFiles.paths(under: directory) : []).filter {
            path in !keeping.contains(String(path.prefix { $0 != "/" }))
        }
        for path in existing where output[path] == nil {
            try fm.removeItem(at: directory.appendingPathComponent(path))
            summary.removed += 1
        }
        let present = Set(existing)
        for (path, data) in output.files {
            let url = directory.appendingPathComponent(path)
            if present.contains(path), let old = fm.contents(atPath: url.path), old == data { continue }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileWriter.write(data, to: url.path)
            summary.changed += 1
        }
        return summary
    }
}

extension SiteFiles {
    /// Relative paths of the regular files under `directory`.
    package static func paths(under directory: URL) throws -> [String] {
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(relative)
            }
        }
        return paths
    }
}
