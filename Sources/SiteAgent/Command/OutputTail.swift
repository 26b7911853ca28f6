import Foundation

/// Follows a file being written by another process and hands out its complete new lines.
struct OutputTail {
    let path: String
    private var offset: UInt64 = 0
    private var partial = Data()

    init(path: String) {
        self.path = path
    }

    /// Lines completed since the last call (each cut at 500 characters).
    mutating func newLines() -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty else { return [] }
        offset += UInt64(data.count)
        partial.append(data)
        var lines: [String] = []
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: partial[partial.startIndex..<newline], as: UTF8.self)
            partial = Data(partial[partial.index(after: newline)...])
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(String(line.prefix(500))) }
        }
        return lines
    }
}
