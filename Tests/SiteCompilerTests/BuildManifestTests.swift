import Foundation
import SiteCompiler
import Testing

/// The no-change fast path and the search index's text prefix.
@Suite struct BuildManifestTests {
    @Test func plainPrefixEqualsThePrefixOfTheWholeText() {
        var html = ""
        for index in 0..<400 {
            html += "<p>Para \(index) &amp; <em>more</em>&nbsp;text &lt;tag&gt;\n\n  spaced   out</p>\n<ul><li>x</li></ul>"
        }
        for limit in [0, 1, 7, 300, 5_000, 100_000] {
            #expect(HTMLText.plainPrefix(html, characters: limit) == String(HTMLText.plain(html).prefix(limit)))
        }
    }

    @Test func manifestRoundTripsAndNoticesEdits() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("title: x\n".utf8).write(to: site.appendingPathComponent("site.yaml"))
        try Data("<p>x</p>".utf8).write(to: out.appendingPathComponent("index.html"))
        let scan = SourceScan(root: site)
        var manifest = BuildManifest()
        manifest.key = "k"
        manifest.outputRoot = out.standardizedFileURL.path
        manifest.diagnostics = ["a\tb\nc\\d"]
        // Scanned "now": every file is recent, so its digest is kept as well.
        manifest.recordSources(scan, files: try SiteFiles.load(from: site, paths: scan.stamps.keys), scanned: .max / 2)
        manifest.recordOutputs(["index.html"], in: out)
        try manifest.save(to: root.appendingPathComponent("cache"))
        let loaded = try #require(BuildManifest.load(from: root.appendingPathComponent("cache")))
        #expect(loaded == manifest)
        #expect(loaded.isCurrent(key: "k", scan: SourceScan(root: site), source: site, output: out, now: Date()))
        #expect(!loaded.isCurrent(key: "other", scan: SourceScan(root: site), source: site, output: out, now: Date()))
        try Data("title: y\n".utf8).write(to: site.appendingPathComponent("site.yaml"))
        #expect(!loaded.isCurrent(key: "k", scan: SourceScan(root: site), source: site, output: out, now: Date()))
    }
}
