import SiteCompiler
import Yams

/// A read-only view of a site's source: settings, menu and pages, parsed once per request.
struct SiteSnapshot {
    var files: SiteFiles
    /// `site.yaml` as text.
    var siteYAML: String
    var title: String?
    var tagline: String?
    var theme: String?
    var tokens: [String: String]
    /// The theme's default token values (filled by the interpreter when the theme is installed), so a reply
    /// quotes the colour the site really shows.
    var themeTokens: [String: String] = [:]
    /// The components each installed theme declares (lower-cased), when the interpreter knows the themes.
    var themeComponents: [String: Set<String>] = [:]

    /// The components the site's pages use that `theme` does not declare (nil when the theme is unknown).
    func componentsMissing(in theme: String) -> [String]? {
        guard let declared = themeComponents[theme] else { return nil }
        var used: [String] = []
        for page in pages {
            guard let text = files.text(page.path) else { continue }
            for block in ComponentBlockEditor(text).blocks where !declared.contains(block.name.lowercased()) && !used.contains(block.name) {
                used.append(block.name)
            }
        }
        return used
    }
    var nav: [NavLine]
    /// Every page, sorted by path.
    var pages: [PageRecord]

    init(files: SiteFiles) throws {
        self.files = files
        guard let yaml = files.text("site.yaml") else {
            throw AgentError(code: "missing_site_yaml", message: "The site has no site.yaml.", hint: "Restore site.yaml from an earlier version.")
        }
        siteYAML = yaml
        let root: Node?
        do {
            root = try YAMLBudget.compose(yaml)
            nav = try SiteYAMLEditor(yaml).navLines()
        } catch {
            let limit = (error as? YAMLLimitExceeded).map { " site.yaml:\($0.line):\($0.column): \($0.message)." } ?? ""
            throw AgentError(
                code: "invalid_site_yaml", message: "site.yaml is not valid YAML." + limit, hint: "Fix site.yaml and try again.",
                cause: "\(error)")
        }
        title = root?["title"]?.string
        tagline = root?["tagline"]?.string
        theme = root?["theme"]?.string
        var tokens: [String: String] = [:]
        for (key, value) in root?["tokens"]?.mapping ?? [:] {
            if let key = key.string, let value = value.string { tokens[key] = value }
        }
        self.tokens = tokens
        pages = Self.pages(in: files)
    }

    private static func pages(in files: SiteFiles) -> [PageRecord] {
        let sections = Set(files.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix("/_index.md") }.map {
            String($0.dropLast("_index.md".count))
        })
        return files.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.map { path in
            let editor = FrontMatterEditor(files.text(path) ?? "")
            let relative = String(path.dropFirst("content/".count).dropLast(".md".count))
            var segments = relative.split(separator: "/").map(String.init)
            let last = segments.removeLast()
            let isSection = last == "_index"
            let isBundle = last == "index"
            // The compiler's own placement, so addresses match what gets built (lower case, encoded punctuation).
            let placement = PagePath.placement(of: path)
            var url = placement?.url ?? "/"
            if let slug = editor.string("slug"), !slug.isEmpty, placement?.kind != .home {
                url = PagePath.applying(slug: slug, to: url)
            }
            let folder = "content/" + segments.map { $0 + "/" }.joined()
            let fileName = (isSection || isBundle) ? (segments.last ?? "home") : last
            var sectionURL: String?
            if !isSection, sections.contains(folder) {
                sectionURL = placement?.folderURL
            }
            return PageRecord(
                path: path, url: url,
                title: editor.string("title") ?? URLSlug.title(fromSlug: fileName),
                isDraft: editor.isDraft, date: editor.string("date"),
                isSection: isSection, sectionURL: sectionURL, fileName: fileName)
        }
    }

    func page(url: String) -> PageRecord? {
        let wanted = URLPath.normalized(url)
        return pages.first { $0.url == wanted }
    }

    /// The index of the menu item pointing at `url`, if any.
    func navIndex(url: String) -> Int? {
        let wanted = URLPath.normalized(url)
        return nav.firstIndex { URLPath.normalized($0.url) == wanted }
    }
}
