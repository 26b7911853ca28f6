import Foundation
import SiteCompiler
import Testing
import Yams
@testable import SiteAgent

/// Issue 10: requests in the style of real owners (Tests/Fixtures/requests/owners.yaml), over the acme fixture
/// and the built-in themes' starter sites. A "wrong version" is a change stored where none was expected, or a
/// change that touches a file it should not or lacks what it should hold: there must be none.
@Suite("Agent requests: owners' requests")
struct OwnerRequestTests {
    struct Row: Decodable {
        var site: String
        var category: String
        var message: String
        var expect: String
        var files: [String]?
        var contains: [[String]]?
        var lacks: [[String]]?
    }

    /// The daemon's embedded agent: with the built-in themes, so props answer to their labels and aliases.
    static let agent = EmbeddedAgent(themes: AcmeFixture.repositoryRoot.map { ThemeLibrary(directories: [$0.appendingPathComponent("themes")]) })

    static func rows() throws -> [Row] {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        let text = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/requests/owners.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode([Row].self, from: text)
    }

    static func source(_ site: String) throws -> SiteFiles {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        if site == "acme" { return try AcmeFixture.source() }
        return try SiteFiles.load(from: root.appendingPathComponent("themes/\(site)/starter"))
    }

    /// nil when the outcome is right; otherwise what was wrong, and whether a wrong version would be stored.
    static func judge(_ row: Row) async throws -> (problem: String, wrongVersion: Bool)? {
        let source = try source(row.site)
        let context = AgentContext(
            message: row.message, question: nil, answer: nil, source: source, baseVersion: 1, versions: [],
            installedThemes: ["starter", "blog", "portfolio", "docs"], now: AcmeFixture.date("2026-06-12T14:00"),
            timeZone: AcmeFixture.timeZone)
        let outcome = try await Self.agent.run(context, log: { _ in })
        switch outcome {
        case .changed(let files, let summary, _):
            guard row.expect == "change" else { return ("expected \(row.expect), stored a change: \(summary)", true) }
            let changed = Set(source.paths + files.paths).filter { source[$0] != files[$0] }
            let extra = changed.subtracting(row.files ?? [])
            if !extra.isEmpty { return ("changed \(extra.sorted()) too: \(summary)", true) }
            for pair in row.contains ?? [] where !(files.text(pair[0]) ?? "").contains(pair[1]) {
                return ("\(pair[0]) lacks “\(pair[1])”: \(summary)", true)
            }
            for pair in row.lacks ?? [] where (files.text(pair[0]) ?? "").contains(pair[1]) {
                return ("\(pair[0]) still holds “\(pair[1])”: \(summary)", true)
            }
            return nil
        case .question(let question): return row.expect == "question" ? nil : ("asked: \(question.text)", false)
        case .unsupported(let reason): return row.expect == "unsupported" ? nil : ("refused: \(reason)", false)
        case .noChange(let reason): return row.expect == "no_change" ? nil : ("no change: \(reason)", false)
        case .revert: return ("reverted", row.expect != "change")
        }
    }

    @Test func ownersRequestsAreRightAndNeverStoreAWrongVersion() async throws {
        let rows = try Self.rows()
        var right = 0
        var wrongVersions: [String] = []
        var report: [String] = []
        for row in rows {
            if let (problem, wrong) = try await Self.judge(row) {
                report.append("✗ [\(row.site), \(row.category)] \(row.message) → \(problem)")
                if wrong { wrongVersions.append(row.message) }
            } else {
                right += 1
            }
        }
        let rate = Double(right) / Double(rows.count)
        print("owners' requests: \(right)/\(rows.count) right (\(Int(rate * 100))%), wrong versions: \(wrongVersions.count)")
        for line in report { print(line) }
        #expect(wrongVersions.isEmpty, "wrong versions stored: \(wrongVersions)")
        #expect(right == rows.count, "every row is a finding pinned; none may regress:\n\(report.joined(separator: "\n"))")
    }
}
