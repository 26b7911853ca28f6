package import Foundation
internal import Crypto

/// The on-disk half of a ``RenderMemo``: a text file, `records`, with a line per body and per page, and a journal,
/// `records.log`, of the lines later builds changed.
///
///     sitectl-records 5 <TAB> targets-digest <TAB> generation
///     B <TAB> body-key <TAB> summary (or \u{0} for none) <TAB> search text <TAB> list facts digest (or empty)
///     P <TAB> output-path <TAB> page-key <TAB> ids joined by \u{1F} <TAB> findings as JSON (or empty)
///
/// The journal starts with `sitectl-journal 5 <TAB> generation` (the base file's, else it is ignored) and holds
/// batches of `B` and `P` lines, `D <TAB> output-path` for a page no longer made and `T <TAB> targets-digest`,
/// each batch ended by a line `E`; a batch without its `E` (a build stopped while appending) is ignored.
///
/// The base file ends with a line `S <TAB> SHA-256 of everything before it`, and each batch's `E` line carries the
/// SHA-256 of the batch's lines (`E <TAB> digest`): a damaged or hand-edited file is never taken for records.
///
/// Summaries and search text are whitespace-collapsed plain text, so they hold no tabs or newlines. One file read
/// whole is much cheaper than a file per page, and a one-page edit appends a few lines instead of rewriting the
/// whole file; the journal is folded into a new base file when it grows past an eighth of it. A file in another
/// format starts the cache empty.
package struct RecordStore: Sendable {
    /// Bumped whenever keys or records change meaning.
    static let header = "sitectl-records 5"
    static let journalHeader = "sitectl-journal 5"

    /// The cache folder.
    package var directory: URL

    /// A store in `directory` (created on first save).
    package init(directory: URL) {
        self.directory = directory
    }

    private var file: URL { directory.appendingPathComponent("records") }
    private var journal: URL { directory.appendingPathComponent("records.log") }

    /// The SHA-256 of `bytes` in hex.
    static func digest(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The recorded state of the last build (an empty memo when there is none, or it is unreadable).
    package func memo() -> RenderMemo {
        var memo = RenderMemo()
        guard let data = CacheFile.read(file.path) else { return memo }
        // Split on bytes (Character splitting was most of the cost); the body lines and the page lines are read
        // on two cores.
        var bytes = [UInt8](data)
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        // The last line is the digest of the rest.
        guard bytes.last == UInt8(ascii: "\n"),
            let lastStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
            bytes[lastStart...].starts(with: Array("S\t".utf8)),
            text(bytes[(lastStart + 2)..<(bytes.count - 1)]) == Self.digest(bytes[..<lastStart])
        else { return memo }
        bytes.removeSubrange(lastStart...)
        guard let firstEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return memo }
        let head = bytes[..<firstEnd].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard head.first.map(text) == Self.header, head.count == 3 else { return memo }
        memo.targetsDigest = head[1].isEmpty ? nil : text(head[1])
        let generation = text(head[2])
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
                    part.bodies[text(fields[1])] = Self.bodyFacts(fields)
                case (UInt8(ascii: "P"), 1, 5) where index == 2:
                    part.pages[text(fields[1])] = Self.pageRecord(fields, findings: Self.findings(fields[4], decoder) ?? [])
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
        memo.stored = .init(generation: generation, baseBytes: bytes.count, journalBytes: 0)
        guard let log = CacheFile.read(journal.path) else { return memo }
        return applyJournal([UInt8](log), to: &memo) ? memo : RenderMemo()
    }

    /// Applies the journal's complete batches to `memo`; false when a line is damaged. A journal of another
    /// generation is ignored.
    private func applyJournal(_ log: [UInt8], to memo: inout RenderMemo) -> Bool {
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        var lines = log.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        // Everything after the last newline is a line still being written.
        if log.last != UInt8(ascii: "\n") { lines = lines.dropLast() }
        guard let first = lines.popFirst(), text(first) == Self.journalHeader + "\t" + (memo.stored?.generation ?? "")
        else { return true }
        memo.stored?.journalBytes = first.endIndex + 1
        // A batch's changes are applied when its `E` line is read (not before: copying the records per batch
        // would make reading the journal quadratic).
        enum Change {
            case body(String, BodyFacts)
            case page(String, PageRecord?)
            case targets(String?)
        }
        var batch: [Change] = []
        var batchStart = lines.first?.startIndex ?? log.endIndex
        let decoder = JSONDecoder()
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            switch (fields.first.map(text), fields.count) {
            case ("B", 5):
                batch.append(.body(text(fields[1]), Self.bodyFacts(fields)))
            case ("P", 5):
                guard let findings = Self.findings(fields[4], decoder) else { return false }
                batch.append(.page(text(fields[1]), Self.pageRecord(fields, findings: findings)))
            case ("D", 2):
                batch.append(.page(text(fields[1]), nil))
            case ("T", 2):
                batch.append(.targets(fields[1].isEmpty ? nil : text(fields[1])))
            case ("E", 2):
                // The digest of the batch's lines, each with its newline.
                guard text(fields[1]) == Self.digest(log[batchStart..<line.startIndex]) else { return false }
                batchStart = line.endIndex + 1
                memo.stored?.journalBytes = batchStart
                for change in batch {
                    switch change {
                    case .body(let key, let facts): memo.bodies[key] = facts
                    case .page(let path, let record): memo.pages[path] = record
                    case .targets(let digest): memo.targetsDigest = digest
                    }
                }
                batch = []
            default:
                return false
            }
        }
        // Lines after the last complete batch (a build stopped while appending): the next save starts over.
        let valid = memo.stored?.journalBytes ?? 0
        memo.stored?.journalTail = valid != log.count
        return true
    }

    /// Writes the records `memo` made in this build, replacing the earlier ones: as a batch appended to the
    /// journal when `memo` was read from this store and the journal stays small, else as a new base file
    /// (atomically, with the journal removed).
    package func save(_ memo: RenderMemo) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let stored = memo.stored {
            // What changed since the records were read (no sorting of the unchanged: a few lines for an edit).
            var out: [UInt8] = []
            let bodies = memo.newBodies.filter { memo.bodies[$0.key] != $0.value }
            for (key, facts) in bodies.sorted(by: { $0.key < $1.key }) { Self.put(body: key, facts, into: &out) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let pages = memo.newPages.filter { Self.isStorable($0.key) && memo.pages[$0.key] != $0.value }
            for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
                Self.put(page: path, record, encoder: encoder, into: &out)
            }
            let gone = memo.pages.keys.filter { memo.newPages[$0] == nil && Self.isStorable($0) }
            for path in gone.sorted() { out += "D\t\(path)\n".utf8 }
            if memo.newTargetsDigest != memo.targetsDigest { out += "T\t\(memo.newTargetsDigest ?? "")\n".utf8 }
            if out.isEmpty { return }
            if !stored.journalTail, stored.journalBytes + out.count <= max(stored.baseBytes / 8, 65_536) {
                let batch = out + Array("E\t\(Self.digest(out))\n".utf8)
                if stored.journalBytes == 0 {
                    // A new journal (replacing one of another generation, if any).
                    let header = Array((Self.journalHeader + "\t" + stored.generation + "\n").utf8)
                    try FileWriter.write(Data(header + batch), to: journal.path, atomic: true)
                } else {
                    try FileWriter.append(Data(batch), to: journal.path)
                }
                return
            }
        }
        // Byte buffers (string concatenation per field was most of the cost): body lines and page lines are made
        // on two cores.
        let generation = UUID().uuidString
        let parts: [[UInt8]] = Parallel.map(2, chunk: 1) { index in
            var out: [UInt8] = []
            if index == 0 {
                out.reserveCapacity(memo.newBodies.count * 480)
                let targets: String = memo.newTargetsDigest ?? ""
                let header: String = "\(Self.header)\t\(targets)\t\(generation)\n"
                out += header.utf8
                for key in memo.newBodies.keys.sorted() {
                    guard let facts = memo.newBodies[key] else { continue }
                    Self.put(body: key, facts, into: &out)
                }
                return out
            }
            out.reserveCapacity(memo.newPages.count * 200)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for path in memo.newPages.keys.sorted() where Self.isStorable(path) {
                guard let record = memo.newPages[path] else { continue }
                Self.put(page: path, record, encoder: encoder, into: &out)
            }
            return out
        }
        var whole = parts[0] + parts[1]
        whole += Array("S\t\(Self.digest(whole))\n".utf8)
        try FileWriter.write(Data(whole), to: file.path, atomic: true)
        // A journal of the old generation is ignored from now on; removing it only saves reading it.
        try? FileManager.default.removeItem(at: journal)
    }

    /// Output paths with a tab or newline cannot be stored in a line (no page has one).
    private static func isStorable(_ path: String) -> Bool {
        !path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A })
    }

    private static func put(body key: String, _ facts: BodyFacts, into out: inout [UInt8]) {
        out += "B\t".utf8; out += key.utf8; out += "\t".utf8; out += clean(facts.summary ?? "\u{0}").utf8; out += "\t".utf8
        out += clean(facts.searchText).utf8; out += "\t".utf8; out += (facts.listFacts ?? "").utf8; out += "\n".utf8
    }

    private static func put(page path: String, _ record: PageRecord, encoder: JSONEncoder, into out: inout [UInt8]) {
        out += "P\t".utf8; out += path.utf8; out += "\t".utf8; out += record.key.utf8; out += "\t".utf8
        out += record.joinedAnchors.utf8
        out += "\t".utf8
        if !record.findings.isEmpty, let json = try? encoder.encode(record.findings) { out += json }
        out += "\n".utf8
    }

    /// Removes the whole cache folder.
    package func clear() throws {
        if FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
    }

    /// The facts of a `B` line's fields.
    private static func bodyFacts(_ fields: [ArraySlice<UInt8>]) -> BodyFacts {
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        return BodyFacts(
            summary: fields[2].elementsEqual([0]) ? nil : text(fields[2]), searchText: text(fields[3]),
            listFacts: fields[4].isEmpty ? nil : text(fields[4]))
    }

    /// The record of a `P` line's fields, with its findings decoded by the caller.
    private static func pageRecord(_ fields: [ArraySlice<UInt8>], findings: [Diagnostic]) -> PageRecord {
        PageRecord(
            key: String(decoding: fields[2], as: UTF8.self), joinedAnchors: String(decoding: fields[3], as: UTF8.self),
            findings: findings)
    }

    /// A `P` line's findings (none when the field is empty); nil when they do not decode.
    private static func findings(_ field: ArraySlice<UInt8>, _ decoder: JSONDecoder) -> [Diagnostic]? {
        field.isEmpty ? [] : try? decoder.decode([Diagnostic].self, from: Data(field))
    }

    /// Tabs and newlines (never in collapsed text, but ids may hold anything) become spaces.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
