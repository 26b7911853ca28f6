package import Foundation
package import SiteCompiler

/// The list of files of a version's source or output: path → blob digest and size. Stored itself as a blob.
package struct Manifest: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Equatable {
        package var path: String
        package var digest: String
        package var size: Int
        /// Compressed forms stored beside the file (output manifests only; absent in manifests made before them,
        /// and for files too small or not text, so older manifests keep their bytes and their digests).
        package var br: Variant?
        package var gzip: Variant?

        package init(path: String, digest: String, size: Int, br: Variant? = nil, gzip: Variant? = nil) {
            self.path = path
            self.digest = digest
            self.size = size
            self.br = br
            self.gzip = gzip
        }

        /// The file's blob and its variants' blobs (the collector keeps, and the audit checks, all of them).
        package var digests: [String] { [digest] + [br, gzip].compactMap { $0?.digest } }

        package func variant(_ coding: ContentCoding) -> Variant? {
            switch coding {
            case .br: br
            case .gzip: gzip
            }
        }
    }

    /// A compressed form of an entry: its own blob.
    package struct Variant: Codable, Sendable, Equatable {
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

    /// The manifest's stored form: JSON with sorted keys (its digest names the manifest).
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// The manifest of `files`, handing each blob to `put` (which returns its digest). With `variants`, each text
    /// file of at least ``Compression/minimumSize`` bytes also gets brotli and gzip forms, kept when they save a
    /// tenth; a file whose bytes are in `reuse` (the version before) takes its variants from there instead of
    /// compressing again. Compression is deterministic, so a rebuild gives the same manifest.
    package static func build(_ files: SiteFiles, variants: Bool, reuse: Manifest? = nil, put: (Data) throws -> String) throws -> Manifest {
        var known: [String: Entry] = [:]
        for entry in reuse?.entries ?? [] where entry.br != nil || entry.gzip != nil { known[entry.digest] = entry }
        var entries: [Entry] = []
        for path in files.paths {
            let data = files.files[path] ?? Data()
            let digest = try put(data)
            var entry = Entry(path: path, digest: digest, size: data.count)
            if variants, data.count >= Compression.minimumSize, Compression.isCompressible(path: path) {
                if let earlier = known[digest] {
                    entry.br = earlier.br
                    entry.gzip = earlier.gzip
                } else {
                    if let br = try Compression.variant(.br, of: data) { entry.br = Variant(digest: try put(br), size: br.count) }
                    if let gzip = try Compression.variant(.gzip, of: data) { entry.gzip = Variant(digest: try put(gzip), size: gzip.count) }
                    known[digest] = entry
                }
            }
            entries.append(entry)
        }
        return Manifest(entries: entries)
    }
}

/// Reads and writes whole file trees as manifests over a ``BlobStore``.
package struct ArtifactStore: Sendable {
    package let blobs: any BlobStore

    package init(blobs: any BlobStore) { self.blobs = blobs }

    /// Stores every file (identical bytes are stored once) and the manifest; returns the manifest's digest.
    /// With `variants`, text files get brotli and gzip forms (see ``Manifest/build(_:variants:reuse:put:)``).
    package func store(_ files: SiteFiles, variants: Bool = false, reuse: Manifest? = nil) throws -> (digest: String, manifest: Manifest) {
        let manifest = try Manifest.build(files, variants: variants, reuse: reuse) { try blobs.put($0) }
        let digest = try blobs.put(try manifest.encoded())
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
