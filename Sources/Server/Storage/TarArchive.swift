import CZlib
package import Foundation
package import SiteCompiler

/// Writes a version's source as a ustar archive, gzip-compressed with zlib.
///
/// Written by hand: none of the packages this project may use writes tar, and the format needed here (regular
/// files only) is a few dozen lines. A path longer than ustar's 100-byte name field goes into the 155-byte prefix
/// field when it splits at a `/`; any other long path (a 120-byte file name, a 300-byte path) gets a POSIX.1-2001
/// extended header (`x` entry with a `path=` record) that GNU tar, bsdtar and Python's tarfile read.
package enum TarArchive {
    package enum Failure: Error { case compression(Int32) }

    package static func tar(_ files: SiteFiles, prefix: String) -> Data {
        var archive = Data()
        for path in files.paths {
            append(path: prefix + "/" + path, contents: files.files[path] ?? Data(), to: &archive)
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

    package static func gzip(_ input: Data) throws -> Data {
        var stream = z_stream()
        var status = sitectl_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION)
        guard status == Z_OK else { throw Failure.compression(status) }
        defer { deflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var source = [UInt8](input)
        try source.withUnsafeMutableBufferPointer { inputPointer in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = uInt(inputPointer.count)
            repeat {
                try buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = deflate(&stream, Z_FINISH)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw Failure.compression(status) }
                    output.append(out.baseAddress!, count: chunk - Int(stream.avail_out))
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
