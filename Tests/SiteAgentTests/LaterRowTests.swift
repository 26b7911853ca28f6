import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// The remaining rows of shared/acceptance/agent-requests.md, each against a fresh copy of the fixture.
@Suite("Agent requests: later rows")
struct LaterRowTests {
    let harness = AgentHarness()

    @Test("3: write a blog post about our launch asks for the text or offers a draft")
    func blogPostWithoutText() async throws {
        let question = try await harness.question("write a blog post about our launch")
        #expect(question.text.contains("Offline"))
        #expect(question.options.contains { $0.contains("“Our Launch”") && $0.contains("draft") })
        let draft = try await harness.change("write a blog post about our launch", question: question, answer: "1")
        #expect(draft.changedPaths == ["content/blog/our-launch.md"])
        let page = draft.frontMatter("content/blog/our-launch.md")
        #expect(page.string("title") == "Our Launch")
        #expect(page.isDraft)
        #expect(page.string("date") == "2026-06-12")
        let text = "We launched our new studio site today. Have a look around!"
        let post = try await harness.change("write a blog post about our launch", question: question, answer: text)
        #expect(!post.frontMatter("content/blog/our-launch.md").isDraft)
        #expect(post.frontMatter("content/blog/our-launch.md").body.contains(text))
    }

    @Test("4: Create a page called About Us asks: rename About or create a second page")
    func nearDuplicatePage() async throws {
        let question = try await harness.question("Create a page called About Us")
        #expect(question.text.contains("About"))
        #expect(question.options.count == 2)
        #expect(question.options[0].contains("Rename"))
        #expect(question.options[1].contains("second page"))
        let renamed = try await harness.change("Create a page called About Us", question: question, answer: "rename")
        #expect(renamed.changedPaths == ["content/about.md", "site.yaml"])
        #expect(renamed.frontMatter("content/about.md").string("title") == "About Us")
        let created = try await harness.change("Create a page called About Us", question: question, answer: "2")
        #expect(created.changedPaths == ["content/about-us.md", "site.yaml"])
        #expect(try created.config.nav.map(\.url) == ["/", "/about/", "/services/", "/blog/", "/about-us/"])
    }

    @Test("7: change the services page URL to /what-we-do")
    func moveServices() async throws {
        let change = try await harness.change("change the services page URL to /what-we-do")
        #expect(change.changedPaths == ["content/_index.md", "content/services.md", "content/what-we-do.md", "site.yaml"])
        #expect(change.frontMatter("content/what-we-do.md").list("aliases") == ["/services/"])
        #expect(change.frontMatter("content/what-we-do.md").body == change.frontMatter("content/services.md").body || change.files["content/services.md"] == nil)
        #expect(try change.config.nav[2] == SiteConfig.NavItem(label: "Services", url: "/what-we-do/"))
        #expect(change.lineDiff("content/_index.md") == (["button_url: /services/"], ["button_url: /what-we-do/"]))
        #expect(change.summary.contains("/what-we-do/"))
        #expect(change.summary.contains("redirect"))
    }

    @Test("8: delete the careers page asks to confirm, then unlinks")
    func deleteCareers() async throws {
        let question = try await harness.question("delete the careers page")
        #expect(question.text.contains("Services"))
        #expect(question.text.contains("Careers"))
        let change = try await harness.change("delete the careers page", question: question, answer: "yes")
        #expect(change.changedPaths == ["content/careers.md", "content/services.md"])
        #expect(change.files["content/careers.md"] == nil)
        #expect(change.lineDiff("content/services.md") == (
            ["Want to build things with us? We are hiring: see [Careers](/careers/)."],
            ["Want to build things with us? We are hiring: see Careers."]))
        let kept = try await harness.run("delete the careers page", question: question, answer: "no")
        guard case .noChange = kept else {
            Issue.record("“no” should keep the page, got \(kept)")
            return
        }
    }

    @Test("9: remove the team page asks which one")
    func removeTeamAmbiguous() async throws {
        let question = try await harness.question("remove the team page")
        #expect(question.options.count == 2)
        #expect(question.options[0].contains("Berlin Team"))
        #expect(question.options[1].contains("London Team"))
        let change = try await harness.change("remove the team page", question: question, answer: "London")
        #expect(change.changedPaths == ["content/team/london.md"])
    }

    @Test("12: use Playfair Display for headings")
    func headingFont() async throws {
        let change = try await harness.change("use Playfair Display for headings")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.tokens["font_heading"] == "\"Playfair Display\", Georgia, serif")
        #expect(try change.config.tokens["font_body"] == "Inter, system-ui, sans-serif")
        #expect(change.warnings.contains { $0.contains("not bundled") })
        #expect(change.lineDiff("site.yaml").removed == ["  font_heading: \"Inter, system-ui, sans-serif\""])
    }

    @Test("17: switch to the docs theme")
    func docsTheme() async throws {
        let change = try await harness.change("switch to the docs theme")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.theme == "docs")
        #expect(try change.config.tokens == (try SiteConfig.parse(change.before["site.yaml"] ?? Data())).tokens)
        #expect(change.lineDiff("site.yaml") == (["theme: starter"], ["theme: docs"]))
    }

    @Test("18: switch the theme to something more modern lists the installed themes")
    func vagueTheme() async throws {
        let question = try await harness.question("switch the theme to something more modern")
        for theme in ["blog", "portfolio", "docs"] {
            #expect(question.text.contains(theme))
            #expect(question.options.contains(theme))
        }
        let change = try await harness.change("switch the theme to something more modern", question: question, answer: "portfolio")
        #expect(try change.config.theme == "portfolio")
    }

    @Test("19: add a hero to the about page with a headline and a button")
    func heroOnAbout() async throws {
        let change = try await harness.change("add a hero to the about page with the headline \"Design that works\" and a button \"See our services\" linking to /services")
        #expect(change.changedPaths == ["content/about.md"])
        let editor = change.components("content/about.md")
        let hero = try #require(editor.blocks.first)
        #expect(hero.name == "Hero")
        let props = editor.propValues(of: hero)
        #expect(props["headline"] as? String == "Design that works")
        #expect(props["button_label"] as? String == "See our services")
        #expect(props["button_url"] as? String == "/services/")
        #expect(change.frontMatter("content/about.md").body.contains("Acme Studio is a small team"))
        #expect(change.lineDiff("content/about.md").removed.isEmpty)
    }

    /// Attack runs 7 and 8: alt text made from file names ("Work 01") describes nothing, so a folder gallery asks
    /// for one description per image (the folder may also be named before the page).
    @Test("20: put a gallery on the home page with the images in static/img/work")
    func gallery() async throws {
        let message = "put a gallery on the home page with the images in static/img/work"
        let question = try await harness.question(message)
        #expect(question.text.contains("/img/work/01.jpg") && question.text.contains("semicolons"))
        #expect(question.options.isEmpty, "numbered file names are no descriptions: \(question.options)")
        let descriptions = ["Our studio", "A website", "A poster", "Packaging", "Team at work", "A desk"]
        let change = try await harness.change(message, question: question, answer: descriptions.joined(separator: "; "))
        #expect(change.changedPaths == ["content/_index.md"])
        let editor = change.components("content/_index.md")
        #expect(editor.blocks.map(\.name) == ["Hero", "Features", "Gallery"])
        let gallery = try #require(editor.blocks(named: "Gallery").first)
        let images = try #require(editor.propValues(of: gallery)["images"] as? [[String: String]])
        #expect(images.map { $0["src"] } == (1...6).map { "/img/work/0\($0).jpg" })
        #expect(images.map { $0["alt"] } == descriptions)
        #expect(change.lineDiff("content/_index.md").removed.isEmpty)
        // Too few descriptions: asked again, nothing stored.
        let again = try await harness.question(message, question: question, answer: "Our studio; A website")
        #expect(again.text.contains("I need 6 descriptions and read 2"))
        // "a gallery of the images in /img/work to the home page": the folder before the page.
        let before = try await harness.question("add a gallery of the images in /img/work to the home page")
        #expect(before.text.contains("/img/work/06.jpg"))
    }

    @Test("21: add a contact form to the About page that emails hello@acme.test")
    func contactForm() async throws {
        let change = try await harness.change("add a contact form to the About page that emails hello@acme.test")
        #expect(change.changedPaths == ["content/about.md"])
        let editor = change.components("content/about.md")
        let form = try #require(editor.blocks(named: "ContactForm").first)
        let props = editor.propValues(of: form)
        #expect(props["to"] as? String == "hello@acme.test")
        #expect(props["endpoint"] == nil)
        #expect(props["fields"] as? [String] == ["Name"])
        #expect(change.summary.contains("mailto:"))
        #expect(change.summary.contains("endpoint"))
    }

    @Test("23: remove the features section from the home page")
    func removeFeatures() async throws {
        let change = try await harness.change("remove the features section from the home page")
        #expect(change.changedPaths == ["content/_index.md"])
        let editor = change.components("content/_index.md")
        #expect(editor.blocks.map(\.name) == ["Hero"])
        #expect(change.lineDiff("content/_index.md").added.isEmpty)
        #expect(change.text("content/_index.md").hasSuffix(":::\n"))
    }

    @Test("27: add a blog post with a quoted title and text")
    func postWithText() async throws {
        let change = try await harness.change("Add a blog post titled \"We're live!\" with the text: Today we launch Acme 2.0. Thanks to everyone who helped.")
        #expect(change.changedPaths == ["content/blog/were-live.md"])
        let page = change.frontMatter("content/blog/were-live.md")
        #expect(page.string("title") == "We're live!")
        #expect(page.string("date") == "2026-06-12")
        #expect(!page.isDraft)
        #expect(page.body.trimmingWhitespace == "Today we launch Acme 2.0. Thanks to everyone who helped.")
    }

    @Test("28: make the primary color #FF6600 warns about contrast")
    func primaryOrange() async throws {
        let change = try await harness.change("make the primary color #FF6600")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.tokens["primary"] == "#ff6600")
        #expect(change.warnings.contains { $0.contains("4.5:1") })
        #expect(change.lineDiff("site.yaml") == (["  primary: \"#2563eb\""], ["  primary: \"#ff6600\""]))
    }

    @Test("30: add a shopping cart is unsupported")
    func shoppingCart() async throws {
        let verdict = try await harness.triage("add a shopping cart")
        guard case .unsupported(let reason) = verdict else {
            Issue.record("expected unsupported, got \(verdict)")
            return
        }
        #expect(reason.contains("payments"))
        #expect(reason.contains("checkout"))
        #expect(reason.contains("model backend"))
    }
}
