import Foundation
@testable import SiteCompiler
import Testing

/// The tar reader behind streamed imports, read against archives written by GNU tar and Python's tarfile (not
/// only by our own writer), and against damaged ones.
@Suite struct TarArchiveTests {
    /// A folder with a long path (ustar prefix), a very long file name (needs PAX or GNU long names), UTF-8, and an
    /// empty file.
    static func sampleFolder() throws -> (URL, [String: Data]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tar-\(UUID().uuidString)")
        let longName = String(repeating: "n", count: 130) + ".txt"
        let files: [String: Data] = [
            "site.yaml": Data("title: Tar\ntheme: starter\n".utf8),
            "content/café/über.md": Data("# Ünïcode\n".utf8),
            "static/\(String(repeating: "deep/", count: 25))file.css": Data("a{}".utf8),
            "static/\(longName)": Data(repeating: 7, count: 70_000),
            "static/empty.txt": Data(),
        ]
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return (folder, files)
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments)")
        return data
    }

    @Test(arguments: ["gnu", "pax", "ustar"])
    func archivesFromGNUTarReadBack(format: String) throws {
        let (folder, files) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        if format == "ustar" {
            // ustar cannot hold a 134-byte file name; GNU tar refuses it, so leave that file out.
            let long = files.keys.first { $0.hasSuffix("nnn.txt") }!
            try FileManager.default.removeItem(at: folder.appendingPathComponent(long))
            let archive = try Self.run(["tar", "--format=ustar", "-cf", "-", "."], in: folder)
            var expected = files
            expected[long] = nil
            #expect(try TarArchive.untar(archive, maxFiles: 100).files == SiteFiles(expected))
        } else {
            let archive = try Self.run(["tar", "--format=\(format)", "-cf", "-", "."], in: folder)
            let contents = try TarArchive.untar(archive, maxFiles: 100)
            #expect(contents.files == SiteFiles(files))
            #expect(contents.skipped.isEmpty)
        }
    }

    @Test func anArchiveOfTheFolderItselfLosesItsTopFolder() throws {
        let (folder, files) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.run(["tar", "-cf", "-", folder.lastPathComponent], in: folder.deletingLastPathComponent())
        let read = try TarArchive.untar(archive, maxFiles: 100).files
        #expect(read.files["site.yaml"] == nil)
        #expect(TarArchive.strippingSingleTopFolder(read, marker: "site.yaml") == SiteFiles(files))
    }

    @Test func archivesFromPythonTarfileReadBack() throws {
        let (folder, files) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "import tarfile,sys\nt=tarfile.open(fileobj=sys.stdout.buffer,mode='w|',format=tarfile.PAX_FORMAT)\nt.add('.')\nt.close()"
        let archive = try Self.run(["python3", "-c", script], in: folder)
        #expect(try TarArchive.untar(archive, maxFiles: 100).files == SiteFiles(files))
    }

    @Test func ourArchivesAreReadByGNUTar() throws {
        let (folder, files) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = TarArchive.tar(SiteFiles(files), prefix: "")
        #expect(try TarArchive.untar(archive, maxFiles: 100).files == SiteFiles(files))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tar-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        try archive.write(to: out.appendingPathComponent("a.tar"))
        _ = try Self.run(["tar", "-xf", "a.tar"], in: out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("a.tar"))
        #expect(try SiteFiles.load(from: out) == SiteFiles(files))
    }

    @Test func linksAndDevicesAreListedNotRead() throws {
        let (folder, _) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.linkItem(at: folder.appendingPathComponent("site.yaml"), to: folder.appendingPathComponent("static/hard.yaml"))
        let archive = try Self.run(["tar", "-cf", "-", "."], in: folder)
        let contents = try TarArchive.untar(archive, maxFiles: 100)
        #expect(contents.files.files["static/passwd"] == nil)
        #expect(contents.skipped.contains("static/passwd (a link)"))
        #expect(contents.skipped.count == 2)
    }

    @Test func aTruncatedArchiveSaysItWasCutShort() throws {
        let archive = TarArchive.tar(SiteFiles(["site.yaml": Data(repeating: 65, count: 5000)]), prefix: "")
        for cut in [100, 512 + 1000, 512 + 4999] {
            #expect {
                try TarArchive.untar(archive.prefix(cut), maxFiles: 10)
            } throws: { String(describing: $0).contains("cut short") }
        }
    }

    @Test func aDamagedHeaderOrAnythingElseIsNotATarArchive() throws {
        var archive = TarArchive.tar(SiteFiles(["site.yaml": Data("x".utf8)]), prefix: "")
        archive[3] ^= 0xFF
        #expect { try TarArchive.untar(archive, maxFiles: 10) } throws: { String(describing: $0).contains("checksum") }
        let json = Data(#"{"name":"x","source":[]}"#.utf8) + Data(count: 600)
        #expect { try TarArchive.untar(json, maxFiles: 10) } throws: { String(describing: $0).contains("not a tar archive") }
    }

    @Test func twoEntriesWithOnePathAndTooManyFilesAreRefused() throws {
        let one = TarArchive.tar(SiteFiles(["site.yaml": Data("a".utf8)]), prefix: "")
        let twice = one.prefix(1024) + one
        #expect { try TarArchive.untar(twice, maxFiles: 10) } throws: { String(describing: $0).contains("twice") }
        var many: [String: Data] = [:]
        for index in 0..<11 { many["content/p\(index).md"] = Data() }
        #expect { try TarArchive.untar(TarArchive.tar(SiteFiles(many), prefix: ""), maxFiles: 10) } throws: {
            String(describing: $0).contains("more than 10 files")
        }
    }

    @Test func filesReadFromAMappedArchiveShareItsBytesAndIndexFromZero() throws {
        let files = ["static/big.bin": Data((0..<100_000).map { UInt8($0 % 251) }), "site.yaml": Data("t".utf8)]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString).tar")
        try TarArchive.tar(SiteFiles(files), prefix: "").write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapped = try Data(contentsOf: url, options: .alwaysMapped)
        let read = try TarArchive.untar(mapped, maxFiles: 10).files
        let big = try #require(read.files["static/big.bin"])
        #expect(big.startIndex == 0)
        #expect(big[0] == 0 && big[250] == 250 && big == files["static/big.bin"])
        let shared = mapped.withUnsafeBytes { whole in
            big.withUnsafeBytes { part in
                part.baseAddress! >= whole.baseAddress! && part.baseAddress! < whole.baseAddress! + whole.count
            }
        }
        #expect(shared, "the file's bytes are the archive's, not a copy")
    }

    @Test func theCompileChildArchiveRoundTripsWithoutCopying() throws {
        let files = ["static/big.bin": Data(repeating: 3, count: 300_000), "site.yaml": Data("t".utf8), "content/a.md": Data()]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sf-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try SiteFiles(files).writeArchive(to: handle)
        try handle.close()
        let written = try Data(contentsOf: url)
        #expect(written == SiteFiles(files).archived())
        let read = try SiteFiles(archived: try Data(contentsOf: url, options: .alwaysMapped))
        #expect(read == SiteFiles(files))
        #expect(read.files["static/big.bin"]?.startIndex == 0)
    }
}
