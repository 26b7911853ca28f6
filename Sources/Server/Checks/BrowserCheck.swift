package import Foundation
package import SiteAPI
package import SiteCompiler

/// Settings for the headless-browser checks run before a version is stored.
package struct BrowserCheckSettings: Sendable {
    /// Off: versions record "skipped: browser checks are turned off".
    package var enabled: Bool
    /// The Chromium executable; nil searches PATH for `chromium`, `chromium-browser`, `google-chrome`.
    package var executable: String?
    /// Deadline of one Chromium run.
    package var timeout: Duration
    /// At most this many changed pages are loaded per version.
    package var maxPages: Int

    package init(enabled: Bool = true, executable: String? = nil, timeout: Duration = .seconds(20), maxPages: Int = 20) {
        self.enabled = enabled
        self.executable = executable
        self.timeout = timeout
        self.maxPages = maxPages
    }
}

/// What the browser checks found for one version.
package struct BrowserCheckResult: Sendable {
    /// `warning` findings with `check: "browser"` and the page as `file`.
    package var findings: [CheckFinding] = []
    /// PNG of the home page at 1280×800, when it could be taken.
    package var screenshot: Data?
    /// One line for `versions show`: `passed`, `2 console errors, 1 failed request`, `skipped: …`.
    package var summary: String
    /// Lines for the build log.
    package var log: [String] = []
}

/// Loads a version's changed pages in headless Chromium: console errors, failed requests, a home page screenshot.
///
/// One Chromium per daemon (``ChromiumSessions``), driven over the DevTools protocol, serves every version: a
/// page costs milliseconds instead of a browser start. A Chromium that died is started again on the next page.
/// Never throws: anything that keeps the checks from running becomes a "skipped" summary, not a failed job.
package struct BrowserCheck: Sendable {
    package let settings: BrowserCheckSettings

    package init(settings: BrowserCheckSettings) { self.settings = settings }

    /// HTML pages of `output` that are new or differ from `base` (all pages without a base), sorted.
    package static func changedPages(output: SiteFiles, base: SiteFiles?) -> [String] {
        output.files.keys.filter { path in
            (path.hasSuffix(".html") || path.hasSuffix(".htm")) && base?.files[path] != output.files[path]
        }.sorted()
    }

    /// Runs the checks over `output` for `pages` (output paths such as `index.html`, `blog/index.html`).
    package func run(output: SiteFiles, pages: [String]) async -> BrowserCheckResult {
        guard settings.enabled else { return Self.skipped("browser checks are turned off") }
        guard let executable = ChromiumRunner.locate(override: settings.executable) else {
            return Self.skipped("Chromium not installed")
        }
        let server = CheckServer(output: output)
        let selected = Array(pages.prefix(max(0, settings.maxPages)))
        do {
            return try await server.run { port in
                try await check(selected, total: pages.count, output: output, executable: executable, server: server, port: port)
            }
        } catch {
            return Self.skipped("\(error)")
        }
    }

    /// Loads one page in the daemon's Chromium, starting it (again) when it is not running.
    private func load(_ url: String, screenshot: Bool, executable: String) async throws -> ChromiumSession.PageLoad {
        let session = try ChromiumSessions.shared.session(for: executable)
        do {
            return try await session.load(url, screenshot: screenshot, timeout: settings.timeout)
        } catch where !session.isAlive {
            // Chromium died under this page (crash, OOM kill): one retry in a fresh browser.
            return try await ChromiumSessions.shared.session(for: executable).load(url, screenshot: screenshot, timeout: settings.timeout)
        }
    }

    private func check(
        _ pages: [String], total: Int, output: SiteFiles, executable: String, server: CheckServer, port: Int
    ) async throws -> BrowserCheckResult {
        var result = BrowserCheckResult(summary: "passed")
        var ran = 0
        var homeRecorded = false
        var failures: [String] = []
        if output.files["index.html"] != nil {
            do {
                let run = try await load("http://127.0.0.1:\(port)/", screenshot: true, executable: executable)
                let misses = server.takeMisses()
                if let png = run.screenshot, png.starts(with: Self.pngSignature) {
                    result.screenshot = png
                    result.log.append("browser: home page screenshot taken (\(png.count) bytes)")
                } else {
                    failures.append("home page screenshot failed (no image)")
                }
                if pages.contains("index.html") {
                    ran += 1
                    homeRecorded = true
                    record(page: "index.html", errors: run.consoleErrors, misses: misses, into: &result)
                }
            } catch {
                _ = server.takeMisses()
                failures.append("home page screenshot failed (\(error))")
            }
        }
        for page in pages where page != "index.html" || !homeRecorded {
            try Task.checkCancellation()
            do {
                let run = try await load("http://127.0.0.1:\(port)/\(Self.urlPath(page))", screenshot: false, executable: executable)
                ran += 1
                record(page: page, errors: run.consoleErrors, misses: server.takeMisses(), into: &result)
            } catch {
                _ = server.takeMisses()
                failures.append("\(page) did not load (\(error))")
            }
        }
        result.log += failures.map { "browser: \($0)" }
        if ran == 0, result.screenshot == nil, !(pages.isEmpty && failures.isEmpty) {
            return Self.skipped("Chromium failed to run (\(failures.first ?? "no output"))")
        }
        result.summary = Self.summary(result.findings, loaded: ran, total: total)
        result.log.insert("browser: loaded \(ran) of \(total) changed page(s): \(result.summary)", at: 0)
        return result
    }

    private func record(page: String, errors: [String], misses: [String], into result: inout BrowserCheckResult) {
        for message in errors.prefix(10) {
            result.findings.append(
                CheckFinding(severity: "warning", check: "browser", message: "console error: \(String(message.prefix(300)))", file: page))
        }
        for path in Array(Set(misses)).sorted().prefix(10) {
            result.findings.append(
                CheckFinding(severity: "warning", check: "browser", message: "failed request: \(path) (404 Not Found)", file: page))
        }
    }

    static let pngSignature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    static func skipped(_ reason: String) -> BrowserCheckResult {
        BrowserCheckResult(summary: "skipped: \(reason)", log: ["browser checks skipped: \(reason)"])
    }

    /// `blog/index.html` → `blog/`, other paths unchanged.
    static func urlPath(_ page: String) -> String {
        if page == "index.html" { return "" }
        return page.hasSuffix("/index.html") ? String(page.dropLast("index.html".count)) : page
    }

    static func summary(_ findings: [CheckFinding], loaded: Int, total: Int) -> String {
        let console = findings.filter { $0.message.hasPrefix("console error") }.count
        let requests = findings.count - console
        var parts: [String] = []
        if console > 0 { parts.append("\(console) console error\(console == 1 ? "" : "s")") }
        if requests > 0 { parts.append("\(requests) failed request\(requests == 1 ? "" : "s")") }
        var text = parts.isEmpty ? "passed" : parts.joined(separator: ", ")
        if loaded < total { text += " (\(loaded) of \(total) changed pages loaded)" }
        return text
    }
}
