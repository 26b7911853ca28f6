import Testing
@testable import SiteAgent

@Suite("Front matter and component editors")
struct PageEditorTests {
    let page = """
        ---
        title: Home
        tags: [a, b]
        ---

        Intro paragraph.

        ```md
        :::component Hero
        headline: not a block (inside a code fence)
        :::
        ```

        :::component Hero
        headline: "We build things"
        button_url: /services/
        ---
        Some **body** text.
        :::

        """

    @Test func frontMatterKeysAreSetAddedAndRemovedInPlace() {
        var editor = FrontMatterEditor(page)
        editor.set("title", value: .string("Start"))
        editor.set("draft", value: .bool(true))
        #expect(editor.text.hasPrefix("---\ntitle: Start\ntags: [a, b]\ndraft: true\n---\n\nIntro paragraph."))
        #expect(editor.isDraft)
        editor.remove("draft")
        editor.set("title", value: .string("Home"))
        #expect(editor.text == page)
    }

    @Test func frontMatterIsCreatedWhenMissing() {
        var editor = FrontMatterEditor("Just text.\n")
        editor.set("title", value: .string("Notes"))
        #expect(editor.text == "---\ntitle: Notes\n---\nJust text.\n")
    }

    @Test func blocksInCodeFencesAreIgnoredAndBodiesAreNotProps() throws {
        let editor = ComponentBlockEditor(page)
        #expect(editor.blocks.map(\.name) == ["Hero"])
        let hero = try #require(editor.blocks.first)
        #expect(editor.propValues(of: hero)["headline"] as? String == "We build things")
        #expect(editor.propValues(of: hero).count == 2)
    }

    @Test func settingAPropKeepsItsQuotingAndTheBody() throws {
        var editor = ComponentBlockEditor(page)
        let hero = try #require(editor.blocks.first)
        editor.setProp("headline", value: .string("It's \"new\""), in: hero)
        editor.setProp("button_label", value: .string("Go"), in: try #require(editor.blocks.first))
        #expect(editor.text.contains(":::component Hero\nheadline: \"It's \\\"new\\\"\"\nbutton_url: /services/\nbutton_label: Go\n---\nSome **body** text.\n:::"))
    }

    @Test func blocksAreInsertedAtTheTopOrBottomAndRemovedCleanly() throws {
        var editor = ComponentBlockEditor("---\ntitle: About\n---\n\nText.\n")
        editor.insert("Hero", props: .map([("headline", .string("Hi"))]), at: .top)
        #expect(editor.text == "---\ntitle: About\n---\n\n:::component Hero\nheadline: Hi\n:::\n\nText.\n")
        editor.insert("Gallery", props: .map([("images", .list([.map([("src", .string("/a.jpg")), ("alt", .string("A"))])]))]), at: .bottom)
        #expect(editor.text.hasSuffix("Text.\n\n:::component Gallery\nimages:\n  - src: /a.jpg\n    alt: A\n:::\n"))
        editor.remove(try #require(editor.blocks.first))
        editor.remove(try #require(editor.blocks.first))
        #expect(editor.text == "---\ntitle: About\n---\n\nText.\n")
    }

    @Test func linksAreRetargetedOrUnlinked() {
        let text = "See [Careers](/careers/) and [jobs](/careers#open \"Jobs\"), ![img](/careers/a.png).\nbutton_url: \"/careers/\"\n"
        let moved = LinkRewriter.rewrite(text, url: "/careers/") { _ in .retarget("/jobs/") }
        #expect(moved == "See [Careers](/jobs/) and [jobs](/jobs/#open \"Jobs\"), ![img](/careers/a.png).\nbutton_url: \"/jobs/\"\n")
        let unlinked = LinkRewriter.rewrite(text, url: "/careers/") { _ in .unlink }
        #expect(unlinked.hasPrefix("See Careers and jobs, ![img]"))
        #expect(LinkRewriter.count(in: text, to: "/careers/") == 3)
    }
}
