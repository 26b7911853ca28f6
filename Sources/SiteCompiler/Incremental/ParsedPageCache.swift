package import Foundation
internal import Crypto

/// What loading one content file gave, kept between builds so that an unchanged file is neither read nor parsed
/// again: its placement, its front matter, and a digest of its text (for body keys). The body is not kept: a page
/// that must be rendered is read again (see ``Page/isStub``).
package struct ParsedPage: Sendable, Equatable {
    package var kind: Page.Kind
    /// The page's address (placement and `slug:` applied).
    package var url: String
    /// The file its HTML goes to (``PagePath/outputPath(for:)`` of `url`).
    package var outputPath: String
    /// The folder address it was placed in (for finding its parent list).
    package var folderURL: String
    package var frontMatter: FrontMatter
    package var bodyLineOffset: Int
    package var textDigest: String
    package var mayLink: Bool

    package init(
        kind: Page.Kind, url: String, outputPath: String, folderURL: String, frontMatter: FrontMatter,
        bodyLineOffset: Int, textDigest: String, mayLink: Bool
    ) {
        self.kind = kind
        self.url = url
        self.outputPath = outputPath
        self.folderURL = folderURL
        self.frontMatter = frontMatter
        self.bodyLineOffset = bodyLineOffset
        self.textDigest = textDigest
        self.mayLink = mayLink
    }
}

/// Content files an earlier build parsed, for a build that leaves them unread (``SiteCompiler/compile(_:options:memo:cached:)``),
/// and how to read one that must be rendered after all.
package struct CachedSources: Sendable {
    /// Source path (`content/…`) → what an earlier build parsed of it; these files are not in the build's
    /// ``SiteFiles``.
    package var pages: [String: ParsedPage]
    /// Reads a source file by its path (nil when it is gone or unreadable).
    package var read: @Sendable (String) -> Data?

    package init(pages: [String: ParsedPage], read: @escaping @Sendable (String) -> Data?) {
        self.pages = pages
        self.read = read
    }

    /// Nothing cached: every content file is in the build's ``SiteFiles``.
    package static let none = CachedSources(pages: [:]) { _ in nil }
}

/// The on-disk page cache: one binary file, `pages`, in the build cache folder. Each entry holds a source file's
/// stamp and its ``ParsedPage``; an entry is used only while the file's stamp is unchanged and the header's key
/// (build options, sitectl binary, themes: see ``BuildManifest/key(parts:)``) is the same. The file ends with the
/// SHA-256 of everything before it, so a damaged file is dropped whole rather than read as other front matter.
///
/// Binary rather than text: reading 10,000 entries must cost a small part of a one-page-edit rebuild.
package enum ParsedPageCache {
    /// Bumped whenever the layout or meaning of an entry changes.
    static let magic = Array("sitectl-pages 4\n".utf8)
    /// The file's name inside the cache folder.
    package static let fileName = "pages"

    /// Entries of the cache in `folder` written under `key` whose stamp equals the file's stamp in `stamps`
    /// (an empty result when the file is missing, damaged, or of another key).
    package static func load(from folder: URL, key: String, stamps: [String: FileStamp]) -> [String: ParsedPage] {
        current(load(from: folder, key: key), stamps: stamps)
    }

    /// The pages of `entries` whose file still has the stamp in `stamps`.
    package static func current(
        _ entries: [String: (stamp: FileStamp, page: ParsedPage)], stamps: [String: FileStamp]
    ) -> [String: ParsedPage] {
        var pages: [String: ParsedPage] = [:]
        for (path, entry) in entries where stamps[path] == entry.stamp { pages[path] = entry.page }
        return pages
    }

    /// Every entry of the cache in `folder` written under `key`, with the stamp its file had (empty when the file
    /// is missing, damaged, or of another key).
    package static func load(from folder: URL, key: String) -> [String: (stamp: FileStamp, page: ParsedPage)] {
        guard let data = CacheFile.read(folder.appendingPathComponent(fileName).path),
            data.count > SHA256.byteCount
        else { return [:] }
        let payload = data.prefix(data.count - SHA256.byteCount)
        guard SHA256.hash(data: payload).elementsEqual(data.suffix(SHA256.byteCount)) else { return [:] }
        let bytes = [UInt8](payload)
        let header = bytes.withUnsafeBytes { buffer -> (count: Int, firstHalf: Int, start: Int, secondStart: Int)? in
            var reader = ByteReader(buffer)
            guard reader.take(magic.count).elementsEqual(magic), let stored = reader.string(), stored == key,
                let count = reader.int(), let firstHalf = reader.int(), let secondStart = reader.int(),
                count >= 0, count <= buffer.count, (0...count).contains(firstHalf),
                (reader.offset...buffer.count).contains(secondStart)
            else { return nil }
            return (count, firstHalf, reader.offset, secondStart)
        }
        guard let header else { return [:] }
        // The entries are written in two halves, the second's offset in the header: decoded on two cores.
        typealias Entries = [(String, (stamp: FileStamp, page: ParsedPage))]
        let halves: [Entries?] = Parallel.map(2, chunk: 1) { half in
            bytes.withUnsafeBytes { buffer -> Entries? in
                var reader = ByteReader(buffer)
                reader.offset = half == 0 ? header.start : header.secondStart
                let end = half == 0 ? header.secondStart : buffer.count
                let count = half == 0 ? header.firstHalf : header.count - header.firstHalf
                var entries: Entries = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    guard let path = reader.string(), let size = reader.int64(), let modified = reader.int64(),
                        let changed = reader.int64(), let inode = reader.int64(), let page = reader.parsedPage()
                    else { return nil }
                    let stamp = FileStamp(size: size, modified: modified, changed: changed, inode: UInt64(bitPattern: inode))
                    entries.append((path, (stamp, page)))
                }
                return reader.offset == end ? entries : nil
            }
        }
        guard let first = halves[0], let second = halves[1] else { return [:] }
        var pages: [String: (stamp: FileStamp, page: ParsedPage)] = [:]
        pages.reserveCapacity(header.count)
        for (path, entry) in first { pages[path] = entry }
        for (path, entry) in second { pages[path] = entry }
        return pages
    }

    /// Writes `pages` with their stamps from `stamps` (pages without one are left out) under `key`, atomically.
    package static func save(
        _ pages: [String: ParsedPage], stamps: [String: FileStamp], key: String, to folder: URL
    ) throws {
        var writer = ByteWriter()
        writer.bytes += magic
        writer.string(key)
        let paths = pages.keys.filter { stamps[$0] != nil }.sorted()
        let firstHalf = paths.count / 2
        writer.int(paths.count)
        writer.int(firstHalf)
        // The offset of the second half, patched in once known: a fixed-width field.
        let offsetField = writer.bytes.count
        writer.bytes += [UInt8](repeating: 0x80, count: 9) + [0]
        for (index, path) in paths.enumerated() {
            if index == firstHalf { writer.patch(at: offsetField, writer.bytes.count) }
            guard let page = pages[path], let stamp = stamps[path] else { continue }
            writer.string(path)
            writer.int64(stamp.size)
            writer.int64(stamp.modified)
            writer.int64(stamp.changed)
            writer.int64(Int64(bitPattern: stamp.inode))
            writer.parsedPage(page)
        }
        if firstHalf == paths.count { writer.patch(at: offsetField, writer.bytes.count) }
        writer.bytes += SHA256.hash(data: writer.bytes)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileWriter.write(Data(writer.bytes), to: folder.appendingPathComponent(fileName).path, atomic: true)
    }
}

/// Appends values as bytes: integers as zig-zag LEB128, strings as a length and UTF-8.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func int64(_ value: Int64) {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) { int64(Int64(value)) }

    /// Writes non-negative `value` over the ten bytes at `offset` (a varint padded with continuation bytes).
    mutating func patch(at offset: Int, _ value: Int) {
        var rest = UInt64(value) << 1
        for index in 0..<9 {
            bytes[offset + index] = UInt8(truncatingIfNeeded: rest) & 0x7F | 0x80
            rest >>= 7
        }
        bytes[offset + 9] = UInt8(truncatingIfNeeded: rest)
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes += text.utf8
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    mutating func parsedPage(_ page: ParsedPage) {
        bytes.append(Self.kinds.firstIndex(of: page.kind).map(UInt8.init) ?? 0)
        string(page.url)
        string(page.outputPath)
        string(page.folderURL)
        int(page.bodyLineOffset)
        string(page.textDigest)
        bool(page.mayLink)
        frontMatter(page.frontMatter)
    }

    mutating func frontMatter(_ matter: FrontMatter) {
        optional(matter.title) { $0.string($1) }
        optional(matter.description) { $0.string($1) }
        optional(matter.date) { $0.date($1) }
        optional(matter.updated) { $0.date($1) }
        bool(matter.draft)
        strings(matter.tags)
        optional(matter.weight) { $0.int($1) }
        optional(matter.slug) { $0.string($1) }
        strings(matter.aliases)
        optional(matter.layout) { $0.string($1) }
        optional(matter.summary) { $0.string($1) }
        int(matter.params.count)
        for key in matter.params.keys.sorted() {
            string(key)
            if let node = matter.params[key] { self.node(node) }
        }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for item in list { string(item) }
    }

    mutating func date(_ date: PageDate) {
        int64(Int64(bitPattern: date.date.timeIntervalSince1970.bitPattern))
        bool(date.isDayOnly)
    }

    mutating func node(_ node: YAMLNode) {
        int(node.line)
        int(node.column)
        switch node.kind {
        case .scalar(let text, let kind):
            bytes.append(0)
            string(text)
            bytes.append(Self.scalarKinds.firstIndex(of: kind).map(UInt8.init) ?? 0)
        case .sequence(let items):
            bytes.append(1)
            int(items.count)
            for item in items { self.node(item) }
        case .mapping(let entries):
            bytes.append(2)
            int(entries.count)
            for entry in entries {
                string(entry.key)
                int(entry.line)
                int(entry.column)
                self.node(entry.value)
            }
        }
    }

    /// The codes of page kinds and scalar kinds (their index), fixed by the cache format.
    static let kinds: [Page.Kind] = [.home, .section, .page, .tags, .tag]
    static let scalarKinds: [YAMLNode.ScalarKind] = [.string, .int, .float, .bool, .null, .timestamp]
}

/// Reads what ``ByteWriter`` wrote; every read returns nil past the end or on a malformed value.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= buffer.count - offset else {
            offset = buffer.count
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    mutating func byte() -> UInt8? {
        guard offset < buffer.count else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func int64() -> Int64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func int() -> Int? { int64().flatMap { Int(exactly: $0) } }

    mutating func bool() -> Bool? {
        switch byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= buffer.count - offset else { return nil }
        return String(validating: take(count), as: UTF8.self)
    }

    /// `read` for a value written with ``ByteWriter/optional(_:_:)``: `.some(nil)` for an absent value, nil when
    /// the bytes are malformed.
    mutating func optional<T>(_ read: (inout ByteReader) -> T?) -> T?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return read(&self).map { .some($0) }
        default: return nil
        }
    }

    mutating func parsedPage() -> ParsedPage? {
        guard let code = byte(), Int(code) < ByteWriter.kinds.count, let url = string(), let outputPath = string(),
            let folder = string(),
            let offset = int(), let digest = string(), let mayLink = bool(), let matter = frontMatter()
        else { return nil }
        return ParsedPage(
            kind: ByteWriter.kinds[Int(code)], url: url, outputPath: outputPath, folderURL: folder, frontMatter: matter, bodyLineOffset: offset,
            textDigest: digest, mayLink: mayLink)
    }

    mutating func frontMatter() -> FrontMatter? {
        var matter = FrontMatter()
        guard let title = optional({ $0.string() }), let description = optional({ $0.string() }),
            let date = optional({ $0.date() }), let updated = optional({ $0.date() }), let draft = bool(),
            let tags = strings(), let weight = optional({ $0.int() }), let slug = optional({ $0.string() }),
            let aliases = strings(), let layout = optional({ $0.string() }), let summary = optional({ $0.string() }),
            let count = int(), count >= 0
        else { return nil }
        (matter.title, matter.description, matter.date, matter.updated, matter.draft) = (title, description, date, updated, draft)
        (matter.tags, matter.weight, matter.slug, matter.aliases) = (tags, weight, slug, aliases)
        (matter.layout, matter.summary) = (layout, summary)
        for _ in 0..<count {
            guard let key = string(), let node = node(depth: 0) else { return nil }
            matter.params[key] = node
        }
        return matter
    }

    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0, count <= buffer.count - offset else { return nil }
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = string() else { return nil }
            list.append(item)
        }
        return list
    }

    mutating func date() -> PageDate? {
        guard let bits = int64(), let dayOnly = bool() else { return nil }
        return PageDate(
            date: Date(timeIntervalSince1970: Double(bitPattern: UInt64(bitPattern: bits))), isDayOnly: dayOnly)
    }

    /// A node; nesting deeper than YAML's own budget allows is taken as damage.
    mutating func node(depth: Int) -> YAMLNode? {
        guard depth < 512, let line = int(), let column = int(), let shape = byte() else { return nil }
        switch shape {
        case 0:
            guard let text = string(), let code = byte(), Int(code) < ByteWriter.scalarKinds.count else { return nil }
            return YAMLNode(.scalar(text, ByteWriter.scalarKinds[Int(code)]), line: line, column: column)
        case 1:
            guard let count = int(), count >= 0, count <= buffer.count - offset else { return nil }
            var items: [YAMLNode] = []
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return YAMLNode(.sequence(items), line: line, column: column)
        case 2:
            guard let count = int(), count >= 0, count <= buffer.count - offset else { return nil }
            var entries: [YAMLEntry] = []
            for _ in 0..<count {
                guard let key = string(), let keyLine = int(), let keyColumn = int(), let value = node(depth: depth + 1)
                else { return nil }
                entries.append(YAMLEntry(key: key, line: keyLine, column: keyColumn, value: value))
            }
            return YAMLNode(.mapping(entries), line: line, column: column)
        default:
            return nil
        }
    }
}
