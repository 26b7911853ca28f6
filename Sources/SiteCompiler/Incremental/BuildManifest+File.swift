package import Foundation

extension BuildManifest {
    /// The manifest saved in `cacheFolder`, or nil when there is none or it is in another format.
    package static func load(from cacheFolder: URL) -> BuildManifest? {
        guard let data = CacheFile.read(cacheFolder.appendingPathComponent(fileName).path),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        var manifest = BuildManifest()
        // Split on bytes (a line per source and output file; Character splitting was most of the cost).
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)[...]
        guard lines.popFirst() == "sitectl-manifest \(format)" else { return nil }
        manifest.sources.reserveCapacity(lines.count / 2)
        manifest.outputs.reserveCapacity(lines.count / 2)
        for line in lines where !line.isEmpty {
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), maxSplits: 4, omittingEmptySubsequences: false)
                .map(Substring.init)
            guard fields.count >= 2 else { return nil }
            let value = unescape(fields[fields.count - 1])
            switch (fields[0], fields.count) {
            case ("key", 2): manifest.key = value
            case ("root", 2): manifest.outputRoot = value
            case ("expires", 2): manifest.expires = Date(timeIntervalSince1970: Double(value) ?? 0)
            case ("counts", 4):
                manifest.pageCount = Int(fields[1]) ?? 0
                manifest.fileCount = Int(fields[2]) ?? 0
                manifest.layoutCount = Int(fields[3]) ?? 0
            case ("diag", 2): manifest.diagnostics.append(value)
            case ("src", 5):
                guard let stamp = stamp(fields[1], fields[2]) else { return nil }
                manifest.sources[value] = Source(stamp: stamp, digest: fields[3] == "-" ? nil : String(fields[3]))
            case ("out", 4):
                guard let stamp = stamp(fields[1], fields[2]) else { return nil }
                manifest.outputs[value] = stamp
            default: return nil
            }
        }
        return manifest
    }

    /// Writes the manifest into `cacheFolder` (created if needed).
    package func save(to cacheFolder: URL) throws {
        // Bytes, not string interpolation (a line per source and output file: interpolation was most of the cost).
        var out: [UInt8] = []
        out.reserveCapacity((sources.count + outputs.count) * 80)
        func put(_ text: String) { out += text.utf8 }
        func put(_ number: Int64) { out += String(number).utf8 }
        // Modification time, change time and inode in one field.
        func times(_ stamp: FileStamp) -> String { "\(stamp.modified),\(stamp.changed),\(stamp.inode)" }
        put("sitectl-manifest \(Self.format)\n")
        put("key\t\(key)\n")
        put("root\t\(Self.escape(outputRoot))\n")
        put("expires\t\(expires.timeIntervalSince1970)\n")
        put("counts\t\(pageCount)\t\(fileCount)\t\(layoutCount)\n")
        for diagnostic in diagnostics { put("diag\t\(Self.escape(diagnostic))\n") }
        for (path, entry) in sources {
            put("src\t"); put(entry.stamp.size); put("\t"); put(times(entry.stamp)); put("\t")
            put(entry.digest ?? "-"); put("\t"); put(Self.escape(path)); put("\n")
        }
        for (path, stamp) in outputs {
            put("out\t"); put(stamp.size); put("\t"); put(times(stamp)); put("\t"); put(Self.escape(path)); put("\n")
        }
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try FileWriter.write(Data(out), to: cacheFolder.appendingPathComponent(Self.fileName).path, atomic: true)
    }

    /// The marker a build leaves in its cache folder while it may be changing the records and the output (see
    /// ``markUnfinished(in:)``).
    package static let unfinishedName = "building"

    /// Marks `cacheFolder` as holding a build in progress. A build that finds the mark (the last one was killed or
    /// could not write its output) still takes the manifest's list of the files it made, but trusts none of their
    /// stamps: its records may be ahead of the output, so every page is rendered again.
    package static func markUnfinished(in cacheFolder: URL) throws {
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try FileWriter.write(Data(), to: cacheFolder.appendingPathComponent(unfinishedName).path)
    }

    /// Whether the last build into `cacheFolder` did not finish (see ``markUnfinished(in:)``).
    package static func isUnfinished(in cacheFolder: URL) -> Bool {
        FileManager.default.fileExists(atPath: cacheFolder.appendingPathComponent(unfinishedName).path)
    }

    /// Removes the mark of an unfinished build.
    package static func clearUnfinished(in cacheFolder: URL) {
        try? FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(unfinishedName))
    }

    /// A stamp from its size field and its `modified,changed,inode` field.
    private static func stamp(_ size: Substring, _ times: Substring) -> FileStamp? {
        let parts = times.split(separator: ",", omittingEmptySubsequences: false)
        guard let size = Int64(size), parts.count == 3, let modified = Int64(parts[0]), let changed = Int64(parts[1]),
            let inode = UInt64(parts[2])
        else { return nil }
        return FileStamp(size: size, modified: modified, changed: changed, inode: inode)
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x0A || $0 == 0x09 }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
