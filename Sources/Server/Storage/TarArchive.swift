import CZlib
package import Foundation
package import SiteCompiler

/// Writes a version's source as a ustar archive, gzip-compressed with zlib.
///
/// Written by hand: none of the packages this project may use writes tar, and the format needed here
/// (regular files, paths ≤ 255 bytes) is a few dozen lines.
package enum TarArchive {
    package enum Failure: Error { case pathTooLong(String), compression(Int32) }

    package static func tar(_ files: SiteFiles, prefix: String) throws -> Data {
        var archive = Data()
        for path in files.paths {
            let data = files.files[path] ?? Data()
            archive.append(try header(path: prefix + "/" + path, size: data.count))
            archive.append(data)
            let padding = (512 - data.count % 512) % 512
            archive.append(Data(count: padding))
        }
        archive.append(Data(count: 1024))
        return archive
    }

    private static func header(path: String, size: Int) throws -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        var name = Array(path.utf8)
        var prefixBytes: [UInt8] = []
        if name.count > 100 {
            guard let split = name.indices.last(where: { name[$0] == UInt8(ascii: "/") && $0 <= 155 && name.count - $0 - 1 <= 100 })
            else { throw Failure.pathTooLong(path) }
            prefixBytes = Array(name[..<split])
            name = Array(name[(split + 1)...])
        }
        func put(_ bytes: [UInt8], at offset: Int) { for (i, b) in bytes.enumerated() { block[offset + i] = b } }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            Array(String(String(value, radix: 8).suffix(width - 1)).leftPadded(to: width - 1).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        block[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(prefixBytes, at: 345)
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
