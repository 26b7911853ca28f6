import Foundation
import SiteCompiler
import Testing

/// The starter seed, compiled with the starter theme: what a brand-new site looks like.
@Suite struct StarterSiteTests {
    let result: CompileResult

    init() throws {
        result = try Fixtures.compiler.compile(Fixtures.starter(), options: Fixtures.options)
    }

    private func html(_ path: String) -> String { result.output.text(path) ?? "" }

    @Test func everyPageIsWrittenAtItsURL() {
        for path in ["index.html", "about/index.html", "blog/index.html", "blog/hello-world/index.html", "404.html"] {
            #expect(result.output[path] != nil, "missing \(path)")
        }
        #expect(result.pages.map(\.url) == ["/", "/about/", "/blog/", "/blog/hello-world/"])
        #expect(result.pages.first { $0.url == "/about/" }?.sourcePath == "content/about.md")
        #expect(result.pages.first { $0.url == "/about/" }?.outputPath == "about/index.html")
    }

    @Test func buildsWithoutWarnings() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func siteTitleIsInTheTitleAndTheHeader() {
        #expect(html("index.html").contains("<title>My Site</title>"))
        #expect(html("about/index.html").contains("<title>About · My Site</title>"))
        #expect(html("about/index.html").contains("<span class=\"brand-title\">My Site</span>"))
        #expect(html("about/index.html").contains("Ideas, work and notes"))
        #expect(html("about/index.html").contains("© My Site. All rights reserved."))
        #expect(html("index.html").contains("<html lang=\"en\">"))
    }

    @Test func pagesHaveLandmarks() {
        let page = html("blog/hello-world/index.html")
        for landmark in [
            "<header class=\"site-header\"", "<nav class=\"site-nav\" aria-label=\"Main\"", "<main id=\"main\"",
            "<footer class=\"site-footer\"", "href=\"#main\"",
        ] {
            #expect(page.contains(landmark), "missing \(landmark)")
        }
    }

    @Test func navigationMarksTheCurrentPage() {
        let about = html("about/index.html")
        #expect(about.contains("<a href=\"/about/\" aria-current=\"page\" class=\"active\">About</a>"))
        #expect(about.contains("<a href=\"/\">Home</a>"))
        let post = html("blog/hello-world/index.html")
        #expect(post.contains("<a href=\"/blog/\" class=\"active\">Blog</a>"), "the section stays highlighted")
        #expect(!post.contains("aria-current"))
        #expect(about.contains("class=\"button button-small header-cta\" href=\"/about/#contact\""))
    }

    @Test func componentsAreRendered() {
        let home = html("index.html")
        #expect(home.contains("<h1 class=\"hero-title\">Build something people remember</h1>"))
        #expect(home.contains("<a class=\"button button-large\" href=\"/about/\">Learn more</a>"))
        #expect(home.contains("<h3>Accessible by default</h3>"))
        #expect(!home.contains(":::component"))
        let about = html("about/index.html")
        #expect(about.contains("<aside class=\"callout callout-tip\" role=\"note\">"))
        #expect(about.contains("<p>Replace this text with your own story."), "the Markdown body is rendered")
        #expect(about.contains("action=\"mailto:hello@example.com\""), "no endpoint: a mailto form")
        #expect(about.contains("<h2 id=\"contact\">Contact</h2>"))
    }

    @Test func tokensBecomeCSSCustomProperties() {
        let css = result.output.text(Fixtures.asset("tokens", "css", in: result.output)) ?? ""
        #expect(css.contains(":root {"))
        #expect(css.contains("--primary: #2563eb;"))
        #expect(css.contains("--header-bg: #ffffff;"))
        #expect(css.contains("--font-body: system-ui"))
        let style = Fixtures.asset("style", "css", in: result.output)
        #expect(result.output.text(style)?.contains("var(--primary)") == true)
        let tokens = Fixtures.asset("tokens", "css", in: result.output)
        #expect(html("index.html").contains("<link rel=\"stylesheet\" href=\"/\(tokens)\">"))
    }

    @Test func blogListsPostsAndHasAFeed() throws {
        let blog = html("blog/index.html")
        #expect(blog.contains("<a href=\"/blog/hello-world/\">Hello, world</a>"))
        #expect(blog.contains("<time datetime=\"2025-01-15\">January 15, 2025</time>"))
        let feed = try #require(result.output.text("blog/index.xml"))
        #expect(feed.contains("<rss version=\"2.0\""))
        #expect(feed.contains("<title>Hello, world</title>"))
        #expect(feed.contains("<pubDate>Wed, 15 Jan 2025 00:00:00 +0000</pubDate>"))
        #expect(blog.contains("type=\"application/rss+xml\""))
        #expect(html("index.html").contains("Latest posts"), "the home page shows recent posts")
    }

    @Test func sitemapRobotsAnd404() throws {
        let sitemap = try #require(result.output.text("sitemap.xml"))
        for url in ["/", "/about/", "/blog/", "/blog/hello-world/"] {
            #expect(sitemap.contains("<loc>\(url)</loc>"))
        }
        #expect(result.output.text("robots.txt")?.hasPrefix("User-agent: *") == true)
        #expect(html("404.html").contains("Page not found"))
        let style = Fixtures.asset("style", "css", in: result.output)
        #expect(html("404.html").contains("<link rel=\"stylesheet\" href=\"/\(style)\">"))
    }

    @Test func baseURLMakesAddressesAbsolute() throws {
        let options = CompileOptions(now: Fixtures.options.now, baseURL: "https://demo.example/")
        let result = try Fixtures.compiler.compile(Fixtures.starter(), options: options)
        #expect(result.output.text("sitemap.xml")?.contains("<loc>https://demo.example/about/</loc>") == true)
        #expect(result.output.text("robots.txt")?.contains("Sitemap: https://demo.example/sitemap.xml") == true)
        #expect(
            result.output.text("about/index.html")?.contains(
                "<link rel=\"canonical\" href=\"https://demo.example/about/\">"
            ) == true
        )
        #expect(
            result.output.text("blog/index.xml")?.contains("<link>https://demo.example/blog/hello-world/</link>")
                == true
        )
    }

    @Test func compilingTwiceGivesIdenticalBytes() throws {
        let again = try Fixtures.compiler.compile(Fixtures.starter(), options: Fixtures.options)
        #expect(again.output == result.output)
        #expect(again.output.paths == result.output.paths)
    }

    @Test func staticFilesAreCopiedToTheRoot() throws {
        var site = try Fixtures.starter()
        site["static/img/logo.svg"] = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)
        site["static/robots.txt"] = Data("User-agent: *\nDisallow: /private/\n".utf8)
        site["static/.DS_Store"] = Data([0])
        let result = try Fixtures.compiler.compile(site, options: Fixtures.options)
        #expect(result.output["img/logo.svg"] == site["static/img/logo.svg"])
        #expect(result.output[".DS_Store"] == nil, "hidden files are not published")
        #expect(result.output.text("robots.txt")?.contains("Disallow: /private/") == true, "a static robots.txt wins")
    }
}
