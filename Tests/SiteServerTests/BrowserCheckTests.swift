import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Headless-Chromium checks before a version is stored: console errors, failed requests, the home page screenshot,
/// and skipping (never failing the job) when Chromium is absent, broken or hangs.
@Suite struct BrowserCheckTests {
    static let chromiumInstalled = ChromiumRunner.locate(override: nil) != nil

    /// An agent that adds `static/broken.html`: a script that throws, a `console.error`, and a missing image.
    static func brokenPageAgent() throws -> CommandAgentJobTests.FakeBin {
        try CommandAgentJobTests.FakeBin("broken-page-agent", script: """
            mkdir -p static
            # The missing image is what the browser check must see; the build's link check only warns about it.
            printf '\nlink_check: warn\n' >> site.yaml
            cat > static/broken.html <<'HTML'
            <!doctype html><html><head><title>Broken</title></head><body><h1>Broken</h1>
            <img src="/missing.png" alt="">
            <script>console.error("oops", 42)</script>
            <script>throw new Error("boom")</script>
            </body></html>
            HTML
            echo "Added a broken page."
            """)
    }

    @Test(.enabled(if: chromiumInstalled, "Chromium is not installed"), .timeLimit(.minutes(2)))
    func aBrokenPageYieldsConsoleErrorsAndFailedRequestsAndTheHomeIsScreenshotted() async throws {
        let bin = try Self.brokenPageAgent()
        defer { bin.remove() }
        let daemon = try TestDaemon(agent: bin.agent("broken-page-agent"), browserChecks: BrowserCheckSettings(enabled: true))
        let (user, token) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "add a broken page", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])

        let version = try await daemon.components.versions.show(site: "blog", ref: "2", for: user)
        let browser = (version.findings ?? []).filter { $0.check == "browser" }
        #expect(browser.allSatisfy { $0.severity == "warning" && $0.file == "broken.html" }, "\(browser)")
        #expect(browser.contains { $0.message.hasPrefix("console error") && $0.message.contains("boom") }, "\(browser)")
        #expect(browser.contains { $0.message.hasPrefix("console error") && $0.message.contains("oops 42") }, "\(browser)")
        #expect(browser.contains { $0.message.contains("failed request: /missing.png") }, "\(browser)")
        #expect(version.checkStatus == .warnings)
        #expect(version.browserChecks == "2 console errors, 1 failed request", "\(version.browserChecks ?? "nil")")
        #expect(version.hasScreenshot == true)

        let png = try #require(try await daemon.components.versions.screenshot(site: "blog", ref: "2", for: user))
        #expect(png.starts(with: BrowserCheck.pngSignature))
        #expect(png.count > 2_000)
        let log = try await daemon.components.versions.buildLog(site: "blog", ref: "2", for: user)
        #expect(log.contains("browser: loaded 1 of 1 changed page(s)"), "\(log)")

        try await daemon.application().test(.router) { client in
            let shot = try await client.api(.get, Routes.versionScreenshot("blog", "2"), token: token)
            #expect(shot.status == .ok)
            #expect(shot.headers[.contentType] == "image/png")
            #expect(Data(shot.body.readableBytesView) == png)
            // Version 1 came from site creation: no browser checks, no screenshot, a clear 404.
            let none = try await client.api(.get, Routes.versionScreenshot("blog", "1"), token: token)
            #expect(none.status == .notFound)
            #expect(none.text.contains("no screenshot"))
        }
    }

    @Test func withoutChromiumTheChecksAreSkippedWithANoteAndTheJobSucceeds() async throws {
        let bin = try Self.brokenPageAgent()
        defer { bin.remove() }
        let settings = BrowserCheckSettings(enabled: true, executable: "/nonexistent/chromium")
        let daemon = try TestDaemon(agent: bin.agent("broken-page-agent"), browserChecks: settings)
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "add a broken page", for: user)
        #expect(try await daemon.drainQueue().map(\.state) == [.succeeded])
        let version = try await daemon.components.versions.show(site: "blog", ref: "2", for: user)
        #expect(version.browserChecks == "skipped: Chromium not installed")
        #expect((version.findings ?? []).allSatisfy { $0.check != "browser" })
        #expect(version.hasScreenshot == false)
        #expect(try await daemon.components.versions.screenshot(site: "blog", ref: "2", for: user) == nil)
        let log = try await daemon.components.versions.buildLog(site: "blog", ref: "2", for: user)
        #expect(log.contains("browser checks skipped: Chromium not installed"))
    }

    @Test func aBrokenOrHangingChromiumIsASkipNotAFailure() async throws {
        let bin = try CommandAgentJobTests.FakeBin("fake-chromium", script: "exit 3")
        let hang = try CommandAgentJobTests.FakeBin("hanging-chromium", script: "sleep 120")
        defer {
            bin.remove()
            hang.remove()
        }
        let output = SiteFiles(["index.html": Data("<html><body>hi</body></html>".utf8)])
        let broken = BrowserCheck(settings: BrowserCheckSettings(executable: bin.url.appendingPathComponent("fake-chromium").path))
        let result = await broken.run(output: output, pages: ["index.html"])
        #expect(result.summary.hasPrefix("skipped: Chromium failed to run"), "\(result.summary)")
        #expect(result.findings.isEmpty && result.screenshot == nil)

        let clock = ContinuousClock()
        let start = clock.now
        let slow = BrowserCheck(
            settings: BrowserCheckSettings(executable: hang.url.appendingPathComponent("hanging-chromium").path, timeout: .milliseconds(500)))
        let timedOut = await slow.run(output: output, pages: ["index.html"])
        #expect(timedOut.summary.contains("timed out"), "\(timedOut.summary)")
        #expect(clock.now - start < .seconds(60))  // the fake sleeps 120 s; generous for loaded CI machines
    }

    @Test func changedPagesAndConsoleLinesAreParsed() {
        let base = SiteFiles(["index.html": Data("a".utf8), "about/index.html": Data("b".utf8), "x.css": Data("c".utf8)])
        let output = SiteFiles([
            "index.html": Data("a".utf8), "about/index.html": Data("B".utf8), "new.html": Data("n".utf8), "x.css": Data("C".utf8),
        ])
        #expect(BrowserCheck.changedPages(output: output, base: base) == ["about/index.html", "new.html"])
        #expect(BrowserCheck.changedPages(output: output, base: nil) == ["about/index.html", "index.html", "new.html"])
        #expect(BrowserCheck.urlPath("about/index.html") == "about/")
        #expect(BrowserCheck.urlPath("index.html") == "")
        // DevTools events: console.error (tag removed), uncaught exceptions; plain logs are not errors.
        func event(_ method: String, _ json: String) -> ChromiumSession.Event { .init(method: method, params: Data(json.utf8)) }
        #expect(ChromiumSession.consoleError(event("Runtime.consoleAPICalled", #"{"type":"error","args":[{"type":"string","value":"[console.error] bad thing"},{"type":"number","value":42}]}"#)) == "bad thing 42")
        #expect(ChromiumSession.consoleError(event("Runtime.consoleAPICalled", #"{"type":"log","args":[{"type":"string","value":"just a log"}]}"#)) == nil)
        #expect(ChromiumSession.consoleError(event("Runtime.exceptionThrown", #"{"exceptionDetails":{"text":"Uncaught","exception":{"description":"Error: boom at b.html:1"}}}"#)) == "Uncaught Error: boom at b.html:1")
        let injected = String(decoding: CheckServer.inject(Data("<html><HEAD lang=x><title>t</title>".utf8)), as: UTF8.self)
        #expect(injected.hasPrefix("<html><HEAD lang=x><script>"))
    }
}
