import Foundation
import SiteCompiler
import Testing

@Suite struct FrontMatterTests {
    private func parse(_ text: String) throws -> (PageSource, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let page = try PageSource.parse(SourceText(path: "content/a.md", text: text), warnings: &warnings)
        return (page, warnings)
    }

    @Test func readsTheDocumentedKeys() throws {
        let (page, warnings) = try parse(
            """
            ---
            title: Hello
            description: A page
            date: 2024-05-01
            updated: 2024-05-02T09:30:00+02:00
            draft: true
            tags: [a, b]
            weight: 3
            slug: hi
            aliases: [/old/]
            layout: page
            summary: Short
            image: /x.png
            ---
            Body
            """
        )
        let fm = page.frontMatter
        #expect(fm.title == "Hello" && fm.description == "A page" && fm.summary == "Short")
        #expect(fm.date?.isoDay == "2024-05-01" && fm.date?.isDayOnly == true)
        #expect(fm.updated?.iso8601 == "2024-05-02T07:30:00Z")
        #expect(fm.draft && fm.tags == ["a", "b"] && fm.weight == 3 && fm.slug == "hi" && fm.aliases == ["/old/"])
        #expect(fm.params["image"]?.string == "/x.png")
        #expect(page.body == "Body" && page.bodyLineOffset == 14)
        #expect(warnings.isEmpty)
    }

    @Test func badDateIsALocatedError() throws {
        #expect {
            _ = try parse("---\ntitle: x\ndate: 01/05/2024\n---\n")
        } throws: { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            return diagnostic?.line == 3 && diagnostic?.column == 7
                && diagnostic?.message.contains("not a date") == true
        }
    }

    @Test func likelyTypoOfAKeyIsAWarning() throws {
        let (_, warnings) = try parse("---\ntitle: x\ndraf: true\n---\n")
        #expect(warnings.first?.hint == "did you mean \"draft\"?")
        #expect(warnings.first?.line == 3)
    }

    @Test func noFrontMatterMeansTheWholeFileIsBody() throws {
        let (page, _) = try parse("# Hi\n")
        #expect(page.body == "# Hi\n" && page.frontMatter.title == nil)
    }

    @Test func slugAndAliasesShapeURLs() throws {
        let site = try Fixtures.starter(with: [
            "content/blog/2024-first.md": "---\ntitle: First\nslug: first-post\naliases: [/old-first/]\n---\nHi\n"
        ])
        let output = try Fixtures.compiler.compile(site, options: Fixtures.options).output
        #expect(output["blog/first-post/index.html"] != nil)
        let redirect = try #require(output.text("old-first/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/blog/first-post/\">"))
    }

    @Test func twoPagesWithOneURLAreAnError() throws {
        let site = try Fixtures.starter(with: ["content/about/index.md": "---\ntitle: About again\n---\n"])
        let found = Fixtures.failures(site)
        #expect(found.contains { $0.message.contains("both produce /about/") })
    }
}
