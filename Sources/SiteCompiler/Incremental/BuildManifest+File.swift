package import Foundation

extension BuildManifest {
    /// The manifest saved in `cacheFolder`, or nil when there is none or it is in another format.
    package static func load(from cacheFolder: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: cacheFolder.appendingPathComponent(fileName).path),
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
        put("sitectl-manifest \(Self.format)\n")
        put("key\t\(key)\n")
        put("root\t\(Self.escape(outputRoot))\n")
        put("expires\t\(expires.timeIntervalSince1970)\n")
        put("counts\t\(pageCount)\t\(fileCount)\t\(layoutCount)\n")
        for diagnostic in diagnostics { put("diag\t\(Self.escape(diagnostic))\n") }
        for (path, entry) in sources {
            put("src\t"); put(entry.stamp.size); put("\t"); put(entry.stamp.modified); put("\t")
            put(entry.digest ?? "-"); put("\t"); put(Self.escape(path)); put("\n")
        }
        for (path, stamp) in outputs {
            put("out\t"); put(stamp.size); put("\t"); put(stamp.modified); put("\t"); put(Self.escape(path)); put("\n")
        }
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try FileWriter.write(Data(out), to: cacheFolder.appendingPathComponent(Self.fileName).path, atomic: true)
    }

    /// Removes the manifest from `cacheFolder`, so a failed or interrupted build is never taken as current.
    package static func remove(from cacheFolder: URL) {
        try? FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(fileName))
    }

    private static func stamp(_ size: Substring, _ modified: Substring) -> FileStamp? {
        guard let size = Int64(size), let modified = Int64(modified) else { return nil }
        return FileStamp(size: size, modified: modified)
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
