import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// `POST /v1/sites` with a tar body (`sites create --from`): the upload is spooled to disk and read back mapped.
@Suite struct StreamedImportTests {
    static let site: [String: Data] = [
        "site.yaml": Data("title: Imported\ntheme: starter\n".utf8),
        "content/index.md": Data("---\ntitle: Home\n---\nHello from a tar.\n".utf8),
        "static/logo.bin": Data(repeating: 9, count: 300_000),
    ]

    @Test func aTarImportBecomesVersionOneLiveWithEveryByteIntact() async throws {
        let daemon = try TestDaemon()
        let (user, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            let response = try await client.tar(TarArchive.tar(SiteFiles(Self.site), prefix: ""), name: "imported", token: token,
                extra: "&description=From%20a%20tar")
            #expect(response.status == .created, "\(response.text)")
            let site = try response.decode(Site.self)
            #expect(site.liveVersion == 1 && site.description == "From a tar")
        }
        let (_, source) = try await daemon.components.versions.source(site: "imported", ref: "1", for: user)
        #expect(source == SiteFiles(Self.site))
    }

    @Test func aTarOfTheFolderItselfIsAcceptedAsMadeByHand() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        let archive = TarArchive.tar(SiteFiles(Self.site), prefix: "./my-site")
        try await daemon.application().test(.router) { client in
            let response = try await client.tar(archive, name: "byhand", token: token)
            #expect(response.status == .created, "\(response.text)")
        }
    }

    @Test func anArchiveWithALinkIsRefusedNamingIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("title: L\ntheme: starter\n".utf8).write(to: folder.appendingPathComponent("site.yaml"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        let archive = try TarTool.create(folder)
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            let response = try await client.tar(archive, name: "linked", token: token)
            #expect(response.status == .unprocessableContent)
            let error = try response.decode(APIErrorEnvelope.self).error
            #expect(error.message.contains("static/passwd (a link)"))
            #expect(error.hint?.contains("--dereference") == true)
        }
    }

    @Test func garbageTruncatedOrNamelessUploadsAreClearBadRequests() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        let archive = TarArchive.tar(SiteFiles(Self.site), prefix: "")
        try await daemon.application().test(.router) { client in
            let garbage = try await client.tar(Data(repeating: 0x41, count: 5000), name: "g", token: token)
            #expect(garbage.status == .badRequest)
            #expect(try garbage.decode(APIErrorEnvelope.self).error.message.contains("not a readable tar archive"))
            let cut = try await client.tar(archive.prefix(archive.count / 2), name: "g", token: token)
            #expect(cut.status == .badRequest)
            #expect(try cut.decode(APIErrorEnvelope.self).error.message.contains("cut short"))
            let nameless = try await client.tar(archive, name: "", token: token)
            #expect(nameless.status == .badRequest)
            #expect(try nameless.decode(APIErrorEnvelope.self).error.hint?.contains("--from") == true)
            let traversal = TarArchive.tar(SiteFiles(["site.yaml": Data("title: T\n".utf8), "content/../../x.md": Data()]), prefix: "")
            let refused = try await client.tar(traversal, name: "t", token: token)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.decode(APIErrorEnvelope.self).error.code == "policy_violation")
            let anonymous = try await client.tar(archive, name: "g", token: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }
}

/// Issue 8: what the attack run on streamed imports found, one test per finding.
@Suite struct ImportAttackTests {
    static func tar(_ extra: [String: Data]) -> Data {
        var files = StreamedImportTests.site
        files.merge(extra) { $1 }
        return TarArchive.tar(SiteFiles(files), prefix: "")
    }

    @Test func parallelImportsCannotOutrunTheSiteQuota() async throws {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        configuration.quotas.sitesPerAccount = 2
        let daemon = try TestDaemon(configuration: configuration)
        let (user, _) = try await daemon.user("mallory@example.test")
        let archive = Self.tar([:])
        let created = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let files = try TarArchive.untar(archive, maxFiles: 100).files
                    do {
                        _ = try await daemon.components.sites.create(name: "q\(index)", theme: nil, description: nil, imported: files, for: user)
                        return true
                    } catch let error as ServerError where error.code == .quotaExceeded {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(created == 2)
    }

    @Test func aThemeParameterCannotWriteIntoSiteYAML() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("mallory@example.test")
        try await daemon.application().test(.router) { client in
            for theme in ["starter%0Araw_html:%20true", "blog%20%23%20c", "nope"] {
                let response = try await client.tar(Self.tar([:]), name: "t", token: token, extra: "&theme=\(theme)")
                #expect(response.status == .badRequest, "\(theme)")
                #expect(!response.text.contains("\n\nraw_html"))
            }
            let long = try await client.tar(Self.tar([:]), name: "d", token: token, extra: "&description=" + String(repeating: "x", count: 600))
            #expect(long.status == .badRequest)
        }
    }

    @Test func aFileAndAFolderWithOneNameAreRefused() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("mallory@example.test")
        try await daemon.application().test(.router) { client in
            for extra in [["static/fd": Data("f".utf8), "static/fd/child.txt": Data("c".utf8)],
                          ["static/caf\u{E9}": Data("f".utf8), "static/cafe\u{301}/x.txt": Data("c".utf8)]] {
                let response = try await client.tar(Self.tar(extra), name: "fd", token: token)
                #expect(response.status == .unprocessableContent)
                #expect(try response.decode(APIErrorEnvelope.self).error.message.contains("both a file and a folder"))
            }
        }
    }

    @Test func overlongDeepOrInvisibleNamesAreRefused() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("mallory@example.test")
        let names = [
            "static/" + String(repeating: "n", count: 300),
            "static/" + String(repeating: "d/", count: 40) + "x",
            "static/" + String(repeating: "abcdefghi/", count: 110) + "x",
            "static/evil\u{202E}gpj.exe",
            "static/zero\u{200B}width.txt",
        ]
        try await daemon.application().test(.router) { client in
            for name in names {
                let response = try await client.tar(Self.tar([name: Data("x".utf8)]), name: "n", token: token)
                #expect(response.status == .unprocessableContent, "\(name.prefix(40))")
            }
        }
        #expect(throws: TarArchive.Malformed.self) { try TarArchive.untar(Self.gnuLongName(bytes: 100_000), maxFiles: 10) }
    }

    /// A GNU long-name entry ('L') of `bytes` bytes followed by nothing.
    static func gnuLongName(bytes: Int) -> Data {
        var header = [UInt8](repeating: 0, count: 512)
        for (i, b) in Array("././@LongLink".utf8).enumerated() { header[i] = b }
        let size = Array(String(String(bytes, radix: 8)).utf8)
        for (i, b) in (Array(repeating: UInt8(ascii: "0"), count: 11 - size.count) + size).enumerated() { header[124 + i] = b }
        header[156] = UInt8(ascii: "L")
        for i in 148..<156 { header[i] = 32 }
        let sum = header.reduce(0) { $0 + Int($1) }
        for (i, b) in Array(String(format: "%06o", sum).utf8).enumerated() { header[148 + i] = b }
        header[154] = 0
        return Data(header) + Data(repeating: UInt8(ascii: "c"), count: bytes) + Data(count: 1024)
    }

    @Test func gzipLeadingDotDotAndMissingEndMarkersAreNamed() throws {
        let plain = Self.tar([:])
        #expect { try TarArchive.untar(Data([0x1F, 0x8B, 8, 0]) + Data(count: 1000), maxFiles: 10) } throws: {
            String(describing: $0).contains("gzip")
        }
        #expect { try TarArchive.untar(plain.prefix(plain.count - 1024), maxFiles: 10) } throws: {
            String(describing: $0).contains("end marker")
        }
        let dotted = TarArchive.untar
        let files = try dotted(TarArchive.tar(SiteFiles(StreamedImportTests.site), prefix: ".."), 100).files
        #expect(TarArchive.strippingSingleTopFolder(files, marker: "site.yaml") == files, "'..' is never dropped as a top folder")
    }

    @Test func aSiteYAMLOverOneMebibyteIsRefusedOnTheSimplePathToo() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        let big = "title: Big\ntheme: starter\ndescription: " + String(repeating: "x", count: 1_200_000) + "\n"
        try await daemon.application().test(.router) { client in
            let response = try await client.tar(Self.tar(["site.yaml": Data(big.utf8)]), name: "big", token: token)
            #expect(response.status == .unprocessableContent)
            #expect(try response.decode(APIErrorEnvelope.self).error.message.contains("YAML over a limit"))
        }
    }

    @Test func aSiteYAMLWithTenThousandUnknownKeysKeepsTwoHundredFindings() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        var yaml = "title: Keys\ntheme: starter\n"
        for index in 0..<10_000 { yaml += "k\(index): v\n" }
        var files = StreamedImportTests.site
        files["site.yaml"] = Data(yaml.utf8)
        _ = try await daemon.components.sites.create(name: "keys", theme: nil, description: nil, imported: SiteFiles(files), for: user)
        let version = try await daemon.components.versions.show(site: "keys", ref: "1", for: user)
        #expect(version.findings?.count == BuildPipeline.maxFindings + 1)
        #expect(version.findings?.last?.message.contains("more findings") == true)
    }
}

enum TarTool {
    /// `tar -C folder -cf - .` with GNU tar.
    static func create(_ folder: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-C", folder.path, "-cf", "-", "."]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

extension TestClientProtocol {
    /// `POST /v1/sites?name=…` with a tar body.
    func tar(_ archive: Data, name: String, token: String?, extra: String = "") async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/x-tar"
        return try await execute(uri: Routes.sites + "?name=\(name)" + extra, method: .post, headers: headers, body: ByteBuffer(bytes: archive))
    }
}
