package import Foundation

/// Tar (ustar + POSIX.1-2001 extended headers) for a tree of regular files: the body of a streamed site import
/// (`sites create --from`) and of `versions download`.
///
/// Written by hand: none of the packages this project may use reads or writes tar, and the format needed here
/// (regular files only) is a few dozen lines. A path longer than ustar's 100-byte name field goes into the 155-byte prefix
/// field when it splits at a `/`; any other long path (a 120-byte file name, a 300-byte path) gets a POSIX.1-2001
/// extended header (`x` entry with a `path=` record) that GNU tar, bsdtar and Python's tarfile read.
package enum TarArchive {
    /// The tree as a tar archive, every path under `prefix/` (or at the top when `prefix` is empty).
    package static func tar(_ files: SiteFiles, prefix: String) -> Data {
        var archive = Data()
        for path in files.paths {
            append(path: prefix.isEmpty ? path : prefix + "/" + path, contents: files.files[path] ?? Data(), to: &archive)
        }
        archive.append(Data(count: 1024))
        return archive
    }

    /// Appends one regular file: its header block(s), its contents and the padding to a 512-byte boundary.
    private static func append(path: String, contents: Data, to archive: inout Data) {
        let bytes = Array(path.utf8)
        if bytes.count <= 100 {
            archive.append(header(name: bytes, prefix: [], size: contents.count, type: "0"))
        } else if let split = bytes.indices.last(where: { bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100 }),
            split > 0
        {
            archive.append(header(name: Array(bytes[(split + 1)...]), prefix: Array(bytes[..<split]), size: contents.count, type: "0"))
        } else {
            let records = Data(extendedRecord(key: "path", value: path).utf8)
            // The names in these two headers are only what a pre-2001 reader shows; everyone else uses `path=`.
            let fallback = Array(bytes.suffix(100))
            archive.append(header(name: Array("PaxHeaders/".utf8) + fallback.suffix(89), prefix: [], size: records.count, type: "x"))
            appendPadded(records, to: &archive)
            archive.append(header(name: fallback, prefix: [], size: contents.count, type: "0"))
        }
        appendPadded(contents, to: &archive)
    }

    private static func appendPadded(_ contents: Data, to archive: inout Data) {
        archive.append(contents)
        archive.append(Data(count: (512 - contents.count % 512) % 512))
    }

    /// One pax record, `"LEN key=value\n"`, where LEN counts the whole record including its own digits.
    private static func extendedRecord(key: String, value: String) -> String {
        let body = " \(key)=\(value)\n"
        let bodyLength = body.utf8.count
        var length = bodyLength + 1
        while String(length).count + bodyLength != length { length = String(length).count + bodyLength }
        return "\(length)\(body)"
    }

    private static func header(name: [UInt8], prefix: [UInt8], size: Int, type: Character) -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) { for (i, b) in bytes.enumerated() { block[offset + i] = b } }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            Array(String(String(value, radix: 8).suffix(width - 1)).leftPadded(to: width - 1).utf8) + [0]
        }
        put(Array(name.prefix(100)), at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        block[156] = type.asciiValue ?? UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(Array(prefix.prefix(155)), at: 345)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(Array(String(String(checksum, radix: 8)).leftPadded(to: 6).utf8) + [0, 32], at: 148)
        return Data(block)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension TarArchive {
    /// An archive that cannot be read, with what was wrong and where.
    package struct Malformed: Error, CustomStringConvertible {
        package var description: String
        init(_ description: String) { self.description = description }
    }

    /// What ``untar(_:maxFiles:)`` read: the regular files, and the entries it left out (links, devices), each with
    /// the reason.
    package struct Contents: Sendable {
        package var files: SiteFiles
        package var skipped: [String]
    }

    /// Reads a tar archive (ustar, GNU long names, POSIX.1-2001 `path=` records) of regular files.
    ///
    /// Each file's bytes are a slice of `data`, not a copy, so an archive mapped from disk
    /// (`Data(contentsOf:options: .alwaysMapped)`) is never loaded into memory as a whole. Leading `./` is dropped;
    /// folders are implied by their files; links and special files are skipped and listed. A truncated archive, a
    /// bad header checksum, a name that is not UTF-8, two entries with one path, or more than `maxFiles` files throw.
    /// The longest name read from a GNU long-name or pax entry.
    package static let maxNameBytes = 4096

    package static func untar(_ data: Data, maxFiles: Int) throws -> Contents {
        var files: [String: Data] = [:]
        var skipped: [String] = []
        var offset = data.startIndex
        var extendedPath: String?
        var entry = 0
        while true {
            guard data.endIndex - offset >= 512 else {
                if entry == 0, data.starts(with: [0x1F, 0x8B]) {
                    throw Malformed("This is a gzip-compressed archive; send the tar itself (tar -cf, not tar -czf).")
                }
                // No end-of-archive block: a cut between two entries would otherwise pass for a smaller site.
                throw Malformed("The archive ends after \(entry) entries without its end marker (was the upload cut short?).")
            }
            let header = data[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { break }
            entry += 1
            func field(_ start: Int, _ length: Int) -> Data { data[(offset + start)..<(offset + start + length)] }
            guard let recorded = octal(field(148, 8)), recorded == checksum(header) else {
                if entry == 1, data.starts(with: [0x1F, 0x8B]) {
                    throw Malformed("This is a gzip-compressed archive; send the tar itself (tar -cf, not tar -czf).")
                }
                throw Malformed("Entry \(entry) has a bad header checksum: this is not a tar archive, or it is damaged.")
            }
            guard let size = octal(field(124, 12)) else {
                throw Malformed("Entry \(entry) has a size that is not an octal number (or is over 8 GB).")
            }
            let type = data[offset + 156]
            let isUstar = field(257, 5).elementsEqual("ustar".utf8)
            guard let name = text(field(0, 100)), let prefix = isUstar ? text(field(345, 155)) : "" else {
                throw Malformed("Entry \(entry) has a name that is not UTF-8.")
            }
            let bodyStart = offset + 512
            guard size <= data.endIndex - bodyStart else {
                throw Malformed("The archive ends inside '\(prefix.isEmpty ? name : prefix + "/" + name)' (was the upload cut short?).")
            }
            let body = data[bodyStart..<(bodyStart + size)]
            offset = min(data.endIndex, bodyStart + (size + 511) / 512 * 512)
            var path = extendedPath ?? (prefix.isEmpty ? name : prefix + "/" + name)
            switch type {
            case UInt8(ascii: "x"):
                guard size <= 64 * 1024 else { throw Malformed("Entry \(entry) has an extended header over 64 KB.") }
                extendedPath = try paxPath(body, entry: entry) ?? extendedPath
                continue
            case UInt8(ascii: "L"):
                guard size <= maxNameBytes else { throw Malformed("Entry \(entry) has a name longer than \(maxNameBytes) bytes.") }
                guard let long = text(body) else { throw Malformed("Entry \(entry) has a long name that is not UTF-8.") }
                extendedPath = long
                continue
            case UInt8(ascii: "g"):
                continue
            default:
                extendedPath = nil
            }
            while path.hasPrefix("./") { path.removeFirst(2) }
            while path.hasPrefix("/") { path.removeFirst() }
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                guard !path.isEmpty, !path.hasSuffix("/") else { continue }
                guard files[path] == nil else { throw Malformed("The archive holds '\(path)' twice.") }
                guard files.count < maxFiles else { throw Malformed("The archive holds more than \(maxFiles) files.") }
                files[path] = body.zeroBasedView()
            case UInt8(ascii: "5"):
                continue
            case UInt8(ascii: "1"), UInt8(ascii: "2"):
                skipped.append("\(path) (a link)")
            default:
                skipped.append("\(path) (not a regular file)")
            }
        }
        return Contents(files: SiteFiles(files), skipped: skipped)
    }

    /// When every path sits under one folder that holds `marker` (`tar -cf site.tar mysite`), the tree without it.
    package static func strippingSingleTopFolder(_ files: SiteFiles, marker: String) -> SiteFiles {
        guard files.files[marker] == nil, let first = files.files.keys.first,
            let slash = first.firstIndex(of: "/")
        else { return files }
        let top = first[...slash]
        guard top != "../", top != "./", files.files[top + marker] != nil, files.files.keys.allSatisfy({ $0.hasPrefix(top) }) else { return files }
        return SiteFiles(Dictionary(uniqueKeysWithValues: files.files.map { (String($0.key.dropFirst(top.count)), $0.value) }))
    }

    /// The header's checksum: the sum of its bytes with the checksum field read as spaces.
    private static func checksum(_ header: Data) -> Int {
        var sum = 0
        for (index, byte) in zip(0..., header) { sum += (148..<156).contains(index) ? 32 : Int(byte) }
        return sum
    }

    /// An octal number field (spaces and NULs around it allowed); nil for base-256 or garbage.
    private static func octal(_ field: Data) -> Int? {
        var value = 0
        var digits = 0
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard digits < 20 else { return nil }
                value = value * 8 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case 0, UInt8(ascii: " "):
                if digits > 0 { return value }
            default:
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// A NUL-terminated UTF-8 field.
    private static func text(_ field: Data) -> String? {
        String(validating: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The `path=` record of a pax extended header ("LEN key=value\n" records), nil when it has none.
    private static func paxPath(_ body: Data, entry: Int) throws -> String? {
        var rest = body[...]
        var path: String?
        while !rest.isEmpty {
            guard let space = rest.firstIndex(of: UInt8(ascii: " ")),
                let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
                length > space - rest.startIndex, length <= rest.count
            else { throw Malformed("Entry \(entry) has a malformed extended header.") }
            let record = rest[(space + 1)..<(rest.startIndex + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")),
                record[record.startIndex..<equals].elementsEqual("path".utf8)
            {
                guard let value = String(validating: record[(equals + 1)...], as: UTF8.self) else {
                    throw Malformed("Entry \(entry) has a path that is not UTF-8.")
                }
                path = value
            }
            rest = rest[(rest.startIndex + length)...]
        }
        return path
    }
}
