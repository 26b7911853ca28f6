package import Foundation

extension SiteConfig {
    /// `site.yaml` parsed with everything a caller may want to report: the config, the YAML tree (for locating
    /// values such as token overrides) and warnings (unknown keys).
    package struct Parsed: Sendable {
        /// The typed configuration.
        package var config: SiteConfig
        /// The YAML tree, for locating values (nil for an empty file).
        package var node: YAMLNode?
        /// The file text, for excerpts.
        package var source: SourceText
        /// Non-fatal findings such as unknown keys.
        package var warnings: [Diagnostic]
    }

    /// Parses `site.yaml`; throws a ``CompileFailure`` with located diagnostics on bad YAML or wrongly typed values.
    package static func parse(_ data: Data) throws(CompileFailure) -> SiteConfig {
        try parseDetailed(data).config
    }

    /// Parses `site.yaml`, keeping the YAML tree and warnings.
    package static func parseDetailed(_ data: Data, path: String = "site.yaml") throws(CompileFailure) -> Parsed {
        guard let text = String(data: data, encoding: .utf8) else {
            throw CompileFailure(diagnostics: [
                Diagnostic(severity: .error, file: path, message: "site.yaml is not UTF-8 text")
            ])
        }
        let source = SourceText(path: path, text: text)
        guard let node = try YAMLNode.parse(text, source: source) else {
            return Parsed(config: SiteConfig(), node: nil, source: source, warnings: [])
        }
        guard let entries = node.entries else {
            throw CompileFailure(diagnostics: [
                .error(
                    "site.yaml must be a mapping of keys to values, found \(node.typeDescription)",
                    in: source,
                    line: node.line,
                    column: node.column
                )
            ])
        }
        var reader = ConfigReader(source: source)
        var config = SiteConfig()
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "name": config.name = reader.string(value, "name")
            case "title": config.title = reader.string(value, "title") ?? ""
            case "tagline": config.tagline = reader.string(value, "tagline")
            case "description": config.description = reader.string(value, "description")
            case "base_url":
                config.baseURL = reader.string(value, "base_url")
                if let url = config.baseURL, !url.isEmpty, !url.lowercased().hasPrefix("http://"), !url.lowercased().hasPrefix("https://") {
                    reader.diagnostics.append(
                        .error(
                            "\"base_url\" must start with http:// or https://", in: source, line: value.line, column: value.column,
                            hint: "base_url: https://example.com/"))
                }
            case "lang": config.lang = reader.string(value, "lang") ?? "en"
            case "author": config.author = reader.string(value, "author")
            case "theme": config.theme = reader.string(value, "theme") ?? "starter"
            case "footer": config.footer = reader.string(value, "footer")
            case "tokens": config.tokens = reader.tokens(value)
            case "nav": config.nav = reader.nav(value)
            case "cta": config.cta = reader.link(value, "cta")
            case "forms": config.forms = reader.forms(value)
            case "link_check":
                if let mode = reader.string(value, "link_check") {
                    if ["error", "warn", "off"].contains(mode) {
                        config.linkCheck = mode
                    } else {
                        reader.diagnostics.append(
                            .error(
                                "\"link_check\" must be error, warn or off, found \"\(mode)\"", in: source, line: value.line,
                                column: value.column, hint: Suggestion.hint(for: mode, among: ["error", "warn", "off"])))
                    }
                }
            case "heading_ids":
                if let scheme = reader.string(value, "heading_ids") {
                    if let known = HeadingIDScheme(rawValue: scheme) {
                        config.headingIDs = known
                    } else {
                        reader.diagnostics.append(
                            .error(
                                "\"heading_ids\" must be github or hugo, found \"\(scheme)\"", in: source, line: value.line,
                                column: value.column, hint: Suggestion.hint(for: scheme, among: ["github", "hugo"])))
                    }
                }
            case "raw_html":
                if let flag = value.bool {
                    config.rawHTML = flag
                } else {
                    reader.diagnostics.append(
                        .error("\"raw_html\" must be true or false", in: source, line: value.line, column: value.column))
                }
            case "paginate":
                if let size = value.int, size >= 0 {
                    config.paginate = size
                } else {
                    reader.diagnostics.append(
                        .error(
                            "\"paginate\" must be a whole number of entries per list page (0: no pages)", in: source,
                            line: value.line, column: value.column))
                }
            case "feed_limit":
                if let limit = value.int, (0...10_000).contains(limit) {
                    config.feedLimit = limit
                } else {
                    reader.diagnostics.append(
                        .error(
                            "\"feed_limit\" must be a whole number of entries per feed, 0 to 10000 (0: no feeds)", in: source,
                            line: value.line, column: value.column))
                }
            default:
                reader.diagnostics.append(
                    .warning(
                        "unknown key \"\(entry.key)\" in site.yaml",
                        in: source,
                        line: entry.line,
                        column: entry.column,
                        hint: Suggestion.hint(for: entry.key, among: knownKeys)
                    )
                )
            }
        }
        if reader.diagnostics.hasErrors { throw CompileFailure(diagnostics: reader.diagnostics) }
        return Parsed(config: config, node: node, source: source, warnings: reader.diagnostics)
    }
}

/// Reads typed values out of the site.yaml tree, collecting located errors instead of stopping at the first.
private struct ConfigReader {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        if node.isNull { return nil }
        guard let text = node.string else {
            fail(node, "\"\(key)\" must be text, found \(node.typeDescription)")
            return nil
        }
        return text
    }

    mutating func tokens(_ node: YAMLNode) -> [String: String] {
        if node.isNull { return [:] }
        guard let entries = node.entries else {
            fail(node, "\"tokens\" must be a mapping of token names to values, found \(node.typeDescription)")
            return [:]
        }
        var tokens: [String: String] = [:]
        for entry in entries {
            if let value = string(entry.value, "tokens.\(entry.key)") { tokens[entry.key] = value }
        }
        return tokens
    }

    mutating func nav(_ node: YAMLNode) -> [SiteConfig.NavItem] {
        if node.isNull { return [] }
        guard let items = node.items else {
            fail(node, "\"nav\" must be a list of { label, url } items, found \(node.typeDescription)")
            return []
        }
        return items.compactMap { link($0, "nav item") }
    }

    mutating func link(_ node: YAMLNode, _ what: String) -> SiteConfig.NavItem? {
        if node.isNull { return nil }
        guard node.entries != nil else {
            fail(node, "\(what) must be a mapping { label, url }, found \(node.typeDescription)")
            return nil
        }
        guard let labelNode = node["label"], let label = string(labelNode, "label") else {
            fail(node, "\(what) needs a \"label\"")
            return nil
        }
        guard let urlNode = node["url"], let url = string(urlNode, "url") else {
            fail(node, "\(what) needs a \"url\"")
            return nil
        }
        for entry in node.entries ?? [] where entry.key != "label" && entry.key != "url" {
            diagnostics.append(
                .warning(
                    "unknown key \"\(entry.key)\" in \(what)",
                    in: source,
                    line: entry.line,
                    column: entry.column,
                    hint: Suggestion.hint(for: entry.key, among: ["label", "url"])
                )
            )
        }
        if let problem = URLValue.problem(with: url) {
            diagnostics.append(
                .error(
                    "the url of \(what) \(problem)", in: source, line: urlNode.line, column: urlNode.column,
                    hint: "Use a site path (/about/), or an http, https, mailto or tel URL."))
            return nil
        }
        return SiteConfig.NavItem(label: label, url: url)
    }

    mutating func forms(_ node: YAMLNode) -> SiteConfig.Forms? {
        if node.isNull { return nil }
        guard node.entries != nil else {
            fail(node, "\"forms\" must be a mapping { endpoint }, found \(node.typeDescription)")
            return nil
        }
        return SiteConfig.Forms(endpoint: node["endpoint"].flatMap { string($0, "forms.endpoint") })
    }

    private mutating func fail(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.error(message, in: source, line: node.line, column: node.column))
    }
}
