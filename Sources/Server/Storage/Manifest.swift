package import Foundation
package import SiteCompiler

/// The list of files of a version's source or output: path → blob digest and size. Stored itself as a blob.
package struct Manifest: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Equatable {
        package var path: String
        package var digest: String
        package var size: Int
    }

    package let entries: [Entry]
    /// Lookup by path, built once when the manifest is made or decoded (serving reads it per request).
    private let byPath: [String: Entry]

    private enum CodingKeys: String, CodingKey { case entries }

    package init(entries: [Entry]) {
        self.entries = entries
        self.byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(entries: try container.decode([Entry].self, forKey: .entries))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
    }

    package var totalBytes: Int64 { entries.reduce(0) { $0 + Int64($1.size) } }

    package func entry(for path: String) -> Entry? { byPath[path] }
}

/// Reads and writes whole file trees as manifests over a ``BlobStore``.
package struct ArtifactStore: Sendable {
    package let blobs: any BlobStore

    package init(blobs: any BlobStore) { self.blobs = blobs }

    /// Stores every file (identical bytes are stored once) and the manifest; returns the manifest's digest.
    package func store(_ files: SiteFiles) throws -> (digest: String, manifest: Manifest) {
        var entries: [Manifest.Entry] = []
        for path in files.paths {
            let data = files.files[path] ?? Data()
            let digest = try blobs.put(data)
            entries.append(.init(path: path, digest: digest, size: data.count))
        }
        let manifest = Manifest(entries: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let digest = try blobs.put(try encoder.encode(manifest))
        return (digest, manifest)
    }

    package func manifest(_ digest: String) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: try blobs.get(digest))
    }

    /// Materialises a manifest back into a file tree, verifying every blob.
    package func load(_ digest: String) throws -> SiteFiles {
        let manifest = try manifest(digest)
        var files = SiteFiles()
        for entry in manifest.entries {
            files.files[entry.path] = try blobs.get(entry.digest)
        }
        return files
    }
}
