package import Foundation
import Metrics
package import Prometheus
import NIOPosix
import Synchronization
import SiteAPI
import Logging

/// Per-site serving metrics through swift-metrics, kept in a Prometheus registry the API serves at `/metrics`
/// (Prometheus text format): requests by status class, bytes sent, and a latency histogram, each labelled with the
/// site (`_none` for requests that named no site, so random Host values cannot grow the label set).
package final class ServingMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private struct SiteMetrics: Sendable {
        var requests: [Metrics.Counter]  // by status class 1xx…5xx
        var bytes: Metrics.Counter
        var latency: Metrics.Timer
    }
    private let sites = Mutex<[String: SiteMetrics]>([:])

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        self.factory = factory
    }

    private func metrics(for site: String) -> SiteMetrics {
        if let known = sites.withLock({ $0[site] }) { return known }
        let factory = factory
        let made = SiteMetrics(
            requests: (1...5).map { Metrics.Counter(label: "sitectl_http_requests_total", dimensions: [("site", site), ("code", "\($0)xx")], factory: factory) },
            bytes: Metrics.Counter(label: "sitectl_http_response_bytes_total", dimensions: [("site", site)], factory: factory),
            latency: Metrics.Timer(label: "sitectl_http_request_duration_seconds", dimensions: [("site", site)], factory: factory))
        return sites.withLock { dict in
            if let raced = dict[site] { return raced }
            dict[site] = made
            return made
        }
    }

    /// Counts one response.
    package func record(site: String?, status: Int, bytes: Int, nanoseconds: Int64) {
        let metrics = metrics(for: site ?? "_none")
        metrics.requests[min(max(status / 100, 1), 5) - 1].increment()
        if bytes > 0 { metrics.bytes.increment(by: bytes) }
        metrics.latency.recordNanoseconds(nanoseconds)
    }

    /// The Prometheus text exposition of everything recorded.
    package func exposition() -> String { registry.emitToString() }
}

/// How the site server logs requests (`daemon start --access-log`).
package enum AccessLogFormat: String, Sendable, CaseIterable {
    /// nginx's and Apache's "combined" format.
    case combined
    /// One JSON object per line.
    case json
    case off
}

/// Access logs, one file per site under `logs/access/SITE.log` (`_none.log` for requests that named no site),
/// written in batches every 200 ms off the event loops, and rotated at `maxBytes` (`SITE.log.1` … `.5`).
package final class AccessLog: Sendable {
    package struct Entry: Sendable {
        var site: String?
        var remote: String
        var method: String
        var target: String
        var version: String
        var status: Int
        var bytes: Int
        var referer: String?
        var userAgent: String?
        var nanoseconds: Int64
        var time: Date

        package init(
            site: String?, remote: String, method: String, target: String, version: String, status: Int, bytes: Int,
            referer: String?, userAgent: String?, nanoseconds: Int64, time: Date
        ) {
            self.site = site
            self.remote = remote
            self.method = method
            self.target = target
            self.version = version
            self.status = status
            self.bytes = bytes
            self.referer = referer
            self.userAgent = userAgent
            self.nanoseconds = nanoseconds
            self.time = time
        }
    }

    package let folder: URL
    package let format: AccessLogFormat
    let maxBytes: UInt64
    let keep: Int
    /// Entries by file, rendered when flushed (on NIO's thread pool, not on the event loop that served them).
    private struct Pending {
        var entries: [String: [Entry]] = [:]
        var count = 0
        var dropped = 0
    }
    private let pending = Mutex(Pending())
    static let maxPending = 200_000
    private let flushing = Mutex(false)
    /// The formatted time of the current second (formatting a date per request is the expensive part).
    private let clock = Mutex<(second: Int, combined: String, iso: String)>((-1, "", ""))

    package init(folder: URL, format: AccessLogFormat, maxBytes: UInt64 = 64 << 20, keep: Int = 5) {
        self.folder = folder
        self.format = format
        self.maxBytes = maxBytes
        self.keep = keep
    }

    package func record(_ entry: Entry) {
        guard format != .off else { return }
        let file = Self.fileName(for: entry.site)
        pending.withLock { pending in
            // A stalled disk must not grow memory without bound: past this many unwritten lines, new ones are
            // dropped (and said so in the log at the next flush).
            guard pending.count < Self.maxPending else {
                pending.dropped += 1
                return
            }
            pending.count += 1
            pending.entries[file, default: []].append(entry)
        }
    }

    static func fileName(for site: String?) -> String {
        guard let site, SiteNameRules.problem(with: site) == nil else { return "_none" }
        return site
    }

    func render(_ entry: Entry) -> String {
        let second = Int(entry.time.timeIntervalSince1970)
        let (combinedTime, isoTime) = clock.withLock { cached -> (String, String) in
            if cached.second != second {
                cached = (second, Self.combinedTime(entry.time), Self.isoTime(entry.time))
            }
            return (cached.combined, cached.iso)
        }
        switch format {
        case .json:
            var object: [String: Any] = [
                "time": isoTime, "site": entry.site ?? NSNull(), "remote": entry.remote, "method": entry.method, "path": entry.target,
                "protocol": entry.version, "status": entry.status, "bytes": entry.bytes,
                "duration_ms": Double(entry.nanoseconds / 1000) / 1000,
            ]
            if let referer = entry.referer { object["referer"] = referer }
            if let agent = entry.userAgent { object["user_agent"] = agent }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .combined, .off:
            func quoted(_ text: String?) -> String {
                guard let text, !text.isEmpty else { return "\"-\"" }
                return "\"" + Self.escape(text) + "\""
            }
            return "\(entry.remote) - - [\(combinedTime)] \"\(Self.escape(entry.method)) \(Self.escape(entry.target)) \(entry.version)\" "
                + "\(entry.status) \(entry.bytes) \(quoted(entry.referer)) \(quoted(entry.userAgent))"
        }
    }

    /// Quotes, backslashes and control characters as `\xHH`, as nginx does, so a line is always one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    static func combinedTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_mday))/\(months[Int(parts.tm_mon)])/\(parts.tm_year + 1900):\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    static func isoTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Writes what has been recorded (the site server calls this every 200 ms, and once at shutdown).
    package func flush() {
        let (batch, dropped) = pending.withLock { pending -> ([String: [Entry]], Int) in
            defer { pending = Pending() }
            return (pending.entries, pending.dropped)
        }
        if dropped > 0 {
            Logger(label: "sitectl.serving").warning("access log lines dropped: the disk did not keep up", metadata: ["lines": "\(dropped)"])
        }
        guard !batch.isEmpty else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (file, entries) in batch {
            // Rendered in slices with a yield between them: on a machine where the site server's loops share the
            // CPU with this thread, a whole batch at once would hold a loop off for milliseconds (p99 4.3 ms
            // against 1.8 ms without access logs); slices of 256 lines hold it off for a fraction of that.
            var lines: [String] = []
            lines.reserveCapacity(entries.count)
            for start in stride(from: 0, to: entries.count, by: 256) {
                for entry in entries[start..<min(start + 256, entries.count)] { lines.append(render(entry)) }
                sched_yield()
            }
            let path = folder.appendingPathComponent(file + ".log").path
            rotateIfNeeded(path)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { continue }
            let data = Data((lines.joined(separator: "\n") + "\n").utf8)
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 {
                        if errno == EINTR { continue }
                        break
                    }
                    offset += written
                }
            }
            close(descriptor)
        }
    }

    private func rotateIfNeeded(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0, UInt64(info.st_size) >= maxBytes else { return }
        unlink("\(path).\(keep)")
        for index in stride(from: keep - 1, through: 1, by: -1) { rename("\(path).\(index)", "\(path).\(index + 1)") }
        rename(path, "\(path).1")
    }

    /// Flushes every 50 ms until cancelled, then once more (small batches: short pauses for the loops).
    package func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(50))
            try? await NIOThreadPool.singleton.runIfActive { self.flush() }
        }
        flush()
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

