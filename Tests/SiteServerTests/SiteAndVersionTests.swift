import HTTPTypes
import NIOCore
import Foundation
import HummingbirdTesting
import SiteAPI
@testable import SiteServer
import Testing

@Suite struct SiteAndVersionTests {
    @Test func createSeedsVersionOneLive() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            let created = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog", theme: "starter"))
            #expect(created.status == .created)
            let site = try created.decode(Site.self)
            #expect(site.liveVersion == 1)
            #expect(site.latestVersion == 1)
            let versions = try await client.api(.get, Routes.versions("blog"), token: token).decode(Page<Version>.self).items
            #expect(versions.map(\.number) == [1])
            #expect(versions[0].isLive)
            #expect(versions[0].origin == "seed")
        }
    }

    @Test func siteListIsPaginatedByCursor() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            for name in ["c", "a", "e", "b", "d"] {
                _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: name))
            }
            var names: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = Routes.sites + "?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.api(.get, path, token: token).decode(SiteAPI.Page<Site>.self)
                names += page.items.map(\.name)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil
            #expect(names == ["a", "b", "c", "d", "e"])
            #expect(pages == 3)
        }
    }

    @Test func badNamesAndUnknownThemesAreRejectedWithHints() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            for name in ["Blog", "-x", "a--b", "a_b", String(repeating: "a", count: 64)] {
                let response = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: name))
                #expect(response.status == .badRequest, "\(name)")
            }
            let theme = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "x", theme: "nope"))
            #expect(theme.status == .badRequest)
            #expect(try theme.decode(APIErrorEnvelope.self).error.hint?.contains("starter") == true)
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "dup"))
            let dup = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "dup"))
            #expect(dup.status == .conflict)
        }
    }

    @Test func importRejectsFilesOutsideThePolicy() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            for path in [".env", "content/../../etc/passwd", "layouts/x.mustache", "content/.hidden.md", "/abs.md"] {
                let source = [SourceFile(path: "site.yaml", content: Data("title: X\ntheme: starter\n".utf8)),
                              SourceFile(path: path, content: Data("x".utf8))]
                let response = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "imp", source: source))
                #expect(response.status == .unprocessableContent, "\(path)")
            }
        }
    }

    @Test func anotherUserGetsForbiddenOnEverySiteRoute() async throws {
        let daemon = try TestDaemon()
        let (_, ann) = try await daemon.user("ann@example.test")
        let (_, bob) = try await daemon.user("bob@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: ann, body: CreateSiteRequest(name: "blog"))
            let list = try await client.api(.get, Routes.sites, token: bob).decode(Page<Site>.self)
            #expect(list.items.isEmpty)
            let calls: [(HTTPRequest.Method, String)] = [
                (.get, Routes.site("blog")), (.delete, Routes.site("blog")), (.post, Routes.siteDisable("blog")),
                (.get, Routes.versions("blog")), (.get, Routes.version("blog", "1")), (.get, Routes.diff("blog", "1", "1")),
                (.get, Routes.versionArchive("blog", "1")), (.delete, Routes.version("blog", "1")),
            ]
            for (method, path) in calls {
                #expect(try await client.api(method, path, token: bob).status == .forbidden, "\(method) \(path)")
            }
            #expect(try await client.api(.post, Routes.deploy("blog"), token: bob, body: PointerMoveRequest(version: "1")).status == .forbidden)
            #expect(try await client.api(.post, Routes.rollback("blog"), token: bob, body: RollbackRequest()).status == .forbidden)
            #expect(try await client.api(.post, Routes.siteRequests("blog"), token: bob, body: ChatRequest(message: "set the site title to X")).status == .forbidden)
            // And the site is untouched.
            #expect(try await client.api(.get, Routes.site("blog"), token: ann).status == .ok)
        }
    }

    @Test func chatDeployRollbackRoundTrip() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            let chat = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to Acme Design Co."))
            let request = try chat.decode(BuildRequest.self)
            #expect(request.state == .queued)
            #expect(request.jobId != nil)
            let outcomes = try await daemon.drainQueue()
            #expect(outcomes.map(\.state) == [.succeeded])
            let done = try await client.api(.get, Routes.request(request.id), token: token).decode(BuildRequest.self)
            #expect(done.state == .done)
            #expect(done.version == 2)
            #expect(done.reply?.contains("blog@2") == true)

            let deployed = try await client.api(.post, Routes.deploy("blog"), token: token, body: PointerMoveRequest(version: "latest"))
            #expect(try deployed.decode(PointerMove.self).to == 2)
            let site = try await client.api(.get, Routes.site("blog"), token: token).decode(Site.self)
            #expect(site.liveVersion == 2)

            let diff = try await client.api(.get, Routes.diff("blog", "1", "2"), token: token).decode(VersionDiff.self)
            #expect(diff.files.map(\.path) == ["site.yaml"])
            #expect(diff.files[0].unified.contains("+title: Acme Design Co.") || diff.files[0].unified.contains("Acme Design Co."))

            let rolled = try await client.api(.post, Routes.rollback("blog"), token: token, body: RollbackRequest())
            #expect(try rolled.decode(PointerMove.self).to == 1)
            let versions = try await client.api(.get, Routes.versions("blog"), token: token).decode(Page<Version>.self).items
            #expect(versions.count == 2)
            #expect(versions.first { $0.isLive }?.number == 1)
        }
    }

    /// Issue 9, item 9: deploying the live version again made rollback a no-op (it "rolled back" to itself), and a
    /// deleted predecessor made it fail.
    @Test func rollbackGoesToThePreviousDistinctVersionThatStillExists() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            for title in ["Two", "Three", "Four"] {
                _ = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to \(title)"))
                _ = try await daemon.drainQueue()
            }
            func deploy(_ ref: String) async throws {
                #expect(try await client.api(.post, Routes.deploy("blog"), token: token, body: PointerMoveRequest(version: ref)).status == .ok)
            }
            func rollback() async throws -> PointerMove {
                try await client.api(.post, Routes.rollback("blog"), token: token, body: RollbackRequest()).decode(PointerMove.self)
            }
            try await deploy("2")
            try await deploy("3")
            try await deploy("3")  // Again: not its own predecessor.
            var moved = try await rollback()
            #expect((moved.from, moved.to) == (3, 2))
            moved = try await rollback()  // Back and forth, like `cd -`.
            #expect((moved.from, moved.to) == (2, 3))

            try await deploy("4")
            // 3 was live before 4; once deleted, the rollback skips it.
            #expect(try await client.api(.delete, Routes.version("blog", "3"), token: token).status == .ok)
            moved = try await rollback()
            #expect((moved.from, moved.to) == (4, 2))
            let numbers = try await client.api(.get, Routes.versions("blog"), token: token).decode(Page<Version>.self).items.map(\.number)
            #expect(numbers == [4, 2, 1])
        }
    }

    /// A change made after a rollback is made on the live version, so the rolled-back change does not come back;
    /// versions made but not deployed are still built on (the newest version is the base until the live pointer is
    /// moved back after it was made). `versions diff SITE@N` compares with the version N was made on.
    @Test func aChangeAfterARollbackIsMadeOnTheLiveVersion() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            func chat(_ message: String) async throws -> Int? {
                let request = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: message))
                    .decode(BuildRequest.self)
                _ = try await daemon.drainQueue()
                return try await client.api(.get, Routes.request(request.id), token: token).decode(BuildRequest.self).version
            }
            func deploy(_ ref: String) async throws {
                #expect(try await client.api(.post, Routes.deploy("blog"), token: token, body: PointerMoveRequest(version: ref)).status == .ok)
            }
            func version(_ n: Int) async throws -> Version {
                try await client.api(.get, Routes.version("blog", String(n)), token: token).decode(Version.self)
            }
            func siteYAML(_ n: Int) async throws -> String {
                let diff = try await client.api(.get, Routes.diff("blog", "1", String(n)), token: token).decode(VersionDiff.self)
                return diff.files.map(\.unified).joined()
            }
            #expect(try await chat("set the site title to Two") == 2)
            try await deploy("2")
            #expect(try await chat("set the tagline to Three") == 3)
            #expect(try await version(3).baseVersion == 2)
            try await deploy("3")
            // Three was a mistake: roll back to 2, then ask for another change.
            _ = try await client.api(.post, Routes.rollback("blog"), token: token, body: RollbackRequest()).decode(PointerMove.self)
            #expect(try await chat("set the site title to Four") == 4)
            let four = try await version(4)
            #expect(four.baseVersion == 2)
            let fourDiff = try await siteYAML(4)
            #expect(fourDiff.contains("Four"))
            #expect(!fourDiff.contains("Three"), "the rolled-back tagline came back:\n\(fourDiff)")
            // 4 is not deployed (2 is live), but it was made after the rollback: the next change builds on it.
            #expect(try await chat("set the tagline to Five") == 5)
            #expect(try await version(5).baseVersion == 4)
            let fiveDiff = try await siteYAML(5)
            #expect(fiveDiff.contains("Four") && fiveDiff.contains("Five"))
            // Seeds have no base.
            #expect(try await version(1).baseVersion == nil)
        }
    }

    @Test func clarifyingQuestionWaitsAndTheAnswerResumesTheSameRequest() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            let asked = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "make it pop"))
                .decode(BuildRequest.self)
            #expect(asked.state == .needsInput)
            #expect(asked.question?.options.isEmpty == false)
            #expect(try await daemon.components.queue.counts().queued == 0)
            let answered = try await client.api(.post, Routes.answer(asked.id), token: token, body: AnswerRequest(answer: "1"))
                .decode(BuildRequest.self)
            #expect(answered.id == asked.id)
            #expect(answered.state == .queued)
            try await daemon.drainQueue()
            let done = try await client.api(.get, Routes.request(asked.id), token: token).decode(BuildRequest.self)
            #expect(done.state == .done)
            #expect(done.version == 2)
        }
    }

    @Test func placeholderPricingIsStoredWithAWarningBeforePromote() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "add a pricing page with three tiers", for: user)
        try await daemon.drainQueue()
        let version = try await daemon.components.versions.show(site: "blog", ref: "latest", for: user)
        #expect(version.number == 2)
        #expect(version.checkStatus == .warnings)
        #expect(version.findings?.contains { $0.check == "placeholder" && $0.file == "content/pricing.md" } == true)
    }

    @Test func lowContrastTokensAreFlagged() async throws {
        let daemon = try TestDaemon()
        let (user, _) = try await daemon.user("ann@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        _ = try await daemon.components.requests.chat(site: "blog", message: "make the primary color #FF6600", for: user)
        try await daemon.drainQueue()
        let version = try await daemon.components.versions.show(site: "blog", ref: "latest", for: user)
        #expect(version.findings?.contains { $0.check == "contrast" && $0.message.contains("primary") } == true)
    }

    @Test func liveAndPreviewVersionsCannotBeDeleted() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            #expect(try await client.api(.delete, Routes.version("blog", "1"), token: token).status == .conflict)
            _ = try await client.api(.post, Routes.siteRequests("blog"), token: token, body: ChatRequest(message: "set the site title to Two"))
            try await daemon.drainQueue()
            _ = try await client.api(.post, Routes.preview("blog"), token: token, body: PointerMoveRequest(version: "2"))
            #expect(try await client.api(.delete, Routes.version("blog", "2"), token: token).status == .conflict)
            _ = try await client.api(.post, Routes.preview("blog"), token: token, body: PointerMoveRequest(version: "1"))
            #expect(try await client.api(.delete, Routes.version("blog", "2"), token: token).status == .ok)
        }
    }

    @Test func archiveIsAGzippedTar() async throws {
        let daemon = try TestDaemon()
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            _ = try await client.api(.post, Routes.sites, token: token, body: CreateSiteRequest(name: "blog"))
            let response = try await client.api(.get, Routes.versionArchive("blog", "1"), token: token)
            #expect(response.status == .ok)
            let bytes = Array(response.body.readableBytesView)
            #expect(bytes.prefix(2) == [0x1f, 0x8b])
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("v1.tar.gz")
            try Data(bytes).write(to: file)
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar", "-xzf", file.path, "-C", folder.path]
            try tar.run()
            tar.waitUntilExit()
            #expect(tar.terminationStatus == 0)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("blog-v1/site.yaml").path))
        }
    }
}
