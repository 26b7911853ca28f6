import Foundation
@testable import SiteCompiler
import Testing

/// Found by the attack run: a file swapped for a link to /etc/shadow between the scan and the read was served.
/// Reads now check where the opened descriptor points, so the swap is caught whenever it happens.
@Suite struct SwappedLinkTests {
    @Test func aFileSwappedForALinkOutsideAfterTheScanIsNotRead() throws {
        let root = URL(fileURLWithPath: "/tmp/sitectl-swap-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("static"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("static/race.txt")
        try "ok\n".write(to: file, atomically: true, encoding: .utf8)
        let scan = SourceScan(root: root)
        #expect(scan.stamps.keys.contains("static/race.txt"))
        // The swap, after the scan and before the read.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: "/etc/passwd")
        #expect(throws: (any Error).self) { _ = try SiteFiles.load(from: root, paths: scan.stamps.keys) }
    }
}
