package import Foundation

/// A flat binary form of a tree, for handing sources and outputs to a compile child process and back:
/// `SFv1`, a file count, then per file (in path order) a path length, the path, a byte length and the bytes,
/// little-endian 32-bit and 64-bit lengths.
extension SiteFiles {
    private static let magic = Array("SFv1".utf8)

    /// The tree as bytes.
    package func archived() -> Data {
        var data = Data()
        data.reserveCapacity(files.values.reduce(16) { $0 + $1.count + 64 })
        writeArchive { data.append($0) }
        return data
    }

    /// Writes the archive to `handle` one file at a time, so the tree is never copied into one buffer.
    package func writeArchive(to handle: FileHandle) throws {
        var failure: (any Error)?
        writeArchive { chunk in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeArchive(_ emit: (Data) -> Void) {
        var head = Data(Self.magic)
        Self.append(UInt32(files.count), to: &head)
        for path in paths {
            let bytes = Array(path.utf8)
            Self.append(UInt32(bytes.count), to: &head)
            head.append(contentsOf: bytes)
            let contents = files[path] ?? Data()
            Self.append(UInt64(contents.count), to: &head)
            if contents.count >= 64 * 1024 {
                emit(head)
                emit(contents)
                head = Data()
            } else {
                head.append(contents)
            }
        }
        emit(head)
    }

    /// A tree from ``archived()`` bytes; throws on anything truncated or malformed. Each file's bytes are a slice
    /// of `data` (no copy), so an archive mapped from disk stays out of the process's own memory.
    package init(archived data: Data) throws {
        var reader = ArchiveReader(bytes: data, offset: data.startIndex)
        guard try reader.take(4).elementsEqual(Self.magic) else { throw ArchiveReader.Malformed() }
        let count = Int(try reader.integer(UInt32.self))
        var files: [String: Data] = [:]
        files.reserveCapacity(min(count, 1_000_000))
        for _ in 0..<count {
            let pathLength = Int(try reader.integer(UInt32.self))
            guard let path = String(validating: try reader.take(pathLength), as: UTF8.self) else { throw ArchiveReader.Malformed() }
            let length = try reader.integer(UInt64.self)
            guard length <= UInt64(Int.max) else { throw ArchiveReader.Malformed() }
            files[path] = try reader.take(Int(length)).zeroBasedView()
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
    let bytes: Data
    var offset: Int

    mutating func take(_ count: Int) throws -> Data {
        guard count >= 0, bytes.endIndex - offset >= count else { throw Malformed() }
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

extension Data {
    /// These bytes as a `Data` whose indices start at 0, sharing the storage of `self` (no copy) and keeping it
    /// alive. File contents cut out of a mapped archive this way stay on disk until read, yet behave like any other
    /// `Data` to code that indexes from 0. Short slices are copied.
    package func zeroBasedView() -> Data {
        guard startIndex != 0 else { return self }
        let count = self.count
        guard count >= 256 else { return Data(self) }
        let owner = self
        return withUnsafeBytes { raw in
            Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: count,
                deallocator: .custom { _, _ in withExtendedLifetime(owner) {} })
        }
    }
}
