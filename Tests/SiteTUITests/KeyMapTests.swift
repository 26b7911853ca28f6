import Foundation
import SiteAPI
import SiteTUI
import Testing

/// The key map is one table: dispatch, the footer, the `?` overlay and docs/usage.md all read it.
@Suite struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInAScope() {
        for scope in KeyScope.allCases {
            var seen: [Key: KeyAction] = [:]
            for binding in KeyMap.bindings where binding.scope == scope {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) is bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action) in \(scope)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test func theHelpOverlayListsEveryDocumentedRow() {
        let help = KeyHints.help(readonly: false)
        for scope in KeyScope.allCases {
            let section = help.first { $0.title == scope.rawValue }
            for row in KeyMap.rows(scope) {
                #expect(section?.hints.contains { $0.key == row.label && $0.action == row.help } == true,
                        "\(scope.rawValue) lacks \(row.label)")
            }
        }
        #expect(help.contains { $0.title == "Commands (:)" && $0.hints.contains { $0.key == ":versions diff SITE@V" } })
        // Read-only hides what it would refuse.
        let readonly = KeyHints.help(readonly: true).flatMap(\.hints)
        #expect(!readonly.contains { $0.action == "deploy the selected version" })
        #expect(!readonly.contains { $0.key == ":sites delete NAME" })
    }

    @Test func dispatchFollowsTheTable() {
        // Every single-scope key of the dashboard does what the table says (spot checks through the state).
        var state = Fixtures.loadedState()
        #expect(KeyMap.action(for: .character("/"), in: .dashboard) == .filter)
        _ = state.press(.character("/"))
        #expect(state.prompt?.kind == .filter)
        _ = state.press(.escape)
        #expect(KeyMap.action(for: .character("2"), in: .dashboard) == .showJobs)
        #expect(state.press(.character("2")).contains(.loadJobs))
        #expect(state.route == .jobs)
        #expect(KeyMap.action(for: .character("x"), in: .chat) == nil)  // the chat types letters
    }

    /// docs/usage.md holds the table between its keymap markers. `SITECTL_UPDATE_DOCS=1` rewrites it.
    @Test func usageDocMatchesTheKeyMap() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("docs/usage.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        let begin = "<!-- keymap:begin -->\n"
        let end = "<!-- keymap:end -->"
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let wanted = KeyMap.markdown()
        if current != wanted, ProcessInfo.processInfo.environment["SITECTL_UPDATE_DOCS"] == "1" {
            try (String(text[..<start.upperBound]) + wanted + String(text[stop.lowerBound...])).write(to: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == wanted, "docs/usage.md's key table is out of date: run SITECTL_UPDATE_DOCS=1 swift test --filter usageDocMatchesTheKeyMap")
    }
}
