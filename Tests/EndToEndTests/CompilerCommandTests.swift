import Foundation
import Testing

/// `sitectl build` and `sitectl themes …` through the real binary, without a daemon.
@Suite(.tags(.endToEnd)) struct CompilerCommandTests {
    @Test func themesListNamesEveryBuiltinTheme() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try harness.run(["themes", "list", "-o", "name"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n") == ["blog", "docs", "portfolio", "starter"])
    }

    @Test func validateReportsLocatedErrorsAndExitsOne() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        #expect(try harness.run(["themes", "validate", "docs"]).status == 0)
        let dir = harness.work.appendingPathComponent("themes").path
        let created = try harness.run(["themes", "new", "mine", "--from", "docs", "--dir", dir])
        #expect(created.status == 0, "\(created.stderr)")
        let path = dir + "/mine"
        #expect(try harness.run(["themes", "validate", path]).status == 0)
        let manifest = path + "/theme.yaml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\n  Button:\n", with: "\n  Buton:\n").write(
            toFile: manifest, atomically: true, encoding: .utf8)
        let broken = try harness.run(["themes", "validate", path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("themes/mine/theme.yaml:"))
        #expect(broken.stderr.contains(": error: component \"Buton\" has no template"))
        let json = try harness.run(["themes", "validate", path, "-o", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"valid\" : false"))
    }

    @Test func buildWritesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = harness.work.appendingPathComponent("site")
        try FileManager.default.copyItem(
            at: Harness.repositoryRoot.appendingPathComponent("themes/docs/starter"), to: site)
        let out = harness.work.appendingPathComponent("out").path
        try "---\ntitle: Extra\n---\n\nAn extra page.\n".write(
            to: site.appendingPathComponent("content/extra.md"), atomically: true, encoding: .utf8)
        let first = try harness.run(["build", site.path, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/docs/introduction/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/search.json"))
        let again = try harness.run(["build", site.path, "--out", out])
        #expect(again.stderr.contains(", 0 written, 0 removed)"), "\(again.stderr)")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/extra.md"))
        let edited = try harness.run(["build", site.path, "--out", out])
        #expect(!FileManager.default.fileExists(atPath: out + "/extra/index.html"))
        #expect(edited.stderr.contains("1 removed"), "\(edited.stderr)")
        // Removing a page the navigation links to breaks that link: an error by default, the output left alone.
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/faq.md"))
        let broken = try harness.run(["build", site.path, "--out", out])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("error: broken link \"/faq/\""), "\(broken.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/faq/index.html"))
        let missing = try harness.run(["build", harness.work.path, "--out", out])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Error: "))
    }
}
