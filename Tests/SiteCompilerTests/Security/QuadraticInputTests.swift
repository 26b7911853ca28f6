import Foundation
import SiteCompiler
import Testing

/// Found by the attack run: inputs of a few hundred KB that took minutes and held the daemon's compile slot.
@Suite struct QuadraticInputTests {
    @Test func aLongFlowListInFrontMatterParsesWithItsColumns() throws {
        // Each item's column was counted from the start of the line: 40,000 items took 90 s.
        let items = Array(repeating: "1", count: 40_000).joined(separator: ",")
        let page = "---\ntitle: F\nx: [" + items + "]\n---\nHi\n"
        let result = try Fixtures.compiler.compile(try Fixtures.starter(with: ["content/f.md": page]), options: Fixtures.options)
        #expect(result.output.paths.contains("f/index.html"))
    }

    @Test func thousandsOfBrokenLinksReportTwentyAndCountTheRest() throws {
        // Each broken link was located and given a "did you mean" over every id: 10,000 took 94 s.
        let links = (0..<10_000).map { "[x](#h\($0))" }.joined(separator: " ")
        let page = "---\ntitle: B\n---\n\n" + links + "\n"
        let diagnostics = Fixtures.failures(try Fixtures.starter(with: ["content/b.md": page]))
        let broken = diagnostics.filter { $0.message.hasPrefix("broken link") }
        #expect(broken.count == 20)
        #expect(diagnostics.contains { $0.message.contains("9980 more broken links") }, "\(diagnostics.suffix(2).map(\.message))")
    }
}
