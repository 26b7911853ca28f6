import Foundation
import SiteCompiler
import Testing
import Yams

/// Issue 8, items 3 and 4: YAML alias bombs, deep nesting, oversized documents and quadratic heading ids fail
/// (or build) in bounded time with a `file:line:col` error instead of taking the process down.
@Suite struct InputBombTests {
    /// The classic 1 KB "billion laughs": nine levels of ten aliases each, 10⁹ values once expanded.
    static func laughs(indent: String = "") -> String {
        var lines = [indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append(indent + "l\(level): &l\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func aBillionLaughsSiteYAMLFailsWithItsPosition() throws {
        var site = try Fixtures.starter()
        let yaml = try #require(site.text("site.yaml"))
        site.setText("site.yaml", yaml + "\n" + Self.laughs() + "\n")
        #expect(Self.laughs().utf8.count < 1100)
        let diagnostics = Fixtures.failures(site)
        let first = try #require(diagnostics.first)
        #expect(first.file == "site.yaml")
        #expect(first.message.contains("expands to more than"), "\(first.formatted)")
        #expect(first.line != nil && first.column != nil)
    }

    @Test func anAliasBombInFrontMatterFailsWithTheFilesLine() throws {
        let page = "---\ntitle: Boom\n" + Self.laughs() + "\n---\n\nBody.\n"
        let site = try Fixtures.starter(with: ["content/boom.md": page])
        let first = try #require(Fixtures.failures(site).first)
        #expect(first.file == "content/boom.md")
        #expect(first.message.contains("expands to more than"), "\(first.formatted)")
        // The limit is crossed on one of the alias lines of the front matter (file lines 4-12).
        #expect((4...12).contains(first.line ?? 0), "\(first.formatted)")
    }

    @Test func anAliasBombInComponentPropsFails() throws {
        let page = "---\ntitle: Boom\n---\n\n:::component Hero\nheadline: Hi\n" + Self.laughs() + "\n:::\n"
        let site = try Fixtures.starter(with: ["content/boom.md": page])
        let first = try #require(Fixtures.failures(site).first)
        #expect(first.file == "content/boom.md")
        #expect(first.message.contains("expands to more than"), "\(first.formatted)")
    }

    @Test func anAliasUsedAsAMappingKeyCannotMakeParsingExponential() throws {
        // Yams hashes every mapping key to find duplicates; an aliased collection as a key costs its expanded size.
        let yaml = Self.laughs() + "\nk: {? *l9 : 1}\n"
        #expect(throws: YAMLLimitExceeded.self) { try YAMLBudget.check(yaml) }
    }

    @Test func mergeKeyLaughsAreBounded() throws {
        var lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
        for level in 1...8 {
            lines.append("m\(level): &m\(level) {<<: [" + Array(repeating: "*m\(level - 1)", count: 10).joined(separator: ", ") + "]}")
        }
        #expect(throws: YAMLLimitExceeded.self) { try YAMLBudget.check(lines.joined(separator: "\n")) }
    }

    @Test func deeplyNestedYAMLFailsInsteadOfOverflowingTheStack() throws {
        for bomb in [String(repeating: "[", count: 100_000), String(repeating: "- ", count: 100_000) + "x", String(repeating: "{a: ", count: 50_000)] {
            let site = try Fixtures.starter(with: ["content/deep.md": "---\ntitle: Deep\nx: " + bomb + "\n---\n"])
            let first = try #require(Fixtures.failures(site).first)
            #expect(first.file == "content/deep.md")
            #expect(first.line != nil, "\(first.formatted)")
        }
    }

    @Test func anOversizedYAMLDocumentIsRefused() throws {
        let big = "title: Big\n" + (0..<40_000).map { "k\($0): \(String(repeating: "v", count: 24))" }.joined(separator: "\n")
        #expect(big.utf8.count > YAMLBudget.maxBytes)
        let error = #expect(throws: YAMLLimitExceeded.self) { try YAMLBudget.check(big) }
        #expect(error?.message.contains("bytes") == true)
    }

    @Test func ordinaryAliasesStillWork() throws {
        let yaml = "defaults: &d {color: blue, size: 2}\nfirst: *d\nsecond: {<<: *d, size: 3}\n"
        try YAMLBudget.check(yaml)
        let node = try #require(try YAMLBudget.compose(yaml))
        #expect(node["first"]?["color"]?.string == "blue")
    }

    @Test func eightyKilobytesOfEqualHeadingsGetLinearUniqueIDs() throws {
        // Was quadratic: the k-th duplicate tried k candidates (20,000 headings took minutes in the daemon).
        let count = 20_000
        var anchors = HeadingAnchors()
        let html = anchors.addIDs(to: String(repeating: "<h1>x</h1>\n", count: count))
        #expect(html.contains("<h1 id=\"x\">x</h1>"))
        #expect(html.contains("<h1 id=\"x-\(count - 1)\">x</h1>"))
        #expect(!html.contains("<h1 id=\"x-\(count)\">"))
        // Explicit ids that collide with generated ones still get unique ids.
        var mixed = HeadingAnchors()
        let ids = mixed.addIDs(to: "<h2>a</h2><h2>a {#a-1}</h2><h2>a</h2><h2>a</h2>")
        #expect(ids == "<h2 id=\"a\">a</h2><h2 id=\"a-1\">a</h2><h2 id=\"a-2\">a</h2><h2 id=\"a-3\">a</h2>")
    }

    @Test func unclosedRawHeadingsDoNotMakeIDsQuadratic() throws {
        var anchors = HeadingAnchors()
        let html = String(repeating: "<h1>x ", count: 50_000) + "<h2>ok</h2>"
        #expect(anchors.addIDs(to: html).hasSuffix("<h2 id=\"ok\">ok</h2>"))
    }

    @Test func fiftyThousandNestedBlockquotesBuildWithoutCrashing() throws {
        let page = "---\ntitle: Deep\n---\n\n" + String(repeating: ">", count: 50_000) + " x\n\n" + String(repeating: "- ", count: 50_000) + "y\n"
        let site = try Fixtures.starter(with: ["content/deep.md": page])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output.paths.contains("deep/index.html"))
    }
}
