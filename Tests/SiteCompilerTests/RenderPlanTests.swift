import Foundation
import SiteCompiler
import Testing

/// Issue 13, part 5: themes render through a compiled render plan. swift-mustache is its definition: every render
/// here goes both ways (``CompileOptions/renderPlanCheck``) and the bytes must be equal, over every built-in
/// template with the contexts real sites give, and over templates written to reach Mustache's corners.
@Suite struct RenderPlanTests {
    static let themeNames = ["starter", "docs", "blog", "portfolio"]

    /// Compiles `site` with the check on; returns how many renders were compared and the differences.
    static func differences(_ site: SiteFiles, options: CompileOptions = Fixtures.options) throws -> (Int, [String]) {
        let check = RenderPlanCheck()
        var options = options
        options.renderPlanCheck = check
        _ = try Fixtures.compiler.compile(site, options: options)
        return (check.compared, check.mismatches.prefix(3).map(describe))
    }

    /// Where two renderings part: the template and 120 characters of each from the first difference on.
    static func describe(_ mismatch: RenderPlanCheck.Mismatch) -> String {
        let expected = Array(mismatch.expected ?? "nil")
        let actual = Array(mismatch.actual ?? "nil")
        let same = zip(expected, actual).prefix { $0 == $1 }.count
        let from = max(0, same - 40)
        return "\(mismatch.template) differs at character \(same):\n--- swift-mustache\n\(String(expected[from..<min(expected.count, same + 80)]))"
            + "\n--- plan\n\(String(actual[from..<min(actual.count, same + 80)]))"
    }

    @Test func everyBuiltinThemeRendersThroughItsPlan() throws {
        for name in Self.themeNames {
            let theme = try Fixtures.library.load(name)
            #expect(theme.templates.usesRenderPlan, "\(name) fell back to swift-mustache")
        }
    }

    @Test(arguments: themeNames)
    func builtinTemplatesMatchSwiftMustacheOnTheirStarterSites(theme: String) throws {
        var site = try Fixtures.library.starterSource(theme: theme, siteName: "demo")
        // Awkward values through every field: markup, quotes, ampersands, non-ASCII, empty lists, deep params.
        site.setText(
            "content/odd.md",
            """
            ---
            title: "<b>Tom & Jerry's \\"quotes\\"</b> — ünïcode"
            description: "A & B < C > D ' \\""
            date: 2025-02-03
            tags: [a&b, "<tag>", Ü]
            params_list: [1, two, true]
            extra: { nested: { deep: "x<y" }, flag: false, items: [] }
            ---

            First paragraph with <angle> & ampersand.

            ## Heading & more
            """)
        for number in 0..<25 {
            site.setText("content/blog/many-\(number).md", "---\ntitle: Post \(number)\ndate: 2024-01-\(String(format: "%02d", number % 28 + 1))\n---\n\nText \(number).\n")
        }
        site.setText("content/blog/_index.md", "---\ntitle: Blog\n---\n")
        let (compared, differences) = try Self.differences(site)
        #expect(compared > 50, "\(compared)")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n\n"))")
    }

    @Test func fixturesMatchSwiftMustache() throws {
        let root = Fixtures.themesDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")
        for fixture in ["github-docs", "tldr-names"] {
            let (compared, differences) = try Self.differences(try SiteFiles.load(from: root.appendingPathComponent(fixture)))
            #expect(compared > 2)
            #expect(differences.isEmpty, "\(fixture): \(differences.joined(separator: "\n\n"))")
        }
        var drafts = Fixtures.options
        drafts.drafts = true
        let (_, withDrafts) = try Self.differences(try FeedTests.site(posts: 30), options: drafts)
        #expect(withDrafts.isEmpty, "\(withDrafts.joined(separator: "\n\n"))")
    }

    /// Mustache's corners: standalone and indented partials (nested), inverted sections over empty lists, `.` in
    /// lists of strings and numbers, the sequence transforms, value transforms, stack lookups that fall back to
    /// outer objects, `.name` that does not, triple and `&` unescaping, comments, CRLF lines, and values that are
    /// not strings (numbers, flags, lists and dictionaries shown as text).
    static let cornerTemplates: [String: String] = [
        "layouts/corner.mustache": """
            <ul>
              {{#items}}
              <li class="{{#first()}}first{{/first()}}{{#last()}}last{{/last()}}">{{index()}}: {{name}} {{^name}}(none){{/name}} {{title}}</li>
              {{/items}}
            </ul>
            {{! a comment line }}
              {{> indented}}
            {{#words}}[{{.}}{{^last()}},{{/last()}}]{{/words}}
            {{#numbers}}{{.}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}} {{/numbers}}
            {{^empty}}nothing here{{/empty}}{{#empty}}never{{/empty}}
            {{#missing}}never{{/missing}}{{^missing}}missing ok{{/missing}}
            {{html}} {{{html}}} {{&html}}
            {{#nested}}{{title}} {{.title}} {{inner.value}} {{#inner}}{{value}} {{title}}{{/inner}}{{/nested}}
            {{count}} {{flag}} {{#flag}}yes{{/flag}} {{^flag}}no{{/flag}} {{list}}
            {{words.count()}} {{title.uppercased()}} {{title.lowercased()}} {{#words.empty()}}never{{/words.empty()}}
            {{#number}}{{.}} {{plusone(.)}}{{/number}}
            line with CRLF\r
              {{#items}}
                {{> item}}
              {{/items}}
            {{#nested}}{{> indented}}{{/nested}}
            end
            """,
        "layouts/base.mustache": "{{{body}}}",
        "partials/indented.mustache": "<div>\n  <p>{{title}}</p>\n  {{#words}}\n  <i>{{.}}</i>\n  {{/words}}\n    {{> deeper}}\n</div>\n",
        "partials/deeper.mustache": "<span>{{title}}</span>\n<span>{{html}}</span>\n",
        "partials/item.mustache": "<b>{{name}}</b>\n{{#tags}}\n  <em>{{.}}</em>\n{{/tags}}\n",
    ]

    static var cornerContexts: [[String: Any]] { [
        [
            "title": "Top & <Title>", "html": "<em>'q' \"d\"</em>",
            "items": [["name": "one", "tags": ["x", "y"]], ["title": "no name"], ["name": "three", "tags": [String]()]] as [[String: Any]],
            "words": ["alpha", "béta", "<gamma>"], "numbers": [3, 4, 5] as [Any], "empty": [Any](),
            "nested": ["title": "inner title", "inner": ["value": "v"] as [String: Any]] as [String: Any],
            "count": 42, "flag": true, "list": ["a", "b"], "number": 7,
        ],
        ["title": "", "items": [[String: Any]](), "words": [String](), "flag": false, "empty": ["x"] as [Any]],
        [:],
        ["items": [["name": "only"]] as [[String: Any]], "nested": ["inner": "just text"] as [String: Any], "words": ["solo"]],
    ] }

    @Test func mustacheCornersRenderTheSameBothWays() throws {
        var files = SiteFiles()
        for (path, text) in Self.cornerTemplates { files.setText(path, text) }
        var templates = try ThemeTemplates(files: files, displayPrefix: "corner/")
        #expect(templates.usesRenderPlan)
        let check = RenderPlanCheck()
        templates.check = check
        for context in Self.cornerContexts {
            _ = templates.renderLayout("corner", context)
            _ = templates.renderLayout("base", ["body": "<p>x</p>"])
        }
        #expect(check.compared == 2 * Self.cornerContexts.count)
        for mismatch in check.mismatches { Issue.record(Comment(rawValue: Self.describe(mismatch))) }
        // Without the check the plan's own output is returned, and it is the same text.
        templates.check = nil
        let planned = templates.renderLayout("corner", Self.cornerContexts[0])
        #expect(planned?.contains("0: one") == true && planned?.contains("&lt;Title&gt;") == true, "\(planned ?? "nil")")
    }

    @Test func templatesUsingInheritanceFallBackToSwiftMustache() throws {
        var files = SiteFiles()
        files.setText("layouts/base.mustache", "{{<frame}}{{$content}}Hello {{name}}{{/content}}{{/frame}}")
        files.setText("partials/frame.mustache", "<main>{{$content}}default{{/content}}</main>")
        files.setText("layouts/delimiters.mustache", "{{=<% %>=}}<% name %>")
        let templates = try ThemeTemplates(files: files, displayPrefix: "inherit/")
        #expect(!templates.usesRenderPlan)
        #expect(templates.renderLayout("base", ["name": "you"]) == "<main>Hello you</main>")
        #expect(templates.renderLayout("delimiters", ["name": "x"]) == "x")
    }

    /// A partial that includes itself (directly, or in a list that never shrinks) is cut off instead of crashing or
    /// running for ever.
    @Test func selfIncludingPartialsStop() throws {
        var files = SiteFiles()
        files.setText("layouts/base.mustache", "{{> self}}|{{> rec}}")
        files.setText("partials/self.mustache", "x{{> self}}")
        files.setText("partials/rec.mustache", "{{#nums}}{{> rec}}{{/nums}}")
        let templates = try ThemeTemplates(files: files, displayPrefix: "loop/")
        #expect(templates.usesRenderPlan)
        let started = Date()
        let text = try #require(templates.renderLayout("base", ["nums": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as [Any]]))
        #expect(text.hasPrefix(String(repeating: "x", count: 64) + "|"))
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
