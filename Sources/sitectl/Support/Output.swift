import Foundation
import SiteAPI
import SiteClient
import Yams

/// Formats command results as a table, JSON, YAML or names, per `-o`.
enum Output {
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.encoder(pretty: true).encode(value), as: UTF8.self)
    }

    /// The API's JSON shape (snake_case keys, ISO dates) as YAML, with integers and booleans written as such
    /// (through `JSONSerialization` every number became an `NSNumber`, which Yams wrote as `5e+0`).
    static func yaml(_ value: some Encodable) throws -> String {
        let tree = try JSONDecoder().decode(Tree.self, from: try APIJSON.encoder().encode(value))
        return try Yams.dump(object: tree.object, allowUnicode: true, sortKeys: true)
    }

    /// A decoded JSON document, keeping integers, doubles and booleans apart.
    private enum Tree: Decodable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([Tree]), object([String: Tree])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([Tree].self) { self = .array(value) }
            else { self = .object(try container.decode([String: Tree].self)) }
        }

        var object: Any {
            switch self {
            case .null: NSNull()
            case .bool(let value): value
            case .int(let value): value
            case .double(let value): value
            case .string(let value): value
            case .array(let items): items.map(\.object)
            case .object(let members): members.mapValues(\.object)
            }
        }
    }

    /// Prints `value` as JSON/YAML, or calls `table` for the human formats.
    static func emit(_ value: some Encodable, format: OutputFormat, names: () -> [String] = { [] }, table: () -> Void) throws {
        switch format {
        case .json: Terminal.exact(try json(value))
        case .yaml: Terminal.exact(try yaml(value).trimmingCharacters(in: .newlines))
        case .name: names().forEach(Terminal.out)
        case .table, .wide: table()
        }
    }

    /// Left-aligned columns separated by three spaces, like kubectl. Cells are made terminal-safe before they are
    /// measured, so escaped control characters keep the columns aligned.
    struct Style: Sendable {
        var headers = true
        /// `-o wide`: never cut a cell.
        var wide = false
    }

    nonisolated(unsafe) static var style = Style()

    /// The terminal's width when stdout is one (tables are cut to fit), nil when piped.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        var rows = rows.map { $0.map(Terminal.safe) }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        // On a terminal (not piped, not -o wide), the widest column is cut so each row fits on one line.
        if !style.wide, let columns = terminalWidth, widths.count > 1 {
            let total = widths.reduce(0, +) + 3 * (widths.count - 1)
            if total > columns, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
                let room = max(header[widest].count, widths[widest] - (total - columns), 8)
                if room < widths[widest] {
                    widths[widest] = room
                    rows = rows.map { row in
                        var row = row
                        if widest < row.count, row[widest].count > room { row[widest] = String(row[widest].prefix(room - 1)) + "…" }
                        return row
                    }
                }
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "   ")
        }
        if style.headers { Terminal.out(line(header)) }
        rows.forEach { Terminal.out(line($0)) }
    }

    /// Parses an option's value into one of an enum's cases, or fails with the list of valid values (exit 64).
    static func choice<Value: RawRepresentable & CaseIterable>(_ raw: String, as: Value.Type, option: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw ClientError("\(option) '\(raw)' is not valid.",
                hint: "Use one of: \(Value.allCases.map(\.rawValue).joined(separator: ", "))", exitCode: ClientError.Exit.usage)
        }
        return value
    }

    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        let seconds = Int(Date().timeIntervalSince(date))
        if seconds < 60 { return "\(max(seconds, 0))s ago" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        if seconds < 86400 { return "\(seconds / 3600)h ago" }
        return "\(seconds / 86400)d ago"
    }

    /// The first line of `text`, cut to `width` characters with an ellipsis (tables only; JSON keeps everything).
    static func cell(_ text: String, width: Int = 60) -> String {
        let line = String(text.split(separator: "\n").first ?? "")
        return line.count > width ? String(line.prefix(width - 1)) + "…" : line
    }

    static func bytes(_ count: Int64) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KiB", Double(count) / 1024) }
        if count < 1024 * 1024 * 1024 { return String(format: "%.1f MiB", Double(count) / 1024 / 1024) }
        return String(format: "%.1f GiB", Double(count) / 1024 / 1024 / 1024)
    }
}

/// `SITE@REF` as used by the versions commands.
struct VersionRef {
    var site: String
    var ref: String

    init(_ text: String, defaultRef: String = "latest") throws {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        site = String(parts[0])
        ref = parts.count > 1 ? String(parts[1]) : defaultRef
        if site.isEmpty || ref.isEmpty {
            throw ClientError("'\(text)' is not a version: use SITE@N, SITE@live, SITE@preview, SITE@latest or SITE@previous.",
                hint: "sitectl versions list SITE", exitCode: ClientError.Exit.usage)
        }
    }
}
