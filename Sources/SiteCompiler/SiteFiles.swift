package import Foundation

/// A site's source or output as an in-memory tree: relative POSIX paths (no leading `/`) to bytes.
///
/// The unit every stage exchanges: the worker materialises a version into one, the agent edits one,
/// the compiler turns one into another, and storage writes one as a manifest.
package struct SiteFiles: Sendable, Equatable {
    /// Path → bytes.
    package var files: [String: Data]

    /// A tree holding `files`.
    package init(_ files: [String: Data] = [:]) { self.files = files }

    /// The bytes at `path`, nil when absent; setting nil removes the file.
    package subscript(path: String) -> Data? {
        get { files[path] }
        set { files[path] = newValue }
    }

    /// The file as UTF-8 text, if it exists and decodes.
    package func text(_ path: String) -> String? {
        files[path].flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Stores `text` as UTF-8 at `path`.
    package mutating func setText(_ path: String, _ text: String) {
        files[path] = Data(text.utf8)
    }

    /// Paths in byte order, so every iteration is deterministic.
    package var paths: [String] { files.keys.sorted() }

    /// Reads every regular file under `directory` (hidden files included, so policy checks can see them).
    package static func load(from directory: URL) throws -> SiteFiles {
        let fm = FileManager.default
        var result: [String: Data] = [:]
        let root = directory.standardizedFileURL.path
        guard let enumerator = fm.enumerator(atPath: root) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return SiteFiles(result)
    }

    /// Writes every file under `directory`, creating folders as needed.
    package func write(to directory: URL) throws {
        let fm = FileManager.default
        for (path, data) in files {
            let url = directory.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }
}
