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
    /// Links are not followed out of the tree (see ``SourceScan``); use ``load(from:skippedLinks:)`` to report them.
    package static func load(from directory: URL) throws -> SiteFiles {
        var skipped: [String] = []
        return try load(from: directory, skippedLinks: &skipped)
    }

    /// Reads every regular file under `directory`, hidden ones included; links that lead out of the tree, to
    /// folders or nowhere are left out and listed in `skippedLinks`.
    package static func load(from directory: URL, skippedLinks: inout [String]) throws -> SiteFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        let scan = SourceScan(root: directory, includeHidden: true)
        skippedLinks = scan.skippedLinks.sorted()
        return try load(from: directory, paths: scan.stamps.keys)
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
