import ArgumentParser
import Foundation
import SiteAPI
import SiteClient
import SiteServer

extension DaemonCommand {
    /// `sitectl daemon logs`: the daemon's own log (JSON lines in DATA/logs/daemon.log) on this machine.
    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the daemon's log (failed jobs' causes, failed logins, recovery after a crash).")

        @Option(help: "The daemon's data dir (default: $XDG_DATA_HOME/sitectl).") var dataDir: String?
        @Option(help: "Lines to show from the end (0: all).") var tail = 100
        @Option(help: "Only lines newer than this: a duration (30s, 10m, 2h, 1d) or an ISO-8601 time.") var since: String?
        @Flag(name: .shortAndLong, help: "Keep printing lines as they are written.") var follow = false
        /// `--json` (a global flag): the JSON lines as stored.
        var json: Bool { global.format == .json }

        @OptionGroup var global: GlobalOptions

        /// One log line as stored (`--json`) or rendered.
        func emit(_ line: String) {
            if json { Terminal.exact(line) } else { Terminal.out(Self.render(line)) }
        }

        func run() async throws {
            guard tail >= 0 else { throw ClientError("--tail must be 0 or more.", exitCode: ClientError.Exit.usage) }
            // A daemon on another machine: its log through the API (operator only: an ssh:// context).
            if dataDir == nil, try !global.resolvedContext().endpoint.isUnixSocket {
                let cutoff = try since.map(Self.cutoff)
                let client = try global.client()
                var query = "?tail=\(cutoff == nil ? tail : 0)"
                if follow { query += "&follow=1" }
                for try await line in client.lines(Routes.daemonLogs + query) {
                    if let cutoff, (Self.time(of: line).map { $0 < cutoff } ?? true) { continue }
                    emit(line)
                }
                return
            }
            let settings = try DaemonSettings(dataDir: dataDir, listen: nil, serve: "127.0.0.1:0", workers: 1)
            let path = settings.logFile.path
            let cutoff = try since.map(Self.cutoff)
            var info = stat()
            guard stat(path, &info) == 0, access(path, R_OK) == 0 else {
                throw ClientError("There is no daemon log at \(path).", hint: "Start the daemon first (sitectl daemon start), or pass its --data-dir.",
                    exitCode: ClientError.Exit.failure)
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw ClientError("\(path) is not a regular file.", hint: "Move it away; the daemon creates a new log when it starts.",
                    exitCode: ClientError.Exit.failure)
            }
            // --tail without --since reads only the end of the file (a log can be large).
            let reader = LogFileReader(path: path)
            var lines = reader.lastLines(cutoff == nil ? tail : 0).filter { cutoff == nil || Self.time(of: $0).map { $0 >= cutoff! } ?? false }
            if tail > 0, lines.count > tail { lines = Array(lines.suffix(tail)) }
            for line in lines { emit(line) }
            guard follow else { return }
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(300))
                for line in reader.newLines() { emit(line) }
            }
        }

        /// "2026-12-05T08:28:30Z info  daemon starting  listen=… pid=…", control characters escaped.
        static func render(_ line: String) -> String {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return line }
            let time = object["time"] as? String ?? "-"
            let level = (object["level"] as? String ?? "-").padding(toLength: 7, withPad: " ", startingAt: 0)
            let message = object["message"] as? String ?? ""
            let rest = object.keys.filter { !["time", "level", "message", "label"].contains($0) }.sorted()
                .map { "\($0)=\(object[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
            return "\(time) \(level) \(message)" + (rest.isEmpty ? "" : "  " + rest)
        }

        static func time(of line: String) -> Date? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["time"] as? String
            else { return nil }
            return parseISO(text)
        }

        static func parseISO(_ text: String) -> Date? {
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return fractional.date(from: text) ?? ISO8601DateFormatter().date(from: text)
        }

        static func cutoff(_ text: String) throws -> Date {
            if let unit = text.last, unit.isLetter, let seconds = DurationText.seconds(text) {
                return Date().addingTimeInterval(-seconds)
            }
            if let date = parseISO(text) { return date }
            throw ClientError("'\(text)' is not a duration or a time.", hint: "sitectl daemon logs --since 10m   (or --since 2026-12-05T08:00:00Z)",
                exitCode: ClientError.Exit.usage)
        }
    }
}
