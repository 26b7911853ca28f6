package import Foundation

/// A flat binary form of a tree, for handing sources and outputs to a compile child process and back:
/// `SFv1`, a file count, then per file (in path order) a path length, the path, a byte length and the bytes,
/// little-endian 32-bit and 64-bit lengths.
extension SiteFiles {
    private static let magic = Array("SFv1".utf8)

    /// The tree as bytes.
    package func archived() -> Data {
        var data = Data(Self.magic)
        data.reserveCapacity(files.values.reduce(16) { $0 + $1.count + 64 })
        Self.append(UInt32(files.count), to: &data)
        for path in paths {
            let bytes = Array(path.utf8)
            Self.append(UInt32(bytes.count), to: &data)
            data.append(contentsOf: bytes)
            let contents = files[path] ?? Data()
            Self.append(UInt64(contents.count), to: &data)
            data.append(contents)
        }
        return data
    }

    /// A tree from ``archived()`` bytes; throws on anything truncated or malformed.
    package init(archived data: Data) throws {
        var reader = ArchiveReader(bytes: [UInt8](data))
        guard Array(try reader.take(4)) == Self.magic else { throw ArchiveReader.Malformed() }
        let count = Int(try reader.integer(UInt32.self))
        var files: [String: Data] = [:]
        files.reserveCapacity(min(count, 1_000_000))
        for _ in 0..<count {
            let pathLength = Int(try reader.integer(UInt32.self))
            guard let path = String(validating: try reader.take(pathLength), as: UTF8.self) else { throw ArchiveReader.Malformed() }
            let length = try reader.integer(UInt64.self)
            guard length <= UInt64(Int.max) else { throw ArchiveReader.Malformed() }
            files[path] = Data(try reader.take(Int(length)))
        }
        self.init(files)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}

/// Reads the archive's fields in order.
private struct ArchiveReader {
    struct Malformed: Error {}
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let slice = try take(MemoryLayout<T>.size)
        var value: T = 0
        for (index, byte) in slice.enumerated() { value |= T(byte) << (8 * index) }
        return value
    }
}
