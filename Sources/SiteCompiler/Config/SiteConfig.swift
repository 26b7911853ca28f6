/// The typed `site.yaml` (see docs/formats.md): identity, design-token overrides, navigation and forms.
package struct SiteConfig: Codable, Sendable, Equatable {
    /// A link in the navigation or the header's call to action.
    package struct NavItem: Codable, Sendable, Equatable, Hashable {
        /// Text of the link.
        package var label: String
        /// Site path (`/about/`) or external URL.
        package var url: String

        package init(label: String, url: String) {
            self.label = label
            self.url = url
        }
    }

    /// Where forms (ContactForm) post to.
    package struct Forms: Codable, Sendable, Equatable {
        /// URL forms post to; nil means a `mailto:` form.
        package var endpoint: String?

        package init(endpoint: String? = nil) { self.endpoint = endpoint }
    }

    /// DNS label of the site; informational (the daemon's site name wins).
    package var name: String?
    /// Site title: `<title>` and the header brand.
    package var title: String
    /// Short line shown under the brand.
    package var tagline: String?
    /// Default `<meta name=description>`.
    package var description: String?
    /// Absolute base for canonical URLs, the sitemap and feeds, e.g. `https://acme.test/`; nil means `/`.
    package var baseURL: String?
    /// `<html lang>`.
    package var lang: String
    /// `<meta name=author>`.
    package var author: String?
    /// Theme name; one of the built-in themes.
    package var theme: String
    /// Footer text; themes fall back to `© year title`.
    package var footer: String?
    /// Overrides of the theme's design tokens, keyed by snake_case token name.
    package var tokens: [String: String]
    /// Main navigation, in order.
    package var nav: [NavItem]
    /// Optional header button.
    package var cta: NavItem?
    /// Form settings (ContactForm).
    package var forms: Forms?
    /// `link_check:` — what a broken internal link is: `error` (the default: the build fails), `warn` or `off`.
    package var linkCheck: String?
    /// How heading ids are made (`heading_ids: github|hugo`; GitHub's by default).
    package var headingIDs: HeadingIDScheme = .github
    /// `raw_html: true` lets HTML written in Markdown through; off by default, so agent-written content cannot
    /// inject markup.
    package var rawHTML = false
    /// `paginate:` — entries per page of a section's or tag's list (default 20; 0 shows every entry on one page).
    package var paginate = 20
    /// `feed_limit:` — newest entries in each RSS/Atom feed (default 20; 0 writes no feeds).
    package var feedLimit = 20

    /// Keys `site.yaml` may hold.
    package static let knownKeys: Set<String> = [
        "heading_ids",
        "name", "title", "tagline", "description", "base_url", "lang", "author", "theme", "footer", "tokens", "nav",
        "cta", "forms", "link_check", "raw_html", "paginate", "feed_limit",
    ]

    /// A configuration with the documented defaults.
    package init(
        name: String? = nil,
        title: String = "",
        tagline: String? = nil,
        description: String? = nil,
        baseURL: String? = nil,
        lang: String = "en",
        author: String? = nil,
        theme: String = "starter",
        footer: String? = nil,
        tokens: [String: String] = [:],
        nav: [NavItem] = [],
        cta: NavItem? = nil,
        forms: Forms? = nil
    ) {
        self.name = name
        self.title = title
        self.tagline = tagline
        self.description = description
        self.baseURL = baseURL
        self.lang = lang
        self.author = author
        self.theme = theme
        self.footer = footer
        self.tokens = tokens
        self.nav = nav
        self.cta = cta
        self.forms = forms
    }

    enum CodingKeys: String, CodingKey {
        case name, title, tagline, description, lang, author, theme, footer, tokens, nav, cta, forms
        case baseURL = "base_url"
    }

    /// Decodes with the same defaults as ``parse(_:)`` for absent keys.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name),
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
            tagline: try c.decodeIfPresent(String.self, forKey: .tagline),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL),
            lang: try c.decodeIfPresent(String.self, forKey: .lang) ?? "en",
            author: try c.decodeIfPresent(String.self, forKey: .author),
            theme: try c.decodeIfPresent(String.self, forKey: .theme) ?? "starter",
            footer: try c.decodeIfPresent(String.self, forKey: .footer),
            tokens: try c.decodeIfPresent([String: String].self, forKey: .tokens) ?? [:],
            nav: try c.decodeIfPresent([NavItem].self, forKey: .nav) ?? [],
            cta: try c.decodeIfPresent(NavItem.self, forKey: .cta),
            forms: try c.decodeIfPresent(Forms.self, forKey: .forms)
        )
    }
}

extension SiteConfig {
    /// `link_check:` as a mode; errors when unset.
    package var linkCheckMode: CompileOptions.LinkCheck {
        switch linkCheck {
        case "warn": .warn
        case "off": .off
        default: .error
        }
    }
}
