import Foundation
import Logging
import Synchronization

/// Appends log lines to a file; shared by every logger of the daemon.
final class JSONLogSink: Sendable {
    private let handle: Mutex<FileHandle>

    init(file: URL) throws {
        if !FileManager.default.fileExists(atPath: file.path) {
            FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func write(_ data: Data) { handle.withLock { $0.write(data) } }
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
