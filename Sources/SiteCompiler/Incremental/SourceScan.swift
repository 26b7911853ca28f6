package import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The regular files of a folder with their ``FileStamp``s, skipping hidden files and folders (`.git`, `.DS_Store`)
/// and any folders named in `excluding` (an output folder inside the site folder): what a build reads, found with
/// one `stat` per file and no reads.
///
/// Symbolic links are never followed out of the tree: a link to a file inside the tree is read as that file;
/// links to folders, links leading outside the tree and dangling links are skipped and listed in ``skippedLinks``
/// (a site folder from elsewhere must not publish `/etc/passwd` or a home folder).
package struct SourceScan: Sendable {
    /// Relative path → stamp.
    package var stamps: [String: FileStamp] = [:]
    /// Links left out, relative paths.
    package var skippedLinks: [String] = []
    /// Pairs of paths spelled with different bytes that are the same text in Unicode (NFC and NFD): a site may
    /// not hold both.
    package var equivalentNames: [(String, String)] = []

    /// Scans `root`; `excluding` are absolute, standardized folder paths left out.
    package init(root: URL, excluding: Set<String> = [], includeHidden: Bool = false) {
        let base = root.standardizedFileURL.path
        var walk = Walk(root: Self.realPath(base) ?? base, excluding: excluding, includeHidden: includeHidden)
        walk.visit(base, relative: "")
        // One stat per file, on all cores.
        let files = walk.files
        let stamps = Parallel.map(files.count) { FileStamp.of(files[$0].full) }
        var spelled: [String: String] = [:]
        for (file, stamp) in zip(files, stamps) where stamp != nil {
            // Swift compares strings by canonical equivalence: `café` spelled with é and with e + ◌́ (NFC and NFD)
            // are one key, so two such files would silently become one.
            if let earlier = spelled[file.relative], !earlier.utf8.elementsEqual(file.relative.utf8) {
                equivalentNames.append((earlier, file.relative))
                continue
            }
            spelled[file.relative] = file.relative
            self.stamps[file.relative] = stamp
        }
        skippedLinks = walk.skipped
    }

    /// The canonical absolute path (links resolved), nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// readdir with the entry types the file system reports (a stat only where it reports none).
    private struct Walk {
        let root: String
        let excluding: Set<String>
        let includeHidden: Bool
        var files: [(full: String, relative: String)] = []
        var skipped: [String] = []

        mutating func visit(_ folder: String, relative: String) {
            DirectoryEntries.forEach(in: folder) { name, reported in
                if !includeHidden, name.hasPrefix(".") { return }
                let full = folder + "/" + name
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = reported
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(full, &info) == 0 else { return }
                    type = (info.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_LNK) {
                    // Only links to regular files inside the tree are read (as the file they name).
                    guard let target = SourceScan.realPath(full), target.hasPrefix(root + "/"), !FileStamp.isDirectory(target) else {
                        skipped.append(path)
                        return
                    }
                    files.append((full, path))
                } else if type == Int32(DT_DIR) {
                    if !excluding.contains(full) { visit(full, relative: path) }
                } else {
                    files.append((full, path))
                }
            }
        }
    }
}

extension SiteFiles {
    /// Reads the files `paths` (relative to `directory`).
    package static func load(from directory: URL, paths: some Sequence<String>) throws -> SiteFiles {
        let root = directory.standardizedFileURL.path
        let realRoot = SourceScan.realPath(root) ?? root
        let list = Array(paths)
        // On all cores. Each file is opened first and the opened file's real path checked, so a file swapped for
        // a link to /etc/shadow between the scan and the read is caught (the scan alone would be a race).
        let contents: [Result<Data, ReadProblem>] = Parallel.map(list.count) { Self.readInside(root + "/" + list[$0], root: realRoot) }
        var files: [String: Data] = [:]
        files.reserveCapacity(list.count)
        for (path, result) in zip(list, contents) {
            switch result {
            case .success(let data): files[path] = data
            case .failure(.outside):
                throw CocoaError(.fileReadNoPermission, userInfo: [
                    NSFilePathErrorKey: root + "/" + path,
                    NSLocalizedDescriptionKey: "\(path) now leads outside the site folder (it changed while being read); nothing was read from it",
                ])
            case .failure(.unreadable):
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: root + "/" + path])
            }
        }
        return SiteFiles(files)
    }

    package enum ReadProblem: Error { case outside, unreadable }

    /// Opens `path`, checks where the descriptor really points (/proc/self/fd), and reads it only when that is
    /// inside `root`.
    package static func readInside(_ path: String, root: String) -> Result<Data, ReadProblem> {
        // Plain system calls: FileHandle and FileManager's link reading were most of the time of reading 10,000
        // small files.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &target, Int(PATH_MAX))
        if length > 0 {
            let opened = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !opened.hasPrefix(root + "/") { return .failure(.outside) }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .success(Data()) }
        var data = Data(count: max(Int(info.st_size), 0))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count == 0 }
                filled += count
            }
            return true
        }
        guard ok else { return .success(Data()) }
        if filled < data.count { data.removeSubrange(filled...) }
        // A file that grew since fstat: a one-byte probe says so (the usual answer, end of file, costs no buffer),
        // then the rest is read in chunks.
        var probe: UInt8 = 0
        var count: Int
        repeat { count = read(descriptor, &probe, 1) } while count < 0 && errno == EINTR
        guard count > 0 else { return .success(data) }
        data.append(probe)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: chunk[..<count])
        }
        return .success(data)
    }
}
