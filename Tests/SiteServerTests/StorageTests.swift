import HTTPTypes
import NIOCore
import Foundation
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

@Suite struct StorageTests {
    @Test func identicalFilesAreStoredOnce() throws {
        let blobs = InMemoryBlobStore()
        let store = ArtifactStore(blobs: blobs)
        let files = SiteFiles(["a.txt": Data("same".utf8), "b.txt": Data("same".utf8), "c.txt": Data("other".utf8)])
        let (digest, manifest) = try store.store(files)
        #expect(manifest.entries.count == 3)
        #expect(Set(manifest.entries.map(\.digest)).count == 2)
        #expect(try store.load(digest) == files)
    }

    @Test func corruptBlobsAreDetectedOnRead() throws {
        let blobs = InMemoryBlobStore()
        let digest = try blobs.put(Data("hello".utf8))
        blobs.corrupt(digest)
        #expect(throws: BlobError.corrupt(digest)) { try blobs.get(digest) }
    }

    @Test func fileBlobStoreVerifiesAndRejectsBadKeys() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        let store = try FileBlobStore(root: root)
        let digest = try store.put(Data("content".utf8))
        #expect(try store.get(digest) == Data("content".utf8))
        let path = root.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(String(digest.dropFirst(2)))
        try Data("tampered".utf8).write(to: path)
        #expect(throws: BlobError.corrupt(digest)) { try store.get(digest) }
        #expect(throws: BlobError.invalidDigest("../../etc/passwd")) { try store.get("../../etc/passwd") }
    }

    @Test func unifiedDiffShowsChangedLinesWithContext() {
        let old = Data("a\nb\nc\nd\ne\nf\ng\n".utf8)
        let new = Data("a\nb\nc\nD\ne\nf\ng\n".utf8)
        let diff = UnifiedDiff.file(path: "x.md", change: "modified", old: old, new: new)
        #expect(diff.unified == "--- a/x.md\n+++ b/x.md\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n")
        #expect(diff.additions == 1 && diff.deletions == 1)
    }

    @Test func sourcePolicyAllowsOnlySiteFiles() {
        #expect(SourcePolicy.problem(withPath: "site.yaml") == nil)
        #expect(SourcePolicy.problem(withPath: "content/about.md") == nil)
        #expect(SourcePolicy.problem(withPath: "static/img/a.jpg") == nil)
        for bad in ["theme.yaml", ".git/config", "content/.x", "content/../x", "static", "/etc/passwd", "layouts/a.mustache"] {
            #expect(SourcePolicy.problem(withPath: bad) != nil, "\(bad)")
        }
    }

    @Test func anAgentCannotWriteTheSitesResponseHeaders() throws {
        let base = SiteFiles(["site.yaml": Data("name: a\ntitle: A\ntheme: starter\n".utf8)])
        var edited = base
        edited.setText("static/_headers", "/*\n  X-Frame-Options: ALLOWALL\n")
        #expect(throws: ServerError.self) { try SourcePolicy.checkChange(from: base, to: edited) }
        var other = base
        other.setText("static/notes.txt", "hello\n")
        #expect(throws: Never.self) { try SourcePolicy.checkChange(from: base, to: other) }
    }
}

/// Attack run, finding 13: damage to the store's own layout (a blob that is a folder, a prefix that is a file)
/// made every store of those bytes fail; storing them again now repairs it.
@Suite struct BlobLayoutRepairTests {
    @Test func aBlobThatIsAFolderOrAPrefixThatIsAFileIsRepairedByStoringAgain() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blob-layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FileBlobStore(root: root)
        let data = Data("hello blobs".utf8)
        let digest = try store.put(data)
        let file = root.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(String(digest.dropFirst(2)))
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        #expect(throws: BlobError.self) { try store.get(digest) }
        #expect(try store.put(data) == digest)
        #expect(try store.get(digest) == data)

        let prefix = root.appendingPathComponent(String(digest.prefix(2)))
        try FileManager.default.removeItem(at: prefix)
        try Data("not a folder".utf8).write(to: prefix)
        #expect(try store.put(data) == digest)
        #expect(try store.get(digest) == data)
        #expect(try store.inventory().map(\.digest) == [digest])
    }
}
