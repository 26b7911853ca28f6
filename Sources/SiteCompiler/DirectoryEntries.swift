#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The entries of one folder straight from readdir, with the type the file system reports (`DT_DIR`, `DT_REG`,
/// `DT_LNK`, or `DT_UNKNOWN` when it reports none): no stat per entry. `.` and `..` are left out.
enum DirectoryEntries {
    static func forEach(in folder: String, _ body: (_ name: String, _ type: Int32) -> Void) {
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            body(name, Int32(entry.pointee.d_type))
        }
    }
}
