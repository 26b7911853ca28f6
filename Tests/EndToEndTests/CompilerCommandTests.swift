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

    /// Issue 13, part 5 (one-page edit): content files untouched since an earlier build are taken from the page
    /// cache (`pages` beside the manifest) instead of being read and parsed; the output still equals a clean build.
    @Test func unchangedPagesComeFromThePageCacheAndTheOutputStillEqualsACleanBuild() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/blog/starter"), to: site)
        // Files written just now are too fresh to cache (the clock's resolution): make them a minute old.
        let old = Date().addingTimeInterval(-60)
        let sources = try fm.subpathsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".md") }
        for path in sources { try fm.setAttributes([.modificationDate: old], ofItemAtPath: site.path + "/" + path) }
        let out = harness.work.appendingPathComponent("out").path
        let first = try harness.run(["build", site.path, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        let caches = try fm.contentsOfDirectory(atPath: site.path + "/.sitectl/cache")
        let cache = site.path + "/.sitectl/cache/" + (caches.first ?? "")
        #expect(fm.fileExists(atPath: cache + "/pages"), "\(caches)")

        // A post's title changes: lists show the new title, and the output equals a clean build's.
        let post = try #require(sources.first { $0.hasPrefix("content/posts/") && !$0.hasSuffix("_index.md") })
        let postURL = site.appendingPathComponent(post)
        let text = try String(contentsOf: postURL, encoding: .utf8)
        let titleLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        try text.replacingOccurrences(of: String(titleLine), with: "title: \"A renamed post\"").write(to: postURL, atomically: true, encoding: .utf8)
        let edited = try harness.run(["build", site.path, "--out", out])
        #expect(edited.status == 0, "\(edited.stderr)")
        let clean = harness.work.appendingPathComponent("clean").path
        #expect(try harness.run(["build", site.path, "--out", clean, "--clean"]).status == 0)
        for path in try fm.subpathsOfDirectory(atPath: clean) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            #expect(fm.contents(atPath: out + "/" + path) == fm.contents(atPath: clean + "/" + path), "\(path)")
        }
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(home.contains("A renamed post"))

        // A cached file rewritten with its size and modification time put back (as `cp -p` or `rsync -t` do) is
        // still noticed: its change time moved. So is a swap of two same-size files with `mv`.
        let other = try #require(sources.first { $0.hasPrefix("content/posts/") && !$0.hasSuffix("_index.md") && $0 != post })
        let otherPath = site.path + "/" + other
        let otherText = try String(contentsOfFile: otherPath, encoding: .utf8)
        let stamp = try fm.attributesOfItem(atPath: otherPath)[.modificationDate] as? Date
        // The longest line: prose, not a component fence.
        let longest = try #require(otherText.split(separator: "\n").max { $0.utf8.count < $1.utf8.count })
        let swapped = otherText.replacingOccurrences(of: String(longest), with: String(repeating: "Z", count: longest.utf8.count))
        #expect(swapped.utf8.count == otherText.utf8.count)
        try swapped.write(toFile: otherPath, atomically: false, encoding: .utf8)
        try fm.setAttributes([.modificationDate: stamp as Any], ofItemAtPath: otherPath)
        let restored = try harness.run(["build", site.path, "--out", out])
        #expect(restored.status == 0, "\(restored.stderr)")
        let slug = String(other.dropFirst("content/".count).dropLast(".md".count))
        #expect(try String(contentsOfFile: out + "/" + slug + "/index.html", encoding: .utf8).contains("ZZZZZZZZ"))
        // Two same-size files with the same times swapped by renames.
        let a = site.path + "/content/posts/same-a.md", b = site.path + "/content/posts/same-b.md"
        try "---\ntitle: Same A\n---\n\nAlpha text.\n".write(toFile: a, atomically: false, encoding: .utf8)
        try "---\ntitle: Same B\n---\n\nBravo text.\n".write(toFile: b, atomically: false, encoding: .utf8)
        for path in [a, b] { try fm.setAttributes([.modificationDate: old], ofItemAtPath: path) }
        #expect(try harness.run(["build", site.path, "--out", out]).status == 0)
        #expect(try harness.run(["build", site.path, "--out", out]).status == 0)
        try fm.moveItem(atPath: a, toPath: a + ".tmp")
        try fm.moveItem(atPath: b, toPath: a)
        try fm.moveItem(atPath: a + ".tmp", toPath: b)
        let afterSwap = try harness.run(["build", site.path, "--out", out])
        #expect(!afterSwap.stderr.contains("nothing changed"), "\(afterSwap.stderr)")
        #expect(try String(contentsOfFile: out + "/posts/same-a/index.html", encoding: .utf8).contains("Bravo text."))

        // A damaged cache file is ignored; --clean ignores it too.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: cache + "/pages"))
        try "---\ntitle: Extra again\n---\n\nExtra.\n".write(to: site.appendingPathComponent("content/extra.md"), atomically: true, encoding: .utf8)
        let afterDamage = try harness.run(["build", site.path, "--out", out])
        #expect(afterDamage.status == 0, "\(afterDamage.stderr)")
        #expect(try harness.run(["build", site.path, "--out", clean, "--clean"]).status == 0)
        for path in try fm.subpathsOfDirectory(atPath: clean) where path.hasSuffix(".html") {
            #expect(fm.contents(atPath: out + "/" + path) == fm.contents(atPath: clean + "/" + path), "\(path)")
        }
    }

    /// From the attack run: a failed build used to drop the manifest, so the next build no longer knew which files
    /// it had made and left a deleted page or a draft published. A build that did not finish (killed) leaves a mark:
    /// the next one renders everything but still knows its files.
    @Test func aFailedOrKilledBuildNeverLeavesOldPagesPublished() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/starter/starter"), to: site)
        try "---\ntitle: Secret\ndraft: true\n---\n\nNot yet.\n".write(
            to: site.appendingPathComponent("content/secret.md"), atomically: true, encoding: .utf8)
        let out = harness.work.appendingPathComponent("out").path
        #expect(try harness.run(["build", site.path, "--out", out, "--drafts"]).status == 0)
        #expect(fm.fileExists(atPath: out + "/secret/index.html"))
        let yaml = site.appendingPathComponent("site.yaml")
        let good = try Data(contentsOf: yaml)
        try Data("title: [unclosed\n".utf8).write(to: yaml)
        #expect(try harness.run(["build", site.path, "--out", out]).status != 0)
        try good.write(to: yaml)
        let fixed = try harness.run(["build", site.path, "--out", out])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!fm.fileExists(atPath: out + "/secret/index.html"), "the draft stayed published: \(fixed.stderr)")
        #expect(!fixed.stderr.contains("were not made by this build"), "\(fixed.stderr)")

        // A killed build leaves its mark: everything is rendered again, and a page deleted since still goes.
        let cache = site.path + "/.sitectl/cache/" + (try fm.contentsOfDirectory(atPath: site.path + "/.sitectl/cache").first ?? "")
        try Data().write(to: URL(fileURLWithPath: cache + "/building"))
        let about = try #require(try fm.contentsOfDirectory(atPath: site.path + "/content").first { $0 != "_index.md" && $0.hasSuffix(".md") })
        try fm.removeItem(atPath: site.path + "/content/" + about)
        let afterKill = try harness.run(["build", site.path, "--out", out])
        #expect(afterKill.status == 0, "\(afterKill.stderr)")
        #expect(afterKill.stderr.contains(" 0 reused"), "\(afterKill.stderr)")
        #expect(!fm.fileExists(atPath: out + "/" + String(about.dropLast(3)) + "/index.html"))
        #expect(!fm.fileExists(atPath: cache + "/building"))
        #expect(try harness.run(["build", site.path, "--out", out]).stderr.contains("(nothing changed)"))
    }

    /// Two builds of one site into one output take turns on the cache (a lock file in it) rather than mix their
    /// records; the second says it is waiting.
    @Test func aSecondBuildIntoTheSameOutputWaitsForTheFirst() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/starter/starter"), to: site)
        let out = harness.work.appendingPathComponent("out").path
        #expect(try harness.run(["build", site.path, "--out", out]).status == 0)
        let cache = site.path + "/.sitectl/cache/" + (try fm.contentsOfDirectory(atPath: site.path + "/.sitectl/cache").first ?? "")
        // This test holds the lock as a running build would.
        let descriptor = open(cache + "/lock", O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        try "---\ntitle: Extra\n---\n\nExtra.\n".write(to: site.appendingPathComponent("content/extra.md"), atomically: true, encoding: .utf8)
        nonisolated(unsafe) var second: Harness.Result?
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            second = try? harness.run(["build", site.path, "--out", out])
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 2) == .timedOut, "the build did not wait for the lock")
        flock(descriptor, LOCK_UN)
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(second?.status == 0, "\(second?.stderr ?? "")")
        #expect(second?.stderr.contains("Waiting for another build of") == true, "\(second?.stderr ?? "")")
        #expect(fm.fileExists(atPath: out + "/extra/index.html"))
    }

    /// From the attack run on issue 13: a build never deletes what it did not make, and never the source.
    @Test func aBuildNeverDestroysTheSourceOrFilesItDidNotMake() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/starter/starter"), to: site)
        // The output may not be the source, nor a folder holding it.
        for out in [site.path, harness.work.path] {
            let refused = try harness.run(["build", site.path, "--out", out])
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("holds the site's source"), "\(refused.stderr)")
        }
        #expect(fm.fileExists(atPath: site.path + "/site.yaml") && fm.fileExists(atPath: site.path + "/content"))
        // A first build into a folder with other files leaves them (and says so); --clean removes them.
        let out = harness.work.appendingPathComponent("out").path
        try fm.createDirectory(atPath: out + "/assets", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/keep.txt"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: out + "/assets/old.css"))
        let first = try harness.run(["build", site.path, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 file(s) in"), "\(first.stderr)")
        #expect(fm.fileExists(atPath: out + "/keep.txt"))
        // A cache lost, then --clean: the stale asset goes, its folder stays for the new assets (it used to fail).
        try fm.removeItem(atPath: site.path + "/.sitectl")
        let clean = try harness.run(["build", site.path, "--out", out, "--clean"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!fm.fileExists(atPath: out + "/keep.txt") && !fm.fileExists(atPath: out + "/assets/old.css"))
        #expect(try fm.contentsOfDirectory(atPath: out + "/assets").contains { $0.hasSuffix(".css") })
        // A file in the way of a page's folder: a clear error, not a raw one.
        let blocked = harness.work.appendingPathComponent("blocked").path
        try fm.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked + "/about"))
        let inTheWay = try harness.run(["build", site.path, "--out", blocked])
        #expect(inTheWay.status == 1)
        #expect(inTheWay.stderr.contains("Could not write") && inTheWay.stderr.contains("--clean"), "\(inTheWay.stderr)")
    }

    @Test func theCacheNeedsAFolderOfItsOwnOutsideTheOutput() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let fm = FileManager.default
        let site = harness.work.appendingPathComponent("site")
        try fm.copyItem(at: Harness.repositoryRoot.appendingPathComponent("themes/starter/starter"), to: site)
        let out = harness.work.appendingPathComponent("out").path
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let busy = harness.work.appendingPathComponent("busy").path
        try fm.createDirectory(atPath: busy, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: busy + "/records"))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: busy + "/notes.txt"))
        let link = harness.work.appendingPathComponent("into-out").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: out)
        for cache in [site.path, busy, link + "/cache", harness.work.path] {
            let refused = try harness.run(["build", site.path, "--out", out, "--cache-dir", cache])
            #expect(refused.status == 64, "\(cache): \(refused.stderr)")
        }
        #expect(fm.contents(atPath: busy + "/records") == Data("mine".utf8))
        // A --cache-dir of its own is used again by the next build (it holds the manifest, records, journal, page
        // cache and lock), and the build after that does nothing.
        let own = harness.work.appendingPathComponent("own-cache").path
        for _ in 0..<2 {
            let reused = try harness.run(["build", site.path, "--out", out, "--cache-dir", own])
            #expect(reused.status == 0, "\(reused.stderr)")
        }
        try fm.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: site.path + "/content/_index.md")
        #expect(try harness.run(["build", site.path, "--out", out, "--cache-dir", own]).status == 0)
        let third = try harness.run(["build", site.path, "--out", out, "--cache-dir", own])
        #expect(third.stderr.contains("(nothing changed)"), "\(third.stderr)")
        #expect(Set(try fm.contentsOfDirectory(atPath: own)).isSubset(of: ["manifest.txt", "records", "records.log", "pages", "lock"]))
        // SITE/.sitectl leading into the output: the cache goes under $XDG_CACHE_HOME instead.
        try fm.createSymbolicLink(atPath: site.path + "/.sitectl", withDestinationPath: out)
        let xdg = harness.work.appendingPathComponent("xdg").path
        let built = try harness.run(["build", site.path, "--out", out], environment: ["XDG_CACHE_HOME": xdg])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!fm.fileExists(atPath: out + "/cache"))
        #expect((try? fm.contentsOfDirectory(atPath: xdg + "/sitectl/builds"))?.count == 1)
        // Two names that are one name in Unicode (NFC and NFD): refused, both named.
        try Data("---\ntitle: NFC\n---\n".utf8).write(to: URL(fileURLWithPath: site.path + "/content/caf\u{E9}.md"))
        try Data("---\ntitle: NFD\n---\n".utf8).write(to: URL(fileURLWithPath: site.path + "/content/cafe\u{301}.md"))
        let twins = try harness.run(["build", site.path, "--out", out], environment: ["XDG_CACHE_HOME": xdg])
        #expect(twins.status == 64)
        #expect(twins.stderr.contains("different Unicode code points"), "\(twins.stderr)")
    }
}
