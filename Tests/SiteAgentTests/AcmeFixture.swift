import Foundation
import SiteCompiler
@testable import SiteAgent

/// The acceptance fixture (Tests/Fixtures/acme) and the request context of agent-requests.md: versions 1–5
/// (v5 live), clock 2026-06-12 14:00 UTC, themes starter, blog, portfolio, docs.
enum AcmeFixture {
    /// The repository root: the folder holding `Tests/Fixtures/acme/site.yaml`, found from this file
    /// (symlinks resolved, so a dev package that links the test folder works too).
    static let repositoryRoot: URL? = {
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Tests/Fixtures/acme/site.yaml").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    static var directory: URL {
        get throws {
            guard let root = repositoryRoot else { throw FixtureMissing() }
            return root.appendingPathComponent("Tests/Fixtures/acme")
        }
    }

    /// A fresh copy of the fixture's source.
    static func source() throws -> SiteFiles {
        try SiteFiles.load(from: directory)
    }

    static let timeZone = TimeZone(identifier: "UTC") ?? .current

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.date(from: text + ":00Z") ?? Date(timeIntervalSince1970: 0)
    }

    static let versions = [
        AgentVersionInfo(number: 1, createdAt: date("2026-06-01T10:00"), isLive: false),
        AgentVersionInfo(number: 2, createdAt: date("2026-06-05T12:00"), isLive: false),
        AgentVersionInfo(number: 3, createdAt: date("2026-06-11T16:00"), isLive: false),
        AgentVersionInfo(number: 4, createdAt: date("2026-06-12T09:00"), isLive: false),
        AgentVersionInfo(number: 5, createdAt: date("2026-06-12T11:00"), isLive: true),
    ]

    static func context(_ message: String, question: AgentQuestion? = nil, answer: String? = nil) throws -> AgentContext {
        AgentContext(
            message: message, question: question, answer: answer, source: try source(), baseVersion: 5,
            versions: versions, installedThemes: ["starter", "blog", "portfolio", "docs"],
            now: date("2026-06-12T14:00"), timeZone: timeZone)
    }

    struct FixtureMissing: Error {}
}
