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

@Suite struct PageDateArithmeticTests {
    /// The hand-written calendar arithmetic agrees with Foundation's Gregorian calendar day by day across
    /// centuries, leap days and the epoch.
    @Test func agreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        var day = try #require(calendar.date(from: DateComponents(year: 1899, month: 12, day: 25)))
        let end = try #require(calendar.date(from: DateComponents(year: 2101, month: 3, day: 2)))
        while day < end {
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let text = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
            let parsed = try #require(PageDate(parsing: text))
            #expect(parsed.date == day, "\(text)")
            #expect(parsed.isoDay == text)
            #expect(parsed.rfc822.hasPrefix(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(c.weekday ?? 1) - 1]))
            day = day.addingTimeInterval(86_400 * 3)  // every third day: all weekdays, months and leap days
        }
        #expect(PageDate(parsing: "2023-02-29") == nil)
        #expect(PageDate(parsing: "2024-02-29") != nil)
        #expect(PageDate(parsing: "1900-02-29") == nil)
        #expect(PageDate(parsing: "2000-02-29") != nil)
        #expect(PageDate(parsing: "2024-04-31") == nil)
        #expect(PageDate(parsing: "2024-05-01T25:00") == nil)
        let timed = try #require(PageDate(parsing: "1969-12-31T23:59:59-01:30"))
        #expect(timed.iso8601 == "1970-01-01T01:29:59Z")
        #expect(timed.rfc822 == "Thu, 01 Jan 1970 01:29:59 +0000")
        #expect(try #require(PageDate(parsing: "2024-05-01")).display == "May 1, 2024")
    }
}
