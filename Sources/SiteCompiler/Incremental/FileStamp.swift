#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// What `stat` says about a file: its size and modification time in nanoseconds. Equal stamps mean "not touched"
/// (unless the file was rewritten within the clock's resolution, which ``BuildManifest`` guards against by hashing
/// files modified close to the build).
package struct FileStamp: Sendable, Equatable {
    /// Size in bytes.
    package var size: Int64
    /// Modification time, nanoseconds since 1970.
    package var modified: Int64

    /// A stamp with the given fields.
    package init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the regular file or folder at `path` (symlinks followed); nil when there is none.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// Whether `path` is a folder.
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
