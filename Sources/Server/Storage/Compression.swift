import CBrotli
import CZlib
package import Foundation

/// The compressed forms of a served file, made once when a version is stored (`Content-Encoding` br and gzip).
package enum ContentCoding: String, Sendable, CaseIterable {
    case br
    case gzip
}

/// gzip (zlib) and brotli (libbrotli) in one call each; the decoders exist for tests and the store's checks.
package enum Compression {
    package enum Failure: Error, CustomStringConvertible {
        case zlib(Int32)
        case brotli
        package var description: String {
            switch self {
            case .zlib(let status): "zlib failed (\(status))"
            case .brotli: "brotli failed"
            }
        }
    }

    /// Types worth compressing: text and the text-like formats a site serves.
    package static func isCompressible(path: String) -> Bool {
        let ext = path.split(separator: "/").last?.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["html", "htm", "css", "js", "mjs", "json", "xml", "txt", "svg", "map", "webmanifest", "ico", "md", "csv",
                "atom", "rss"].contains(ext)
    }

    /// Files below this size are sent as they are (a header costs more than the bytes saved).
    package static let minimumSize = 512

    /// gzip at level 9 with no name and no time in the header, so the same bytes always give the same blob.
    package static func gzip(_ input: Data, level: Int32 = 9) throws -> Data {
        var stream = z_stream()
        var status = sitectl_deflate_init_gzip(&stream, level)
        guard status == Z_OK else { throw Failure.zlib(status) }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let produced: Int = try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            try output.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                status = deflate(&stream, Z_FINISH)
                guard status == Z_STREAM_END else { throw Failure.zlib(status) }
                return target.count - Int(stream.avail_out)
            }
        }
        output.count = produced
        return output
    }

    package static func gunzip(_ input: Data) throws -> Data {
        var stream = z_stream()
        var status = sitectl_inflate_init_gzip(&stream)
        guard status == Z_OK else { throw Failure.zlib(status) }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(source.count)
            repeat {
                let count = buffer.count
                try buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    guard status == Z_OK || status == Z_STREAM_END else { throw Failure.zlib(status) }
                    output.append(out.baseAddress!, count: count - Int(stream.avail_out))
                }
            } while status != Z_STREAM_END
        }
        return output
    }

    /// Brotli at `quality` (11, the densest, for files up to 1 MiB; 9 above, where 11 costs seconds).
    package static func brotli(_ input: Data, quality: Int32? = nil) throws -> Data {
        let level = quality ?? (input.count <= 1 << 20 ? 11 : 9)
        var size = BrotliEncoderMaxCompressedSize(input.count)
        if size == 0 { size = input.count + 1024 }
        var output = Data(count: size)
        let ok: Int32 = input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            output.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
                BrotliEncoderCompress(
                    level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, source.count,
                    source.bindMemory(to: UInt8.self).baseAddress, &size, target.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard ok == BROTLI_TRUE else { throw Failure.brotli }
        output.count = size
        return output
    }

    package static func unbrotli(_ input: Data) throws -> Data {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { throw Failure.brotli }
        defer { BrotliDecoderDestroyInstance(state) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            var availableIn = source.count
            var nextIn = source.bindMemory(to: UInt8.self).baseAddress
            while true {
                var availableOut = buffer.count
                let result: BrotliDecoderResult = buffer.withUnsafeMutableBufferPointer { out in
                    var nextOut = out.baseAddress
                    let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                    output.append(out.baseAddress!, count: out.count - availableOut)
                    return result
                }
                if result == BROTLI_DECODER_RESULT_SUCCESS { return }
                if result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT { continue }
                throw Failure.brotli
            }
        }
        return output
    }

    /// The variant to store for `data`, or nil when it does not save at least a tenth.
    package static func variant(_ coding: ContentCoding, of data: Data) throws -> Data? {
        let compressed = switch coding {
        case .gzip: try gzip(data)
        case .br: try brotli(data)
        }
        return compressed.count * 10 <= data.count * 9 ? compressed : nil
    }
}
