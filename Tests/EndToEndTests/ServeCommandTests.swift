import Foundation
import Testing

/// `sitectl serve --watch` through the real binary: serves a folder, picks up an edit, stops on Ctrl-C.
@Suite(.tags(.endToEnd)) struct ServeCommandTests {
    @Test func watchServesEditsAndStopsOnInterrupt() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let site = harness.work.appendingPathComponent("site")
        try FileManager.default.copyItem(
            at: Harness.repositoryRoot.appendingPathComponent("themes/docs/starter"), to: site)
        let port = Harness.freePort()
        let process = Process()
        process.executableURL = Harness.binary
        process.arguments = ["serve", site.path, "--port", String(port), "--watch"]
        process.environment = harness.environment
        let log = harness.work.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        func fetch(_ path: String) throws -> String {
            try Harness.exec("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(port)\(path)"], environment: [:]).stdout
        }
        let served = try Harness.eventually { try fetch("/faq/").contains("</html>") }
        #expect(served, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(try fetch("/faq/").contains("/__sitectl/reload"))
        // The daemon's responder: an ETag that revalidates to 304, ranges, the security headers, no long caching.
        let headers = try Harness.exec("/usr/bin/curl", ["-sS", "-D", "-", "-o", "/dev/null", "http://127.0.0.1:\(port)/faq/"], environment: [:])
            .stdout.lowercased()
        #expect(headers.contains("cache-control: no-cache") && headers.contains("x-content-type-options: nosniff"), "\(headers)")
        let etag = try #require(headers.split(separator: "\r\n").first { $0.hasPrefix("etag: ") }).dropFirst(6)
        let revalidated = try Harness.exec("/usr/bin/curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "If-None-Match: \(etag)",
            "http://127.0.0.1:\(port)/faq/"], environment: [:]).stdout
        #expect(revalidated == "304")
        let whole = try fetch("/faq/")
        let part = try Harness.exec("/usr/bin/curl", ["-sS", "-r", "0-14", "http://127.0.0.1:\(port)/faq/"], environment: [:]).stdout
        #expect(part == String(whole.prefix(15)), "\(part)")

        let page = site.appendingPathComponent("content/faq.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\nA sentence added while serving: marker-7f3a.\n").write(to: page, atomically: true, encoding: .utf8)
        let updated = try Harness.eventually { try fetch("/faq/").contains("marker-7f3a") }
        #expect(updated, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(Int(try fetch("/__sitectl/reload?since=0")) ?? 0 >= 1)

        process.interrupt()
        let stopped = Harness.eventually(timeout: 15) { !process.isRunning }
        #expect(stopped)
        if stopped { #expect(process.terminationStatus == 0) }
        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(output.contains("Serving http://127.0.0.1:\(port)/"))
        #expect(output.contains("1 rendered"), "\(output)")
    }
}
