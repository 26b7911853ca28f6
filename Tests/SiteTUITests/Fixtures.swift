import Foundation
import SiteAPI
import SiteTUI

/// Fixed data for view and state tests: three sites, four versions of `blog`, times in UTC.
enum Fixtures {
    static let epoch = Date(timeIntervalSince1970: 1_781_272_800)  // 2026-06-12 14:00:00 UTC
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static let sites = [
        Site(name: "blog", theme: "paper", description: "Personal blog", status: .enabled, liveVersion: 3,
             previewVersion: 4, latestVersion: 4, createdAt: epoch, updatedAt: epoch),
        Site(name: "shop", theme: "market", description: nil, status: .disabled, liveVersion: nil,
             previewVersion: nil, latestVersion: 1, createdAt: epoch, updatedAt: epoch),
        Site(name: "docs", theme: "paper", description: "Product docs", status: .enabled, liveVersion: 7,
             previewVersion: nil, latestVersion: 7, createdAt: epoch, updatedAt: epoch),
    ]

    static func version(_ number: Int, _ summary: String, live: Bool = false, preview: Bool = false,
                        checks: CheckStatus = .passed) -> Version {
        Version(site: "blog", number: number, createdAt: epoch.addingTimeInterval(Double(number) * 3600),
                origin: number == 1 ? "seed" : "chat", summary: summary, requestId: nil, checkStatus: checks,
                sourceFiles: 4, outputFiles: 9, outputBytes: 20_000, isLive: live, isPreview: preview)
    }

    static let versions = [
        version(1, "Starter site"),
        version(2, "Add about page"),
        version(3, "Add blog section", live: true),
        version(4, "Dark footer", preview: true, checks: .warnings),
    ]

    static func request(_ id: Int64, site: String = "blog", state: RequestState, question: Question? = nil,
                        reply: String? = nil, job: Int64? = nil, version: Int? = nil) -> BuildRequest {
        BuildRequest(id: id, site: site, message: "m", state: state, question: question, answer: nil, reply: reply,
                     jobId: job, version: version, createdAt: epoch, updatedAt: epoch)
    }

    static func logEvent(site: String = "blog", request: Int64?, job: Int64, seq: Int, _ message: String,
                         level: String = "info") -> Event {
        Event(kind: .jobLog, site: site, time: epoch, requestId: request, jobId: job,
              line: LogLine(jobId: job, seq: seq, time: epoch.addingTimeInterval(Double(seq)), level: level,
                            message: message))
    }

    /// A state with the fixture sites loaded.
    static func loadedState(readonly: Bool = false) -> AppState {
        var state = AppState(readonly: readonly, contextName: "local", host: "unix:///run/sitectl.sock")
        state.apply(.sitesLoaded(sites))
        return state
    }

    static func render(_ state: AppState, width: Int = 100, height: Int = 24, color: Bool = true) -> Screen {
        AppView(state: state, context: RenderContext(colorEnabled: color, timeZone: utc)).render(width: width, height: height)
    }
}

extension AppState {
    /// Feeds keys one by one and collects every effect.
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { handle($0) }
    }

    /// Types text into whatever has focus.
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { handle(.character($0)) }
    }
}
