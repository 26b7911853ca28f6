import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

@Suite struct MassDeletionGuardTests {
    @Test func deletingMostOfTheSiteUnaskedIsRefused() throws {
        let base = try AcmeFixture.source()
        var new = base
        for path in base.paths where path.hasPrefix("content/") { new[path] = nil }
        let problem = MassDeletionGuard.problem(from: base, to: new, request: "make the header navy")
        #expect(problem?.hasPrefix("The agent deleted") == true)
        #expect(MassDeletionGuard.problem(from: base, to: new, request: "delete all the pages") == nil)
    }

    @Test func deletingOnePageIsFine() throws {
        let base = try AcmeFixture.source()
        var new = base
        if let page = base.paths.first(where: { $0.hasPrefix("content/") }) { new[page] = nil }
        #expect(MassDeletionGuard.problem(from: base, to: new, request: "tidy up") == nil)
    }
}
