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
