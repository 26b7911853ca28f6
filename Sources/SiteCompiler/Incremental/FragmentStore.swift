package import Foundation

/// The on-disk half of a ``RenderMemo``: one file per rendered fragment under `fragments/`, named by its key, plus
/// `format.json` naming the layout. A folder in another format (or none) starts empty.
///
/// Fragments are addressed by the digest of their inputs, so a stale file can never be served for new inputs; the
/// store only needs pruning, which ``save(_:)`` does after each build.
package struct FragmentStore: Sendable {
    /// Bumped whenever keys or fragments change meaning; a store in another format is discarded.
    package static let format = 1

    /// The cache folder.
    package var directory: URL

    /// A store in `directory` (created on first save).
    package init(directory: URL) {
        self.directory = directory
    }

    private var fragments: URL { directory.appendingPathComponent("fragments", isDirectory: true) }
    private var formatFile: URL { directory.appendingPathComponent("format.json") }

    /// Whether the folder holds a store this version can read.
    package var isUsable: Bool {
        guard let data = FileManager.default.contents(atPath: formatFile.path),
            let header = try? JSONDecoder().decode(Header.self, from: data)
        else { return false }
        return header.format == Self.format
    }

    /// A memo that finds the fragments saved by earlier builds (none when the store is unusable).
    package func memo() -> RenderMemo {
        guard isUsable else { return RenderMemo { _ in nil } }
        let folder = fragments
        return RenderMemo { key in
            guard Self.isKey(key), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(key).path)
            else { return nil }
            return String(data: data, encoding: .utf8)
        }
    }

    /// Writes the fragments `memo` added and removes those it did not use.
    package func save(_ memo: RenderMemo) throws {
        let fm = FileManager.default
        if !isUsable { try clear() }
        try fm.createDirectory(at: fragments, withIntermediateDirectories: true)
        for (key, fragment) in memo.added where Self.isKey(key) {
            try FileWriter.write(Data(fragment.utf8), to: fragments.appendingPathComponent(key).path, atomic: true)
        }
        for name in try fm.contentsOfDirectory(atPath: fragments.path) where !memo.used.contains(name) {
            try fm.removeItem(at: fragments.appendingPathComponent(name))
        }
        try JSONEncoder().encode(Header(format: Self.format)).write(to: formatFile, options: .atomic)
    }

    /// Removes the whole store.
    package func clear() throws {
        if FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
    }

    /// Keys are 64 hex digits; anything else is never a file name.
    private static func isKey(_ key: String) -> Bool {
        key.utf8.count == 64 && key.allSatisfy(\.isHexDigit)
    }

    private struct Header: Codable {
        var format: Int
    }
}
