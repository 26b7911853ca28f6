package import Foundation

/// The on-disk half of a ``RenderMemo``: one text file, `records`, with a line per body and per page.
///
///     sitectl-records 4 <TAB> targets-digest
///     B <TAB> body-key <TAB> summary (or \u{0} for none) <TAB> search text <TAB> list facts digest (or empty)
///     P <TAB> output-path <TAB> page-key <TAB> ids joined by \u{1F} <TAB> findings as JSON (or empty)
///
/// Summaries and search text are whitespace-collapsed plain text, so they hold no tabs or newlines. One file
/// read and written whole is much cheaper than a file per page. A file in another format starts the cache empty.
package struct RecordStore: Sendable {
    /// Bumped whenever keys or records change meaning.
    static let header = "sitectl-records 4"

    /// The cache folder.
    package var directory: URL

    /// A store in `directory` (created on first save).
    package init(directory: URL) {
        self.directory = directory
    }

    private var file: URL { directory.appendingPathComponent("records") }

    /// The recorded state of the last build (an empty memo when there is none, or it is unreadable).
    package func memo() -> RenderMemo {
        var memo = RenderMemo()
        guard let data = FileManager.default.contents(atPath: file.path) else { return memo }
        // Split on bytes (Character splitting was most of the cost); the body lines and the page lines are read
        // on two cores.
        let bytes = [UInt8](data)
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard let firstEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return memo }
        let head = bytes[..<firstEnd].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard head.first.map(text) == Self.header else { return memo }
        memo.targetsDigest = head.count > 1 ? text(head[1]) : nil
        let rest = bytes[(firstEnd + 1)...]
        // Bodies come first, then pages: split at the first page line.
        let pagesStart =
            rest.first == UInt8(ascii: "P")
            ? rest.startIndex
            : ByteSearch.find(Array("\nP\t".utf8), in: Array(rest), from: 0).map { rest.startIndex + $0 + 1 } ?? rest.endIndex
        // Body lines are the larger part: they are read in two halves (split at a line start), pages in a third.
        var middle = rest.startIndex + (pagesStart - rest.startIndex) / 2
        while middle < pagesStart, middle > rest.startIndex, rest[middle - 1] != UInt8(ascii: "\n") { middle += 1 }
        let parts = [rest[rest.startIndex..<middle], rest[middle..<pagesStart], rest[pagesStart...]]
        struct Part: Sendable {
            var bodies: [String: BodyFacts] = [:]
            var pages: [String: PageRecord] = [:]
            var damaged = false
        }
        let parsed: [Part] = Parallel.map(parts.count, chunk: 1) { index in
            var part = Part()
            let decoder = JSONDecoder()
            for line in parts[index].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                switch (fields.first?.first, fields.first?.count, fields.count) {
                case (UInt8(ascii: "B"), 1, 5) where index < 2:
                    let summary = fields[2].elementsEqual([0]) ? nil : text(fields[2])
                    part.bodies[text(fields[1])] = BodyFacts(
                        summary: summary, searchText: text(fields[3]),
                        listFacts: fields[4].isEmpty ? nil : text(fields[4]))
                case (UInt8(ascii: "P"), 1, 5) where index == 2:
                    let anchors = fields[3].isEmpty ? [] : fields[3].split(separator: 0x1F).map(text)
                    let findings = fields[4].isEmpty
                        ? [] : (try? decoder.decode([Diagnostic].self, from: Data(fields[4]))) ?? []
                    part.pages[text(fields[1])] = PageRecord(key: text(fields[2]), anchors: anchors, findings: findings)
                default:
                    part.damaged = true
                    return part
                }
            }
            return part
        }
        // A damaged line: forget everything rather than trust part of it.
        if parsed.contains(where: \.damaged) { return RenderMemo() }
        memo.bodies = parsed[0].bodies.merging(parsed[1].bodies) { first, _ in first }
        memo.pages = parsed[2].pages
        return memo
    }

    /// Writes the records `memo` made in this build (replacing the earlier ones), atomically.
    package func save(_ memo: RenderMemo) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Byte buffers (string concatenation per field was most of the cost): body lines and page lines are made
        // on two cores.
        let parts: [[UInt8]] = Parallel.map(2, chunk: 1) { index in
            var out: [UInt8] = []
            func put(_ text: String) { out += text.utf8 }
            if index == 0 {
                out.reserveCapacity(memo.newBodies.count * 480)
                put(Self.header + "\t" + (memo.newTargetsDigest ?? "") + "\n")
                for key in memo.newBodies.keys.sorted() {
                    guard let facts = memo.newBodies[key] else { continue }
                    put("B\t"); put(key); put("\t"); put(Self.clean(facts.summary ?? "\u{0}")); put("\t")
                    put(Self.clean(facts.searchText)); put("\t"); put(facts.listFacts ?? ""); put("\n")
                }
                return out
            }
            out.reserveCapacity(memo.newPages.count * 200)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for path in memo.newPages.keys.sorted() where !path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) {
                guard let record = memo.newPages[path] else { continue }
                put("P\t"); put(path); put("\t"); put(record.key); put("\t")
                var first = true
                for anchor in record.anchors {
                    let anchor = Self.clean(anchor)
                    guard !anchor.isEmpty, !anchor.utf8.contains(0x1F) else { continue }
                    if !first { out.append(0x1F) }
                    put(anchor)
                    first = false
                }
                put("\t")
                if !record.findings.isEmpty, let json = try? encoder.encode(record.findings) { out += json }
                put("\n")
            }
            return out
        }
        let out = parts[0] + parts[1]
        try FileWriter.write(Data(out), to: file.path, atomic: true)
    }

    /// Removes the whole cache folder.
    package func clear() throws {
        if FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
    }

    /// Tabs and newlines (never in collapsed text, but ids may hold anything) become spaces.
    private static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
