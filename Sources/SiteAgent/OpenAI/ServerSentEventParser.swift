/// Splits a `text/event-stream` body into event payloads, however the bytes are chunked.
///
/// Handles `\n` and `\r\n` line ends, comments (`: ping`), multi-line `data:` fields and a last event without a
/// blank line after it (see ``finish()``).
struct ServerSentEventParser {
    private var pending: [UInt8] = []
    private var data: [String] = []

    /// Feeds bytes; returns the `data` of every event completed by them.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var events: [String] = []
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                pending.append(byte)
                continue
            }
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            let line = String(decoding: pending, as: UTF8.self)
            pending.removeAll(keepingCapacity: true)
            if let event = handle(line) { events.append(event) }
        }
        return events
    }

    /// Ends the stream: returns the last event when the body did not end with a blank line.
    mutating func finish() -> String? {
        if !pending.isEmpty {
            let line = String(decoding: pending, as: UTF8.self)
            pending.removeAll()
            _ = handle(line)
        }
        return dispatch()
    }

    private mutating func handle(_ line: String) -> String? {
        if line.isEmpty { return dispatch() }
        if line.hasPrefix(":") { return nil }
        guard line.hasPrefix("data:") else { return nil }  // event:, id:, retry: carry nothing we use
        var value = line.dropFirst(5)
        if value.first == " " { value = value.dropFirst() }
        data.append(String(value))
        return nil
    }

    private mutating func dispatch() -> String? {
        guard !data.isEmpty else { return nil }
        defer { data.removeAll() }
        return data.joined(separator: "\n")
    }
}
