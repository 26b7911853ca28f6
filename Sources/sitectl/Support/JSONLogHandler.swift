import Foundation
import SiteClient
import Logging
import Synchronization

/// Appends log lines to a file; shared by every logger of the daemon.
///
/// Plain `write(2)` on an `O_APPEND` descriptor: a full or read-only disk drops the line (counted, and said once
/// on stderr) instead of crashing the daemon. The file is rotated at ``maxBytes`` (`daemon.log.1` … `.3`).
final class JSONLogSink: Sendable {
    private struct State {
        var descriptor: Int32
        var writes = 0
        var dropped = 0
    }

    static let maxBytes: Int64 = 64 << 20
    static let keep = 3
    private let path: String
    private let state: Mutex<State>

    init(file: URL) throws {
        path = file.path
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ClientError("Cannot open the daemon's log \(file.path): \(String(cString: strerror(errno))).",
                hint: "Check that the data dir is writable (sitectl doctor).")
        }
        state = Mutex(State(descriptor: descriptor))
    }

    func write(_ data: Data) {
        state.withLock { state in
            state.writes += 1
            if state.writes % 256 == 0 { rotateIfLarge(&state) }
            let ok = data.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(state.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
            if !ok {
                state.dropped += 1
                if state.dropped == 1 || state.dropped % 1000 == 0 {
                    let note = "sitectl: cannot write to \(path) (\(String(cString: strerror(errno)))); \(state.dropped) log lines dropped\n"
                    _ = note.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
                }
            }
        }
    }

    private func rotateIfLarge(_ state: inout State) {
        var info = stat()
        guard fstat(state.descriptor, &info) == 0, Int64(info.st_size) >= Self.maxBytes else { return }
        for index in stride(from: Self.keep - 1, through: 1, by: -1) { rename("\(path).\(index)", "\(path).\(index + 1)") }
        rename(path, "\(path).1")
        let fresh = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fresh >= 0 else { return }
        close(state.descriptor)
        state.descriptor = fresh
    }
}

/// A swift-log handler writing one JSON object per line: time, level, label, message, metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    let sink: JSONLogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: JSONLogSink) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            "level": event.level.rawValue, "label": label, "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = value.description
        }
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(0x0A)
        sink.write(data)
    }
}
