import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// The fixture and every changing row's result compile with the starter theme (no errors), so
/// `sitectl sites create acme --from Tests/Fixtures/acme` and the agent's edits give buildable sites.
@Suite("Agent results compile")
struct CompileTests {
    let harness = AgentHarness()

    /// A request, with the answer that resumes it when it asks first.
    static let changingRows: [(String, String?)] = [
        ("add a pricing page with three tiers", nil),
        ("make the header dark blue", nil),
        ("write a blog post about our launch", "1"),
        ("Create a page called About Us", "1"),
        ("Create a page called About Us", "2"),
        ("new page \"Contact\" that says: Email us at hello@acme.test", nil),
        ("rename the About page to Our Story", nil),
        ("change the services page URL to /what-we-do", nil),
        ("delete the careers page", "yes"),
        ("remove the team page", "Berlin"),
        ("set the site title to Acme Design Co.", nil),
        ("change our tagline to \"Small studio, big ideas\"", nil),
        ("use Playfair Display for headings", nil),
        ("add a link to our GitHub https://github.com/acme in the nav", nil),
        ("take Services out of the navigation", nil),
        ("move Blog before About in the menu", nil),
        ("add a hero to the about page with the headline \"Design that works\" and a button \"See our services\" linking to /services", nil),
        ("put a gallery on the home page with the images in static/img/work", "Our studio; A website; A poster; Packaging; Team at work; A desk"),
        ("add a contact form to the About page that emails hello@acme.test", nil),
        ("change the hero headline on the home page to \"Hello, we are Acme\"", nil),
        ("remove the features section from the home page", nil),
        ("unpublish the hello world post", nil),
        ("publish the spring update post", nil),
        ("Add a blog post titled \"We're live!\" with the text: Today we launch Acme 2.0. Thanks to everyone who helped.", nil),
        ("make the primary color #FF6600", nil),
        ("make it pop", "1"),
        ("make it pop", "2"),
        ("make it pop", "4"),
    ]

    static func compiler() throws -> SiteCompiler {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        return SiteCompiler(themes: ThemeLibrary(directories: [root.appendingPathComponent("themes")]))
    }

    static func compile(_ files: SiteFiles) throws -> CompileResult {
        try compiler().compile(files, options: CompileOptions(now: AcmeFixture.date("2026-06-12T14:00"), linkCheck: .error))
    }

    @Test func theFixtureCompilesWithTheStarterTheme() throws {
        let result = try Self.compile(try AcmeFixture.source())
        #expect(result.output["index.html"] != nil)
        #expect(result.output["team/berlin/index.html"] != nil)
        #expect(result.output["img/work/06.jpg"] != nil)
        #expect(result.output["blog/spring-update/index.html"] == nil)
    }

    @Test("each changing row compiles", arguments: changingRows.indices)
    func changingRowCompiles(index: Int) async throws {
        let (message, answer) = Self.changingRows[index]
        var question: AgentQuestion?
        if answer != nil { question = try await harness.question(message) }
        let change = try await harness.change(message, question: question, answer: answer)
        do {
            _ = try Self.compile(change.files)
        } catch let failure as CompileFailure {
            Issue.record("“\(message)” (answer \(answer ?? "-")) does not compile:\n\(failure.description)")
        }
    }

    @Test("24: an unpublished post leaves the blog list, the sitemap and the feed")
    func unpublishedPostLeavesListsAfterTheBuild() async throws {
        let before = try Self.compile(try AcmeFixture.source()).output
        #expect(before.text("blog/index.html")?.contains("Hello World") == true)
        #expect(before.text("sitemap.xml")?.contains("/blog/hello-world/") == true)
        #expect(before.text("blog/index.xml")?.contains("/blog/hello-world/") == true)
        let change = try await harness.change("unpublish the hello world post")
        let output = try Self.compile(change.files).output
        #expect(output["blog/hello-world/index.html"] == nil)
        #expect(output.text("blog/index.html")?.contains("Hello World") == false)
        #expect(output.text("sitemap.xml")?.contains("/blog/hello-world/") == false)
        // With no published dated post left, the blog has no feed at all; any feed must not list the post.
        for path in output.paths where path.hasSuffix(".xml") { #expect(output.text(path)?.contains("hello-world") == false) }
    }

    @Test("7: the old services URL redirects after the move")
    func movedPageKeepsARedirect() async throws {
        let change = try await harness.change("change the services page URL to /what-we-do")
        let output = try Self.compile(change.files).output
        #expect(output["what-we-do/index.html"] != nil)
        #expect(output.text("services/index.html")?.contains("/what-we-do/") == true)
    }
}
