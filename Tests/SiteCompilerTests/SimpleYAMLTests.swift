import Foundation
import Testing

@testable import SiteCompiler

/// The fast front matter parser must give exactly what Yams gives, and leave everything else to Yams.
@Suite struct SimpleYAMLTests {
    static let values = [
        "\"Number Template Link Change\"", "'single quoted'", "\"Café ☕ — naïve\"", "plain words here", "Hello",
        "/img/logo.png", "https://example.com/a?b=c#frag", "42", "0", "-7", "true", "False", "TRUE",
        "2024-05-01", "2016-01-24T10:48:00Z", "2024-05-01T09:30:00+02:00", "[\"swift\", \"css\"]", "[]",
        "[ a, 'b c' , \"d\" ]", "[\"é\", x, \"ü\", y]", "It's fine", "a#b", "x:y", "trailing   ",
        // Outside the subset (Yams decides): must still come out the same.
        "yes", "No", "on", "null", "~", "012", "1.5", "+3", "1_000", "0x1F", "Hello: world", "a #comment",
        "\"esc\\\"aped\"", "'it''s'", "[a, [b]]", "{a: 1}", "|", ">", "*alias", "&anchor x", "!tag x", "2024-5-1",
        "[a, yes]", "[1.5]", "`tick`", "\"tab\there\"", "[\"unclosed\"", "\"cr\rinside\"", "\"bell\u{7}\"",
        "\"nel\u{85}here\"", "a\u{2028}b", "\"ps\u{2029}\"", "x\u{FEFF}y", "\"c1\u{9B}\"", "plain\ttab",
    ]

    @Test(arguments: values)
    func sameNodesAsYams(value: String) throws {
        for document in [
            "title: \(value)\n", "title: \(value)", "\n# comment\ndate: 2024-01-02\nkey_2: \(value)  \ndraft: false\n",
            "a: 1\r\nb: \(value)\r\n", "tags: [\(value)]\n",
        ] {
            let source = SourceText(path: "x.md", text: document)
            let simple = Result { () throws(CompileFailure) in try YAMLNode.parse(document, source: source, lineOffset: 3) }
            let yams = Result { () throws(CompileFailure) in try YAMLNode.parse(document, source: source, lineOffset: 3, simple: false) }
            switch (simple, yams) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(document.debugDescription)")
            case (.failure(let a), .failure(let b)): #expect(a.diagnostics == b.diagnostics)
            default: Issue.record("one parser failed: \(document.debugDescription)")
            }
        }
    }

    @Test func commonFrontMatterTakesTheFastPath() {
        let corpus = """
            title: "Number Template Link Change"
            date: 2016-01-24T10:48:00Z
            draft: false
            tags: ["components", "css"]
            description: "Server hash author to sidebar graph token is with page guide each."
            weight: 3
            slug: hello-world
            """
        #expect(SimpleYAML.parse(corpus, lineOffset: 1) != nil)
        #expect(SimpleYAML.parse("kind: warning\ntitle: \"Mind the cache\"\n", lineOffset: 0) != nil)
        #expect(SimpleYAML.parse("title: a: b\n", lineOffset: 0) == nil)
        #expect(SimpleYAML.parse("nav:\n  - a\n", lineOffset: 0) == nil)
        #expect(SimpleYAML.parse("a: 1\na: 2\n", lineOffset: 0) == nil)
    }
}
