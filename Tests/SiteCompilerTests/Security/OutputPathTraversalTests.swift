import Foundation
import SiteCompiler
import Testing

/// Found by the attack run: `slug:` and `aliases:` in front matter could name files outside the output folder
/// (`sitectl build` wrote /tmp/…/pwn-file.html and overwrote a file beside the site).
@Suite struct OutputPathTraversalTests {
    @Test func aSlugWithDotDotStaysInsideTheOutput() throws {
        let page = "---\ntitle: A\nslug: ../../../escaped-slug\n---\nHi\n"
        let result = try Fixtures.compiler.compile(try Fixtures.starter(with: ["content/a.md": page]), options: Fixtures.options)
        for path in result.output.paths {
            #expect(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "\(path)")
        }
        #expect(result.output.paths.contains("escaped-slug/index.html"))
    }

    @Test func aliasesThatLeaveTheSiteAreErrorsWithTheirLine() throws {
        for alias in ["/../../../pwn-file.html", "../victim.txt", "//evil.com/x", "javascript:alert(1)", "/a/./b/", "/\\\\evil.com"] {
            let page = "---\ntitle: A\naliases: [\"\(alias)\"]\n---\nHi\n"
            let diagnostics = Fixtures.failures(try Fixtures.starter(with: ["content/a.md": page]))
            #expect(diagnostics.contains { $0.message.contains("must be a path on this site") && ($0.line == 3 || alias.contains("\\")) }, "\(alias): \(diagnostics.map(\.formatted))")
        }
    }

    @Test func outputPathsNeverClimbOutOfTheOutputFolder() {
        for url in ["/../../x/", "/a/../../b.html", "//evil.com/x", "/./a/", "/..", "/a\\\\..\\\\b/"] {
            let path = PagePath.outputPath(for: url)
            #expect(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "\(url) → \(path)")
        }
    }
}
