import Foundation
import SiteCompiler
import Testing
@testable import SiteAgent

/// Findings of docs-only attack runs on the offline agent (issue 10), each pinned.
@Suite("Agent requests: attack findings")
struct AttackFindingTests {
    static let library = AcmeFixture.repositoryRoot.map { ThemeLibrary(directories: [$0.appendingPathComponent("themes")]) }
    static let interpreter = Interpreter.embedded(themes: library)

    static func context(_ message: String, _ source: SiteFiles, versions: [AgentVersionInfo] = [], base: Int? = 1) -> AgentContext {
        AgentContext(message: message, question: nil, answer: nil, source: source, baseVersion: base, versions: versions,
                     installedThemes: ["starter", "blog", "portfolio", "docs"], now: AcmeFixture.date("2026-06-12T14:00"),
                     timeZone: AcmeFixture.timeZone)
    }

    @Test func undoAfterUndoGoesAStepFurtherBackInsteadOfRedoing() throws {
        let source = try AcmeFixture.source()
        let at = AcmeFixture.date("2026-06-01T10:00")
        func version(_ number: Int, _ digest: String) -> AgentVersionInfo {
            AgentVersionInfo(number: number, createdAt: at, isLive: number == 1, sourceDigest: digest)
        }
        let first = try Self.interpreter.resolve(Self.context("undo", source, versions: [version(1, "A"), version(2, "B"), version(3, "C")], base: 3))
        guard case .revert(let target, _) = first else { Issue.record("\(first)"); return }
        #expect(target == 2)
        // v4 is that undo (source B again): undoing once more goes to v1, not back to C.
        let second = try Self.interpreter.resolve(Self.context("undo", source, versions: [version(1, "A"), version(2, "B"), version(3, "C"), version(4, "B")], base: 4))
        guard case .revert(let again, let summary) = second else { Issue.record("\(second)"); return }
        #expect(again == 1)
        #expect(!summary.contains("previewed"), "the undo version is not moved to the preview pointer: \(summary)")
    }

    /// Fifth attack run: a gallery of files named one by one asks what each shows (alt text is never made up from
    /// file names), and the answer, one description per image, becomes each image's alt text.
    @Test func aGalleryOfNamedFilesAsksForEachImagesDescription() throws {
        let message = "put a gallery of our work on the home page using /img/work/01.jpg, /img/work/02.jpg and /img/work/05.jpg"
        let source = try AcmeFixture.source()
        guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, source)) else {
            Issue.record("no question about the images' descriptions"); return
        }
        #expect(question.text.contains("/img/work/05.jpg"))
        guard case .question(let again) = try Self.answered(message, source, question: question, answer: "A bright studio desk; Two designers at work") else {
            Issue.record("two descriptions for three images were taken"); return
        }
        #expect(again.text.contains("I need 3 descriptions and read 2"))
        guard case .change(let workspace, _) = try Self.answered(message, source, question: question, answer: "A bright studio desk; Two designers at work; Our shop front at dusk") else {
            Issue.record("the answer did not add the gallery"); return
        }
        let home = workspace.files.text("content/_index.md") ?? ""
        #expect(home.contains("src: /img/work/05.jpg\n    alt: Our shop front at dusk"))
        #expect(home.contains("alt: A bright studio desk"))
        #expect(!home.contains("Work 01"))
    }

    @Test func aFreeTextAnswerToWhatShouldItSayIsTheNewValue() throws {
        guard case .change(let priced, _) = try Self.interpreter.resolve(Self.context("add a pricing page with three tiers", try AcmeFixture.source())) else {
            Issue.record("no pricing page"); return
        }
        let message = "set the price of the Pro plan to twenty nine dollars a month billed yearly"
        guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, priced.files)) else {
            Issue.record("a 20-character price should be asked about"); return
        }
        for answer in ["$29", "set it to $29"] {
            var context = Self.context(message, priced.files)
            context.question = question
            context.answer = answer
            let resolution = try Self.interpreter.resolve(context)
            guard case .change(let workspace, _) = resolution else { Issue.record("answer “\(answer)”: \(resolution)"); continue }
            #expect(workspace.files.text("content/pricing.md")?.contains("price: $29") == true)
        }
    }

    @Test func aTiersFeaturesTakeNewAndLoseOldEntries() throws {
        guard case .change(let priced, _) = try Self.interpreter.resolve(Self.context("add a pricing page with three tiers", try AcmeFixture.source())) else {
            Issue.record("no pricing page"); return
        }
        let added = try Self.interpreter.resolve(Self.context("add Free delivery on Sundays to the Pro plan's features", priced.files))
        guard case .change(let withFeature, _) = added else { Issue.record("\(added)"); return }
        let page = try #require(withFeature.files.text("content/pricing.md"))
        let tiers = try #require(ComponentBlockEditor(page).propValues(of: ComponentBlockEditor(page).blocks[0])["tiers"] as? [[String: Any]])
        #expect(tiers[1]["features"] as? [String] == ["5 projects", "Priority support", "Analytics", "Free delivery on Sundays"])
        #expect(tiers[0]["features"] as? [String] == ["1 project", "Email support"])
        // Only the Pro tier's lines changed.
        #expect(Set(priced.files.paths + withFeature.files.paths).filter { priced.files[$0] != withFeature.files[$0] } == ["content/pricing.md"])
        let removed = try Self.interpreter.resolve(Self.context("remove Analytics from the Pro plan", withFeature.files))
        guard case .change(let without, _) = removed else { Issue.record("\(removed)"); return }
        #expect(!(without.files.text("content/pricing.md") ?? "").contains("Analytics"))
    }

    @Test func quotesInsideAQuotedValueStayAndTheOuterOnesGo() {
        #expect(Phrase.value(#""We say "hello" to everyone""#) == #"We say "hello" to everyone"#)
        #expect(Phrase.value(#""Fast" and "Calm""#) == #""Fast" and "Calm""#)
        #expect(Phrase.value("“Small studio, big ideas”") == "Small studio, big ideas")
    }

    @Test func aColourReplyQuotesTheSitesOwnThemeDefaults() throws {
        guard let root = AcmeFixture.repositoryRoot else { throw AcmeFixture.FixtureMissing() }
        let blog = try SiteFiles.load(from: root.appendingPathComponent("themes/blog/starter"))
        let resolution = try Self.interpreter.resolve(Self.context("make the footer black", blog))
        guard case .change(_, let summary) = resolution else { Issue.record("\(resolution)"); return }
        // The blog theme's footer text is #efe6da; the starter theme's (#cbd5e1) must not appear.
        #expect(summary.contains("#efe6da"), "\(summary)")
        #expect(!summary.contains("#cbd5e1"), "\(summary)")
    }

    @Test func aMessageWithTooManyInstructionsIsRefusedWithTheLimit() throws {
        // An attack sent 700 parts and kept a worker busy for 19 s: more than 20 are refused up front.
        let message = Array(repeating: "make the footer navy", count: 200).joined(separator: " and ")
        let resolution = try Self.interpreter.resolve(Self.context(message, try AcmeFixture.source()))
        guard case .unsupported(let reason) = resolution else { Issue.record("\(resolution)"); return }
        #expect(reason.contains("200 separate instructions") && reason.contains("at most 20"), "\(reason)")
        let twenty = Array(repeating: "make the footer navy", count: 20).joined(separator: " and ")
        guard case .change = try Self.interpreter.resolve(Self.context(twenty, try AcmeFixture.source())) else {
            Issue.record("20 instructions should still be done"); return
        }
    }

    // MARK: - Eighth attack run: answers that looped, options that failed

    static func answered(_ message: String, _ source: SiteFiles, question: AgentQuestion, answer: String) throws -> Resolution {
        var context = Self.context(message, source)
        context.question = question
        context.answer = answer
        return try interpreter.resolve(context)
    }

    /// "What does /img/work/05.jpg show?" answered in the words the question suggested: the figure is added with
    /// that alt text (every answer used to bring the same question back).
    @Test func theAltTextAnswerAddsTheImage() throws {
        let message = "Add /img/work/05.jpg to the Berlin team page"
        let source = try AcmeFixture.source()
        guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, source)) else {
            Issue.record("no question about the alt text"); return
        }
        #expect(question.text.hasPrefix("What does /img/work/05.jpg show?"))
        for answer in ["alt text A desk with a laptop and plants", "A desk with a laptop and plants", "it shows a desk with a laptop and plants"] {
            guard case .change(let workspace, _) = try Self.answered(message, source, question: question, answer: answer) else {
                Issue.record("answer “\(answer)” did not add the image"); continue
            }
            let page = workspace.files.text("content/team/berlin.md") ?? ""
            #expect(page.contains("src: /img/work/05.jpg"))
            #expect(page.lowercased().contains("alt: a desk with a laptop and plants"), "\(page)")
        }
    }

    /// "Before I change anything: … would become “Small studio, big ideas and …”. What should it say?" answered
    /// with the words: those words are stored (the same question came back for every answer).
    @Test func theAnswerToASwallowedValueQuestionIsTheValue() throws {
        let message = "change the headline to Small studio, big ideas and make everything sparkle"
        let source = try AcmeFixture.source()
        guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, source)) else {
            Issue.record("no question about the swallowed instruction"); return
        }
        #expect(question.text.hasPrefix("Before I change anything:"))
        for answer in ["Small studio, big ideas", "it should say \"Small studio, big ideas\""] {
            guard case .change(let workspace, _) = try Self.answered(message, source, question: question, answer: answer) else {
                Issue.record("answer “\(answer)” did not set the headline"); continue
            }
            let home = workspace.files.text("content/_index.md") ?? ""
            #expect(home.contains("Small studio, big ideas") && !home.contains("sparkle"), "\(home)")
            #expect(workspace.files.paths.filter { workspace.files[$0] != source[$0] } == ["content/_index.md"])
        }
    }

    /// A theme switch offered for "make the homepage more eye-catching" failed the build (the About page's Callout
    /// has no counterpart in portfolio): only themes the site builds with are offered, and asking for one that
    /// lacks a component says which.
    @Test func onlyThemesTheSiteBuildsWithAreOffered() throws {
        let source = try OwnerRequestTests.source("starter")
        guard case .question(let question) = try Self.interpreter.resolve(Self.context("can you make the homepage more eye-catching?", source)) else {
            Issue.record("no question"); return
        }
        for option in question.options where option.contains("theme") {
            let theme = option.split(separator: "“").last.map { String($0.prefix { $0 != "”" }) } ?? ""
            guard case .change(let workspace, _) = try Self.answered("can you make the homepage more eye-catching?", source, question: question, answer: option) else {
                Issue.record("\(option) did nothing"); continue
            }
            _ = try CompileTests.compile(workspace.files)
            #expect(!theme.isEmpty)
        }
        guard case .unsupported(let reason) = try Self.interpreter.resolve(Self.context("switch to the docs theme", try OwnerRequestTests.source("portfolio"))) else {
            Issue.record("switching portfolio to docs should be refused"); return
        }
        #expect(reason.contains("Hero") && reason.contains("would not build"))
    }

    /// A folder of images with word file names may take the names as alt text, when the person picks that.
    @Test func fileNamesAreAltTextOnlyWhenPicked() throws {
        var source = try OwnerRequestTests.source("starter")
        source["static/img/team/anna-at-her-desk.jpg"] = Data([0xFF, 0xD8, 0xFF])
        source["static/img/team/the-studio-kitchen.jpg"] = Data([0xFF, 0xD8, 0xFF])
        let message = "add a gallery of the images in /img/team to the about page"
        guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, source)) else {
            Issue.record("no question"); return
        }
        #expect(question.options.first?.contains("Anna At Her Desk") == true, "\(question.options)")
        guard case .change(let workspace, let summary) = try Self.answered(message, source, question: question, answer: "1") else {
            Issue.record("picking the file names did nothing"); return
        }
        #expect(workspace.files.text("content/about.md")?.contains("alt: Anna At Her Desk") == true)
        #expect(summary.contains("file name"))
    }

    // MARK: - Ninth attack run

    /// "it looks boring tbh" on the blog and docs themes offered "Add a hero", which their themes lack (the job
    /// failed to compile); "fix the homepage" on the portfolio offered the starter theme's blue and a hero for the
    /// Contact page. Options are the site's own: its theme's primary colour, a hero only where the theme has one
    /// and only for the page the message is about — and every option compiles.
    @Test func vagueOptionsAreTheSitesOwnAndAllCompile() throws {
        for (theme, message) in [("blog", "it looks boring tbh"), ("docs", "make it look more professional"), ("portfolio", "fix the homepage"), ("starter", "make it pop")] {
            let source = try OwnerRequestTests.source(theme)
            guard case .question(let question) = try Self.interpreter.resolve(Self.context(message, source)) else {
                Issue.record("\(theme): no question for “\(message)”"); continue
            }
            #expect(!question.options.contains { $0.contains("Contact") }, "\(theme): \(question.options)")
            if theme == "portfolio" { #expect(question.options.first?.contains("#7c3aed") == true, "\(question.options)") }
            if theme != "starter" { #expect(!question.options.contains { $0.contains("hero") }, "\(theme): \(question.options)") }
            for index in question.options.indices {
                let resolution = try Self.answered(message, source, question: question, answer: String(index + 1))
                guard case .change(let workspace, _) = resolution else { continue }
                do { _ = try CompileTests.compile(workspace.files) } catch {
                    Issue.record("\(theme): option \(index + 1) “\(question.options[index])” does not compile: \(error)")
                }
            }
        }
    }

    /// Thirteenth attack run: a picture named by its caption's words is answered with its own alt text — never
    /// the alt text of the gallery item above it.
    @Test func aPictureNamedByItsCaptionIsAnsweredWithItsOwnAltText() throws {
        let source = try OwnerRequestTests.source("portfolio")
        let resolution = try Self.interpreter.resolve(Self.context("what does the Pennywise image show?", source))
        guard case .noChange(let reply) = resolution else { Issue.record("\(resolution)"); return }
        #expect(reply.contains("/img/project-2.svg"))
        #expect(reply.contains("budgeting tool"), "\(reply)")
        #expect(!reply.contains("Poster design"), "\(reply)")
    }

    /// Thirteenth attack run: a rewrite that holds a second instruction ("… and have it drive traffic to /blog/") is
    /// done clause by clause; the label never lands without its link.
    @Test func aRewrittenMessageKeepsItsSecondInstruction() throws {
        let source = try AcmeFixture.source()
        for message in ["Let's punch up the hero CTA: label it See our work and have it drive traffic to /blog/",
                        "change the hero button to “See our work” linking to /blog/"] {
            let resolution = try Self.interpreter.resolve(Self.context(message, source))
            guard case .change(let workspace, _) = resolution else { Issue.record("\(message): \(resolution)"); continue }
            let home = workspace.files.text("content/_index.md") ?? ""
            #expect(home.contains("button_label: See our work"), "\(message)")
            #expect(home.contains("button_url: /blog/"), "\(message)")
        }
    }

    /// Fourteenth attack run: a list section (testimonials, FAQ, features) is added with the first entry the person
    /// gives — never invented: without one, the reply asks, and the answer is the entry.
    @Test func aListSectionStartsWithTheEntryGivenOrAsksForIt() throws {
        let docs = try OwnerRequestTests.source("docs")
        guard case .question(let question) = try Self.interpreter.resolve(Self.context("add an FAQ section to the home page", docs)) else {
            Issue.record("no question for the first entry"); return
        }
        let answered = try Self.answered("add an FAQ section to the home page", docs, question: question, answer: "Is it fast? Yes, very.")
        guard case .change(let workspace, _) = answered else { Issue.record("\(answered)"); return }
        #expect(workspace.files.text("content/_index.md")?.contains("- question: Is it fast?\n    answer: Yes, very.") == true)
        let portfolio = try OwnerRequestTests.source("portfolio")
        let quoted = try Self.interpreter.resolve(Self.context("add a testimonials section to the contact page: 'Great work.' - Jo Bloggs, CEO", portfolio))
        guard case .change(let withQuote, _) = quoted else { Issue.record("\(quoted)"); return }
        #expect(withQuote.files.text("content/contact.md")?.contains("- quote: Great work.\n    name: Jo Bloggs\n    role: CEO") == true)
        // A theme without the component says which themes have one.
        let starter = try Self.interpreter.resolve(Self.context("add a testimonials section to the home page", try AcmeFixture.source()))
        guard case .unsupported(let reason) = starter else { Issue.record("\(starter)"); return }
        #expect(reason.contains("no Testimonials component"))
    }

    /// Fourteenth attack run: a self-hosted video goes in through the theme's Video component, with the title
    /// screen readers announce (asked for when not given); a missing file is refused, never invented.
    @Test func aVideoFromStaticIsAddedWithItsTitle() throws {
        var blog = try OwnerRequestTests.source("blog")
        let missing = try Self.interpreter.resolve(Self.context("add the video /media/workshop.mp4 to the first post titled Our workshop", blog))
        guard case .unsupported = missing else { Issue.record("\(missing)"); return }
        blog = SiteFiles(blog.paths.reduce(into: [String: Data]()) { $0[$1] = blog[$1] }.merging(["static/media/workshop.mp4": Data([0, 0, 0, 24])]) { a, _ in a })
        let added = try Self.interpreter.resolve(Self.context("add the video /media/workshop.mp4 to the first post titled Our workshop", blog))
        guard case .change(let workspace, _) = added else { Issue.record("\(added)"); return }
        #expect(workspace.files.text("content/posts/first-post.md")?.contains(":::component Video\nsrc: /media/workshop.mp4\ntitle: Our workshop\n:::") == true)
        guard case .question = try Self.interpreter.resolve(Self.context("add the video /media/workshop.mp4 to the first post", blog)) else {
            Issue.record("no question for the video's title"); return
        }
    }

    /// Fifteenth attack run: an answer to "What should change in “About”?" that names a field ("change the
    /// description to …") changes that page's field, and the page never ends up inside the new value.
    @Test func anAnswerAboutAPageChangesThatPagesField() throws {
        let blog = try OwnerRequestTests.source("blog")
        guard case .question(let question) = try Self.interpreter.resolve(Self.context("can you improve the about page", blog)) else {
            Issue.record("no question"); return
        }
        let answered = try Self.answered("can you improve the about page", blog, question: question, answer: "change the description to \"A woodworker and programmer who writes things down.\"")
        guard case .change(let workspace, _) = answered else { Issue.record("\(answered)"); return }
        #expect(workspace.files.text("content/about.md")?.contains("description: A woodworker and programmer who writes things down.") == true)
        #expect(workspace.files.text("site.yaml") == blog.text("site.yaml"), "the site's own description is not the About page's")
    }

    /// Fifteenth attack run: "First, … Second, …" is two instructions; both are done or neither (one was dropped).
    @Test func numberedSentencesAreAllDone() throws {
        let message = "Good evening. Two small things, if I may. First, Omar Haddad has since moved on and is now Chief Product Officer at Pennywise, so his title should be updated. Second, the heading above the pictures, 'Selected work', would read better as 'Recent projects'. Many thanks."
        let resolution = try Self.interpreter.resolve(Self.context(message, try OwnerRequestTests.source("portfolio")))
        guard case .change(let workspace, _) = resolution else { Issue.record("\(resolution)"); return }
        let home = workspace.files.text("content/_index.md") ?? ""
        #expect(home.contains("role: Chief Product Officer at Pennywise"))
        #expect(home.contains("title: Recent projects"))
    }

    /// Sixteenth attack run: answers keep every word of their value ("… on the day." is no page), and an option's
    /// own text is understood as that option.
    @Test func answersKeepTheirWordsAndOptionTextsPick() throws {
        let portfolio = try OwnerRequestTests.source("portfolio")
        guard case .question(let question) = try Self.interpreter.resolve(Self.context("change the testimonial", portfolio)) else {
            Issue.record("no question"); return
        }
        let answered = try Self.answered("change the testimonial", portfolio, question: question, answer: "change Omar Haddad's quote to Calm, quick and brilliant on the day.")
        guard case .change(let workspace, _) = answered else { Issue.record("\(answered)"); return }
        #expect(workspace.files.text("content/_index.md")?.contains("quote: Calm, quick and brilliant on the day.") == true, "\(workspace.files.text("content/_index.md") ?? "")")
        let acme = try AcmeFixture.source()
        let message = "Add /img/work/09.jpg to the services page with alt text Our team at work"
        guard case .question(let which) = try Self.interpreter.resolve(Self.context(message, acme)) else { Issue.record("no question"); return }
        let picked = try Self.answered(message, acme, question: which, answer: "/img/work/03.jpg")
        guard case .change(let withImage, _) = picked else { Issue.record("\(which) → \(picked)"); return }
        #expect(withImage.files.text("content/services.md")?.contains("/img/work/03.jpg") == true)
    }

    /// Seventeenth attack run: an answer to the safety question that corrects the misreading ("I meant the callout
    /// box …") is a request of its own, never a 94-character site title.
    @Test func aCorrectingAnswerIsNeverStoredAsTheValue() throws {
        let starter = try OwnerRequestTests.source("starter")
        let question = AgentQuestion(text: "Before I change anything: the site title would become “Meet Priya instead, and leave the rest of the box alone for now, I'll write the …” (115 characters). Names that long usually mean I misread the request. What should the site title be?")
        let resolution = try Self.answered("I'd like the title to say Meet Priya instead, and leave the rest of the box alone for now, I'll write the text later once I have a good photo.", starter, question: question,
                                           answer: "I meant the callout box on the About page, not the site title: its title should be Meet Priya")
        if case .change(let workspace, _) = resolution {
            #expect(!(workspace.files.text("site.yaml") ?? "").contains("I meant"), "the correction became the site title")
        }
    }
}
