import Foundation
import SiteCompiler
import Synchronization
import Testing
@testable import SiteAgent

/// The rows of shared/acceptance/agent-requests.md that the embedded agent must handle, each against a fresh
/// copy of the fixture.
@Suite("Agent requests: required rows")
struct RequiredRowTests {
    let harness = AgentHarness()

    @Test("1: add a pricing page with three tiers")
    func pricingPage() async throws {
        let change = try await harness.change("add a pricing page with three tiers")
        #expect(change.changedPaths == ["content/pricing.md", "site.yaml"])
        let editor = change.components("content/pricing.md")
        #expect(change.frontMatter("content/pricing.md").string("title") == "Pricing")
        let block = try #require(editor.blocks(named: "Pricing").first)
        let props = editor.propValues(of: block)
        #expect(props["placeholder"] as? Bool == true)
        let tiers = try #require(props["tiers"] as? [[String: Any]])
        #expect(tiers.compactMap { $0["name"] as? String } == ["Basic", "Pro", "Enterprise"])
        for tier in tiers {
            #expect((tier["price"] as? String)?.isEmpty == false)
            #expect((tier["features"] as? [String])?.isEmpty == false)
        }
        let nav = try change.config.nav
        #expect(nav.last == SiteConfig.NavItem(label: "Pricing", url: "/pricing/"))
        #expect(nav.count == 5)
        #expect(change.summary.contains("placeholder"))
        #expect(change.summary.contains("/pricing/"))
        #expect(change.warnings.contains { $0.contains("placeholder") })
        #expect(change.lineDiff("site.yaml").removed.isEmpty)
        #expect(change.lineDiff("site.yaml").added == ["  - { label: Pricing, url: /pricing/ }"])
    }

    @Test("2: make the header dark blue")
    func headerDarkBlue() async throws {
        let change = try await harness.change("make the header dark blue")
        #expect(change.changedPaths == ["site.yaml"])
        let tokens = try change.config.tokens
        #expect(tokens["header_bg"] == "#1e3a8a")
        #expect(tokens["header_text"] == "#ffffff")
        #expect(tokens["primary"] == "#2563eb")
        let diff = change.lineDiff("site.yaml")
        #expect(diff.removed == ["  header_bg: \"#ffffff\"", "  header_text: \"#111827\""])
        #expect(diff.added == ["  header_bg: \"#1e3a8a\"", "  header_text: \"#ffffff\""])
        #expect(change.summary.contains("#1e3a8a"))
        #expect(change.summary.contains("#ffffff"))
    }

    @Test("5: new page \"Contact\" that says: Email us at hello@acme.test")
    func contactPage() async throws {
        let change = try await harness.change("new page \"Contact\" that says: Email us at hello@acme.test")
        #expect(change.changedPaths == ["content/contact.md", "site.yaml"])
        let page = change.frontMatter("content/contact.md")
        #expect(page.string("title") == "Contact")
        #expect(page.body.contains("Email us at [hello@acme.test](mailto:hello@acme.test)"))
        #expect(try change.config.nav.last == SiteConfig.NavItem(label: "Contact", url: "/contact/"))
        #expect(change.summary.contains("/contact/"))
    }

    @Test("6: rename the About page to Our Story")
    func renameAbout() async throws {
        let change = try await harness.change("rename the About page to Our Story")
        #expect(change.changedPaths == ["content/about.md", "site.yaml"])
        #expect(change.frontMatter("content/about.md").string("title") == "Our Story")
        #expect(change.lineDiff("content/about.md") == (["title: About"], ["title: Our Story"]))
        let nav = try change.config.nav
        #expect(nav.map(\.label) == ["Home", "Our Story", "Services", "Blog"])
        #expect(nav[1].url == "/about/")
        #expect(change.summary.contains("/about/"))
    }

    @Test("10: set the site title to Acme Design Co.")
    func siteTitle() async throws {
        let change = try await harness.change("set the site title to Acme Design Co.")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.title == "Acme Design Co.")
        #expect(change.lineDiff("site.yaml") == (["title: Acme Studio"], ["title: Acme Design Co."]))
        #expect(change.summary.contains("Acme Design Co."))
    }

    @Test("11: change our tagline to \"Small studio, big ideas\"")
    func tagline() async throws {
        let change = try await harness.change("change our tagline to \"Small studio, big ideas\"")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.tagline == "Small studio, big ideas")
        #expect(change.lineDiff("site.yaml").removed == ["tagline: We build things"])
        #expect(change.summary.contains("Small studio, big ideas"))
    }

    @Test("13: add Blog to the menu (already there)")
    func blogAlreadyInMenu() async throws {
        let verdict = try await harness.triage("add Blog to the menu")
        guard case .noChange(let reason) = verdict else {
            Issue.record("expected no change, got \(verdict)")
            return
        }
        #expect(reason.contains("Blog"))
        #expect(reason.contains("already"))
        guard case .noChange = try await harness.run("add Blog to the menu") else {
            Issue.record("run should not change anything")
            return
        }
    }

    @Test("14: add a link to our GitHub https://github.com/acme in the nav")
    func externalNavItem() async throws {
        let change = try await harness.change("add a link to our GitHub https://github.com/acme in the nav")
        #expect(change.changedPaths == ["site.yaml"])
        let nav = try change.config.nav
        #expect(nav.map(\.label) == ["Home", "About", "Services", "Blog", "GitHub"])
        #expect(nav.last?.url == "https://github.com/acme")
        #expect(change.lineDiff("site.yaml").removed.isEmpty)
    }

    @Test("15: take Services out of the navigation")
    func removeServicesFromNav() async throws {
        let change = try await harness.change("take Services out of the navigation")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.nav.map(\.label) == ["Home", "About", "Blog"])
        #expect(change.files["content/services.md"] == change.before["content/services.md"])
        #expect(change.summary.contains("/services/"))
        #expect(change.lineDiff("site.yaml") == (["  - { label: Services, url: /services/ }"], []))
    }

    @Test("16: move Blog before About in the menu")
    func moveBlog() async throws {
        let change = try await harness.change("move Blog before About in the menu")
        #expect(change.changedPaths == ["site.yaml"])
        #expect(try change.config.nav.map(\.label) == ["Home", "Blog", "About", "Services"])
        #expect(change.lineDiff("site.yaml") == ([], []))
        #expect(change.summary.contains("Home, Blog, About, Services"))
    }

    @Test("22: change the hero headline on the home page")
    func heroHeadline() async throws {
        let change = try await harness.change("change the hero headline on the home page to \"Hello, we are Acme\"")
        #expect(change.changedPaths == ["content/_index.md"])
        #expect(change.lineDiff("content/_index.md") == (["headline: \"We build things\""], ["headline: \"Hello, we are Acme\""]))
        let editor = change.components("content/_index.md")
        let hero = try #require(editor.blocks(named: "Hero").first)
        #expect(editor.propValues(of: hero)["headline"] as? String == "Hello, we are Acme")
        #expect(editor.blocks(named: "Features").count == 1)
    }

    @Test("24: unpublish the hello world post")
    func unpublish() async throws {
        let change = try await harness.change("unpublish the hello world post")
        #expect(change.changedPaths == ["content/blog/hello-world.md"])
        #expect(change.frontMatter("content/blog/hello-world.md").isDraft)
        #expect(change.lineDiff("content/blog/hello-world.md") == ([], ["draft: true"]))
        #expect(change.summary.contains("draft"))
        #expect(change.summary.contains("RSS"))
    }

    @Test("25: publish the spring update post")
    func publish() async throws {
        let change = try await harness.change("publish the spring update post")
        #expect(change.changedPaths == ["content/blog/spring-update.md"])
        let page = change.frontMatter("content/blog/spring-update.md")
        #expect(!page.isDraft)
        #expect(page.string("date") == "2026-04-15")
        #expect(change.lineDiff("content/blog/spring-update.md") == (["draft: true"], []))
        #expect(change.summary.contains("2026-04-15"))
    }

    @Test("26: undo")
    func undo() async throws {
        let verdict = try await harness.triage("undo")
        guard case .clear(let triageSummary) = verdict else {
            Issue.record("expected clear, got \(verdict)")
            return
        }
        #expect(triageSummary.contains("v4"))
        let lines = LogLines()
        let outcome = try await harness.agent.run(try AcmeFixture.context("undo"), log: { lines.append($0) })
        guard case .revert(let version, let summary) = outcome else {
            Issue.record("expected a revert, got \(outcome)")
            return
        }
        #expect(version == 4)
        #expect(summary.contains("not promoted"))
        #expect(summary.contains("v5"))
        #expect(!lines.all.contains { $0.hasPrefix("Edited") || $0.hasPrefix("Created") })
    }

    @Test("29: make it pop asks with concrete options")
    func makeItPop() async throws {
        let question = try await harness.question("make it pop")
        let options = question.options.joined(separator: "\n").lowercased()
        #expect(options.contains("brighter primary"))
        #expect(options.contains("bolder heading font"))
        #expect(options.contains("theme"))
        #expect(options.contains("hero"))
        #expect(question.options.count == 4)
    }

    @Test("29: answering “brighter primary” or “1” resumes the same request", arguments: ["brighter primary", "1"])
    func makeItPopAnswered(answer: String) async throws {
        let question = try await harness.question("make it pop")
        let change = try await harness.change("make it pop", question: question, answer: answer)
        #expect(change.changedPaths == ["site.yaml"])
        let primary = try #require(try change.config.tokens["primary"])
        #expect(primary != "#2563eb")
        let color = try #require(RGBColor(hex: primary))
        #expect(color.hsl.saturation > 0.95)
        #expect(change.lineDiff("site.yaml").removed == ["  primary: \"#2563eb\""])
    }
}

/// Collects log lines from a `@Sendable` callback.
final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
}
