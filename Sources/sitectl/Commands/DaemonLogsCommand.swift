import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

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

        func run() async throws {
            guard tail >= 0 else { throw ClientError("--tail must be 0 or more.", exitCode: ClientError.Exit.usage) }
            // A daemon on another machine: its log through the API (operator only: an ssh:// context).
            if dataDir == nil, case let endpoint = try global.resolvedContext().endpoint, endpoint.isRemote || {
                if case .unix = endpoint { return false } else { return true }
            }() {
                let cutoff = try since.map(Self.cutoff)
                let client = try global.client()
                var query = "?tail=\(cutoff == nil ? tail : 0)"
                if follow { query += "&follow=1" }
                for try await line in client.lines(Routes.daemonLogs + query) {
                    if let cutoff, (Self.time(of: line).map { $0 < cutoff } ?? true) { continue }
                    if json { Terminal.exact(line) } else { Terminal.out(Self.render(line)) }
                }
                return
            }
            let settings = try DaemonSettings(dataDir: dataDir, listen: nil, serve: "127.0.0.1:0", workers: 1)
            let path = settings.logFile.path
            guard tail >= 0 else { throw ClientError("--tail must be 0 or more.", exitCode: ClientError.Exit.usage) }
            let cutoff = try since.map(Self.cutoff)
            var info = stat()
            guard stat(path, &info) == 0, let handle = FileHandle(forReadingAtPath: path) else {
                throw ClientError("There is no daemon log at \(path).", hint: "Start the daemon first (sitectl daemon start), or pass its --data-dir.",
                    exitCode: ClientError.Exit.failure)
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw ClientError("\(path) is not a regular file.", hint: "Move it away; the daemon creates a new log when it starts.",
                    exitCode: ClientError.Exit.failure)
            }
            defer { try? handle.close() }
            // --tail without --since reads only the end of the file (a log can be large).
            let size = UInt64(info.st_size)
            var start: UInt64 = 0
            if tail > 0, cutoff == nil {
                var window: UInt64 = 64 << 10
                while window < size {
                    try handle.seek(toOffset: size - window)
                    let chunk = try handle.read(upToCount: Int(window)) ?? Data()
                    if chunk.reduce(0, { $0 + ($1 == 0x0A ? 1 : 0) }) > tail { start = size - window; break }
                    window *= 4
                }
            }
            try handle.seek(toOffset: start)
            var data = try handle.readToEnd() ?? Data()
            let end = try handle.offset()
            if start > 0, let newline = data.firstIndex(of: 0x0A) { data = Data(data[(newline + 1)...]) }
            var lines = Self.lines(data).filter { cutoff == nil || Self.time(of: $0).map { $0 >= cutoff! } ?? false }
            if tail > 0, lines.count > tail { lines = Array(lines.suffix(tail)) }
            for line in lines { if json { Terminal.exact(line) } else { Terminal.out(Self.render(line)) } }
            guard follow else { return }
            var offset = end
            var partial = Data()
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(300))
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? offset
                if size < offset { offset = 0 }  // Truncated or replaced: start again from its beginning.
                guard size > offset, let reader = FileHandle(forReadingAtPath: path) else { continue }
                try reader.seek(toOffset: offset)
                let more = reader.readDataToEndOfFile()
                try? reader.close()
                offset += UInt64(more.count)
                partial.append(more)
                guard let lastNewline = partial.lastIndex(of: UInt8(ascii: "\n")) else { continue }
                let complete = partial[partial.startIndex...lastNewline]
                partial = Data(partial[(lastNewline + 1)...])
                for line in Self.lines(Data(complete)) { if json { Terminal.exact(line) } else { Terminal.out(Self.render(line)) } }
            }
        }

        static func lines(_ data: Data) -> [String] {
            String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
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
