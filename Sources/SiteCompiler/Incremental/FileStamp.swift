#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// What `stat` says about a file: its size, modification and change times in nanoseconds, and its inode. Equal
/// stamps mean "not touched" (unless the file was rewritten within the clock's resolution, which ``BuildManifest``
/// guards against by hashing files changed close to the build). The change time and inode catch what the size and
/// modification time alone miss: a file whose old time was put back (`touch -d`, `cp -p`, `rsync -t`) or two
/// same-size files swapped with `mv`.
package struct FileStamp: Sendable, Equatable {
    /// Size in bytes.
    package var size: Int64
    /// Modification time, nanoseconds since 1970.
    package var modified: Int64
    /// Status change time (`st_ctime`), nanoseconds since 1970: set by the system on every write, rename, link
    /// count or mode change, and impossible to set back.
    package var changed: Int64
    /// The inode number.
    package var inode: UInt64

    /// A stamp with the given fields.
    package init(size: Int64, modified: Int64, changed: Int64 = 0, inode: UInt64 = 0) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The later of the modification and change times: how recently the file was touched in any way.
    package var latest: Int64 { max(modified, changed) }

    /// The stamp of the regular file or folder at `path` (symlinks followed); nil when there is none.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
            let change = info.st_ctimespec
        #else
            let time = info.st_mtim
            let change = info.st_ctim
        #endif
        return FileStamp(
            size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
            changed: Int64(change.tv_sec) * 1_000_000_000 + Int64(change.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// Whether `path` is a folder.
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
