import Foundation
import Testing

/// A stylesheet with an unclosed block silently drops every rule after it in the browser; catch it here.
@Suite struct ThemeStylesheetTests {
    static var themes: URL {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("starter/theme.yaml").path) { return candidate }
            url.deleteLastPathComponent()
        }
        return url
    }

    @Test func everyThemeStylesheetHasBalancedBlocksAndComments() throws {
        let enumerator = FileManager.default.enumerator(at: Self.themes, includingPropertiesForKeys: nil)
        var checked = 0
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "css" else { continue }
            var text = try String(contentsOf: file, encoding: .utf8)
            // Strip comments, then count braces outside them.
            #expect(text.components(separatedBy: "/*").count == text.components(separatedBy: "*/").count, "\(file.path): unclosed comment")
            while let start = text.range(of: "/*"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            var depth = 0
            var lowest = 0
            for character in text {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1; lowest = min(lowest, depth) }
            }
            #expect(depth == 0 && lowest == 0, "\(file.path): unbalanced braces (depth \(depth))")
            checked += 1
        }
        #expect(checked >= 4)
    }
}
