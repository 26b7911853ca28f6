import Foundation

/// Size and modification time of every regular, non-hidden file under some folders: cheap to take every few hundred
/// milliseconds, and different whenever a file is added, removed or saved.
struct SourceSnapshot: Equatable {
    private struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private var stamps: [String: Stamp] = [:]

    /// Scans `folders` (missing ones are skipped).
    init(folders: [URL]) {
        for folder in folders {
            let root = folder.standardizedFileURL.path
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                var info = stat()
                let path = root + "/" + relative
                guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                #if os(Linux)
                let modified = info.st_mtim
                #else
                let modified = info.st_mtimespec
                #endif
                stamps[path] = Stamp(
                    size: Int64(info.st_size),
                    seconds: Int(modified.tv_sec),
                    nanoseconds: Int(modified.tv_nsec)
                )
            }
        }
    }
}
