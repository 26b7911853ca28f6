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

    /// Issue 13, part 4: the output folder holds only the site (the cache lives beside the source, or under
    /// `$XDG_CACHE_HOME` when that is not possible), and two clean builds are byte-identical.
    @Test func theOutputHoldsOnlyTheSiteAndCleanBuildsAreByteIdentical() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/blog/starter"), to: site)
        let a = harness.work.appendingPathComponent("a").path
        let b = harness.work.appendingPathComponent("b").path
        // A folder left by an earlier version's cache inside the output goes.
        try fm.createDirectory(atPath: a + "/.sitectl-cache", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: a + "/.sitectl-cache/records"))
        for out in [a, b] {
            let built = try harness.run(["build", site.path, "--out", out])
            #expect(built.status == 0, "\(built.stderr)")
        }
        func tree(_ path: String) throws -> [String: Data] {
            // Every regular file, hidden ones included.
            var files: [String: Data] = [:]
            guard let walk = fm.enumerator(atPath: path) else { return files }
            for case let relative as String in walk {
                var isFolder: ObjCBool = false
                if fm.fileExists(atPath: path + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                    files[relative] = fm.contents(atPath: path + "/" + relative)
                }
            }
            return files
        }
        let first = try tree(a)
        #expect(!first.isEmpty)
        #expect(first == (try tree(b)), "two clean builds differ")
        #expect(first.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }.isEmpty, "\(first.keys.sorted())")
        // The cache sits beside the source, one folder per output, and git ignores it.
        let caches = try fm.contentsOfDirectory(atPath: site.path + "/.sitectl/cache")
        #expect(caches.count == 2 && caches.contains { $0.hasPrefix("a-") } && caches.contains { $0.hasPrefix("b-") }, "\(caches)")
        #expect(fm.contents(atPath: site.path + "/.sitectl/.gitignore").map { String(decoding: $0, as: UTF8.self) }?.contains("\n*\n") == true)
        // It is still a cache: nothing changed, nothing written; a --clean build leaves the same bytes.
        let again = try harness.run(["build", site.path, "--out", a])
        #expect(again.stderr.contains(", 0 written, 0 removed)"), "\(again.stderr)")
        #expect(try harness.run(["build", site.path, "--out", a, "--clean"]).status == 0)
        #expect(try tree(a) == first)
        // Never inside the output.
        let inside = try harness.run(["build", site.path, "--out", a, "--cache-dir", a + "/cache"])
        #expect(inside.status == 64)
        #expect(inside.stderr.contains("inside the output folder"), "\(inside.stderr)")
        // A source folder where .sitectl/ cannot be made: the cache goes under $XDG_CACHE_HOME instead.
        let other = harness.work.appendingPathComponent("other")
        try fm.copyItem(at: site, to: other)
        try fm.removeItem(at: other.appendingPathComponent(".sitectl"))
        try Data("not a folder".utf8).write(to: other.appendingPathComponent(".sitectl"))
        let xdg = harness.work.appendingPathComponent("xdg").path
        let c = harness.work.appendingPathComponent("c").path
        let fallback = try harness.run(["build", other.path, "--out", c], environment: ["XDG_CACHE_HOME": xdg])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(try tree(c) == first)
        #expect((try? fm.contentsOfDirectory(atPath: xdg + "/sitectl/builds"))?.count == 1)
        let fallbackAgain = try harness.run(["build", other.path, "--out", c], environment: ["XDG_CACHE_HOME": xdg])
        #expect(fallbackAgain.stderr.contains(", 0 written, 0 removed)"), "\(fallbackAgain.stderr)")
    }
}
