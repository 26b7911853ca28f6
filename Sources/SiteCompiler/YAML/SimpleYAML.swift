/// A parser for the YAML nearly every front matter and component block is written in: one `key: value` per line,
/// where a value is a single-line quoted string, a plain word, sentence, number, boolean or date, or a flow list of
/// those (`tags: ["a", "b"]`). It gives exactly the nodes Yams would (a test compares them over
/// many inputs) and declines everything else, which Yams then parses.
///
/// Why: Yams resolves every plain scalar with regular expressions, hashes every mapping for duplicate keys and reads
/// the environment for each document; over 10,000 pages that was a fifth of an incremental build.
enum SimpleYAML {
    /// The document's node (`.some(nil)` when it holds nothing), or nil when the text is outside the subset.
    static func parse(_ yaml: String, lineOffset: Int) -> YAMLNode?? {
        var entries: [YAMLEntry] = []
        var keys: Set<String> = []
        var lineNumber = 0
        for rawLine in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            // Control characters, tabs, and what YAML reads as line breaks or rejects (NEL and the other C1
            // controls, U+2028/U+2029, U+FEFF, U+FFFE/U+FFFF): left to Yams.
            guard !Self.hasSpecialBytes(line) else { return nil }
            guard let first = line.firstIndex(where: { $0 != space }) else { continue }
            if line[first] == UInt8(ascii: "#") { continue }
            guard first == 0, isKeyStart(line[0]) else { return nil }
            var index = 0
            while index < line.count, isKeyCharacter(line[index]) { index += 1 }
            guard index < line.count, line[index] == UInt8(ascii: ":"), index + 1 < line.count,
                line[index + 1] == space
            else { return nil }
            let key = String(decoding: line[0..<index], as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            index += 1
            while index < line.count, line[index] == space { index += 1 }
            guard index < line.count else { return nil }  // `key:` alone: a nested block or null
            let fileLine = lineNumber + lineOffset
            let value: YAMLNode
            if line[index] == UInt8(ascii: "[") {
                guard let list = sequence(line, from: index, line: fileLine) else { return nil }
                value = list
            } else {
                guard let (scalar, end) = scalar(line, from: index, inFlow: false, line: fileLine),
                    line[end...].allSatisfy({ $0 == space })
                else { return nil }
                value = scalar
            }
            entries.append(YAMLEntry(key: key, line: fileLine, column: 1, value: value))
        }
        guard let first = entries.first else { return .some(nil) }
        return .some(YAMLNode(.mapping(entries), line: first.line, column: 1))
    }

    private static let space = UInt8(ascii: " ")

    private static func hasSpecialBytes(_ line: [UInt8]) -> Bool {
        for (index, byte) in line.enumerated() {
            if byte < 0x20 || byte == 0x7F { return true }
            let next = index + 1 < line.count ? line[index + 1] : 0
            let third = index + 2 < line.count ? line[index + 2] : 0
            if byte == 0xC2, (0x80...0x9F).contains(next) { return true }
            if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 { return true }
            if byte == 0xEF, next == 0xBF, third == 0xBE || third == 0xBF { return true }
            if byte == 0xEF, next == 0xBB, third == 0xBF { return true }
        }
        return false
    }

    /// `[a, "b", 'c']` (or `[]`) with nothing after it.
    private static func sequence(_ line: [UInt8], from start: Int, line number: Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        // Columns of every byte, counted once: counting per item made a long `[1, 1, …]` quadratic.
        let columns = columnTable(line)
        var index = start + 1
        func skipSpaces() { while index < line.count, line[index] == space { index += 1 } }
        skipSpaces()
        if index < line.count, line[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipSpaces()
                guard let (item, end) = scalar(line, from: index, inFlow: true, line: number, columns: columns) else { return nil }
                items.append(item)
                index = end
                skipSpaces()
                guard index < line.count else { return nil }
                if line[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard line[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                break
            }
        }
        guard line[index...].allSatisfy({ $0 == space }) else { return nil }
        return YAMLNode(.sequence(items), line: number, column: columns[start])
    }

    /// A quoted or plain scalar starting at `start`; returns it and the index after it.
    private static func scalar(
        _ line: [UInt8], from start: Int, inFlow: Bool, line number: Int, columns: [Int]? = nil
    ) -> (YAMLNode, Int)? {
        guard start < line.count else { return nil }
        let column = columns?[start] ?? column(of: start, in: line)
        let opener = line[start]
        if opener == UInt8(ascii: "\"") || opener == UInt8(ascii: "'") {
            guard let close = line[(start + 1)...].firstIndex(of: opener) else { return nil }
            let content = line[(start + 1)..<close]
            // Escapes, doubled quotes and tabs are left to Yams.
            if content.contains(UInt8(ascii: "\\")) || content.contains(9) { return nil }
            if close + 1 < line.count, line[close + 1] == opener { return nil }
            return (YAMLNode(.scalar(String(decoding: content, as: UTF8.self), .string), line: number, column: column), close + 1)
        }
        var end = start
        while end < line.count {
            let byte = line[end]
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
            end += 1
        }
        var stop = end
        while stop > start, line[stop - 1] == space { stop -= 1 }
        let bytes = Array(line[start..<stop])
        guard isSafePlain(bytes, inFlow: inFlow) else { return nil }
        return (YAMLNode(.scalar(String(decoding: bytes, as: UTF8.self), .string), line: number, column: column), end)
    }

    /// Whether a plain scalar has a shape this parser reads exactly as Yams does. (Yams' composer leaves plain
    /// scalars untyped, so every scalar is a `.string` here too; keys read their own types.)
    private static func isSafePlain(_ bytes: [UInt8], inFlow: Bool) -> Bool {
        guard let first = bytes.first else { return false }
        let startsWell =
            isLetter(first) || isDigit(first) || first >= 0x80
            || [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "_"), UInt8(ascii: "(")].contains(first)
            || (first == UInt8(ascii: "-") && bytes.count > 1 && isDigit(bytes[1]))
        guard startsWell else { return false }
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: ":"):
                if inFlow || next == nil || next == space { return false }
            case UInt8(ascii: "#"):
                if inFlow || bytes[index - 1] == space { return false }
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","):
                if inFlow { return false }
            case UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "\\"):
                return false
            case 0..<0x20, 0x7F:
                return false
            default:
                break
            }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isKeyStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }
    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-")
    }

    /// The 1-based column (in characters) of every byte offset of `line`, and of the offset just past it.
    private static func columnTable(_ line: [UInt8]) -> [Int] {
        var table: [Int] = []
        table.reserveCapacity(line.count + 1)
        var column = 1
        for byte in line {
            table.append(column)
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        table.append(column)
        return table
    }

    /// The 1-based column (in characters) of a byte offset.
    private static func column(of offset: Int, in line: [UInt8]) -> Int {
        line[..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
    }
}
