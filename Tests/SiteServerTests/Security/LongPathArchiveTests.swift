import Foundation
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 8 (low): `versions download` failed with 500 once a path passed ustar's 100-byte name field, so a site
/// (or an agent) could make its own source impossible to download. Every name must survive a round trip through
/// the system's tar.
@Suite struct LongPathArchiveTests {
    @Test func longFileNamesSurviveTheVersionDownload() throws {
        let nested = "content/" + String(repeating: "d", count: 70) + "/" + String(repeating: "p", count: 68) + ".md"
        let longName = "static/" + String(repeating: "n", count: 116) + ".css"
        let veryLong = "static/" + String(repeating: "x", count: 150) + "/" + String(repeating: "y", count: 150) + ".txt"
        let accented = "content/" + String(repeating: "é", count: 60) + ".md"
        #expect(nested.utf8.count == 150)
        #expect(longName.utf8.count - "static/".utf8.count == 120)
        let files: [String: Data] = [
            nested: Data("nested\n".utf8), longName: Data(repeating: 0x61, count: 1000), veryLong: Data("very long\n".utf8),
            accented: Data("accents\n".utf8), "site.yaml": Data("title: Long\n".utf8),
        ]
        let archive = try TarArchive.gzip(TarArchive.tar(SiteFiles(files), prefix: "long-v1"))

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tar-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let path = work.appendingPathComponent("long.tar.gz")
        try archive.write(to: path)

        let listing = try Self.tar(["-tzf", path.path])
        #expect(listing.status == 0, "\(listing.output)")
        let names = Set(listing.output.split(separator: "\n").map(String.init))
        #expect(names == Set(files.keys.map { "long-v1/" + $0 }), "\(names)")

        #expect(try Self.tar(["-xzf", path.path, "-C", work.path]).status == 0)
        for (name, contents) in files {
            #expect(FileManager.default.contents(atPath: work.appendingPathComponent("long-v1/" + name).path) == contents, "\(name)")
        }
    }

    static func tar(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = arguments
        process.environment = ["LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
