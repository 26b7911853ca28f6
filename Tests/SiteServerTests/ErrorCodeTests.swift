import Foundation
@testable import SiteServer
import Testing

/// The API's error codes are one closed set, and every one of them is documented for script authors.
@Suite struct ErrorCodeTests {
    @Test func everyErrorCodeIsDocumentedInTheAPIReference() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let api = try String(contentsOf: root.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let missing = ErrorCode.allCases.filter { !api.contains("`\($0.rawValue)`") }
        #expect(missing.isEmpty, "undocumented in docs/api.md: \(missing.map(\.rawValue))")
    }
}
