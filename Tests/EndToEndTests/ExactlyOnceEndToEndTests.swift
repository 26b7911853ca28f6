import Foundation
import Testing

/// Issue 9: crashes, stalled workers, a second daemon and bad disks lose nothing and repeat nothing — against the
/// real binary.
@Suite(.tags(.endToEnd)) struct ExactlyOnceEndToEndTests {
    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func aSecondDaemonOnTheSameDataDirIsRefusedAtOnceAndChangesNothing() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let status = try #require(try Self.json(try harness.run(["daemon", "status", "-o", "json"]).stdout) as? [String: Any])
        let pid = try #require(status["pid"] as? Int)

        // Another socket, same data dir: in the background (the CLI checks before it spawns) and in the foreground.
        let other = harness.work.appendingPathComponent("run/other.sock").path
        let started = Date()
        let second = try harness.run([
            "daemon", "start", "--data-dir", harness.dataDir, "--listen", "unix://\(other)", "--serve", "127.0.0.1:\(Harness.freePort())", "--wait",
        ])
        #expect(second.status == 1)
        #expect(second.stderr.contains("Another sitectl daemon (pid \(pid)"), "\(second.stderr)")
        #expect(second.stderr.contains("--data-dir"))
        #expect(Date().timeIntervalSince(started) < 5)
        let foreground = try harness.run([
            "daemon", "start", "--foreground", "--data-dir", harness.dataDir, "--listen", "unix://\(other)",
            "--serve", "127.0.0.1:\(Harness.freePort())",
        ])
        #expect(foreground.status == 1)
        #expect(foreground.stderr.contains("pid \(pid)"), "\(foreground.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))

        // The first daemon is untouched: its socket answers and it still runs jobs.
        let chat = try harness.run(["chat", "blog", "set the site title to Still Here", "--wait"])
        #expect(chat.status == 0, "\(chat.stderr)")
        harness.stopDaemon()
        // Once it is gone, the data dir is free again (the kernel drops the lock even after kill -9).
        try harness.startDaemon()
    }
}
