internal import Foundation

/// Checks a built site's internal links: every `href`/`src` that stays on the site must reach an output file or a
/// folder with an `index.html`, and a `#fragment` on a link to a page must name an element id on that page.
package enum LinkChecker {
    /// What links may reach: every output file, and the ids each HTML file offers.
    package struct Targets: Sendable {
        /// Every output path (`blog/hello/index.html`, `assets/style.css`).
        package var paths: Set<String>
        /// Element ids by HTML output path.
        /// (Sorted arrays: a build keeps them from its records as they are, and pages have few ids.)
        package var anchors: [String: [String]]
        /// Ids of pages kept from an earlier build as their records hold them (``PageRecord/joinedAnchors``), split
        /// only when a link points into one of them.
        package var recordedAnchors: [String: String]

        package init(paths: Set<String>, anchors: [String: [String]], recordedAnchors: [String: String] = [:]) {
            self.paths = paths
            self.anchors = anchors
            self.recordedAnchors = recordedAnchors
        }

        /// The ids of the HTML file `page`, nil when it is not an HTML target.
        func ids(of page: String) -> [String]? {
            anchors[page] ?? recordedAnchors[page].map(PageRecord.split)
        }

        /// Page addresses (`/blog/hello/`), for "did you mean" hints; computed when a link is broken.
        var addresses: [String] {
            paths.filter { $0.hasSuffix(".html") }.map { "/" + $0.replacingOccurrences(of: "index.html", with: "") }
        }
    }

    /// Broken internal links as errors, located at the output file that contains them.
    package static func check(_ output: SiteFiles) -> [Diagnostic] {
        check(output, sources: [:])
    }

    /// Broken internal links as errors. `sources` maps an output path (`blog/hello/index.html`) to the source
    /// files that produced it, searched in order for the link text so the finding points at a line (the page, then
    /// `site.yaml` for navigation links); without a match the first source (or the output path) is named.
    package static func check(_ output: SiteFiles, sources: [String: [SourceText]]) -> [Diagnostic] {
        var scans: [String: HTMLLinks.Scan] = [:]
        for path in output.paths where path.hasSuffix(".html") {
            scans[path] = output.text(path).map(HTMLLinks.scan) ?? HTMLLinks.Scan()
        }
        let targets = Targets(paths: Set(output.paths), anchors: scans.mapValues { Array(Set($0.ids)).sorted() })
        var findings: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for path in output.paths.sorted() {
            guard let scan = scans[path] else { continue }
            for diagnostic in check(page: path, links: scan.links, targets: targets, sources: sources[path] ?? [])
            where seen.insert(diagnostic).inserted {
                findings.append(diagnostic)
            }
        }
        return findings
    }

    /// The broken links among `links` of the HTML file `page`, each reported once.
    /// Broken links a page reports in full (position and hint); past it, one line counts the rest. Finding each
    /// link's position and a "did you mean" costs a pass over the page and its ids, so thousands of broken links
    /// in one page made the check quadratic.
    static let reportedPerPage = 20

    package static func check(page: String, links: [String], targets: Targets, sources: [SourceText]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var checked: Set<String> = []
        var idSets: [String: Set<String>] = [:]
        var more: [String] = []
        for link in links where checked.insert(link).inserted {
            if let problem = problem(with: link, from: page, targets: targets, idSets: &idSets) {
                if findings.count < reportedPerPage {
                    findings.append(locate(link: link, problem: problem, outputPath: page, sources: sources, targets: targets))
                } else {
                    more.append(link)
                }
            }
        }
        if !more.isEmpty {
            findings.append(
                Diagnostic(
                    severity: .error, file: sources.first?.path ?? page,
                    message: "\(more.count) more broken links in \(page), such as \"\(more[0])\"",
                    hint: "fix the ones above first; links to #ids need a heading or element with that id"))
        }
        return findings
    }

    private enum Problem {
        case missing
        case anchor(fragment: String, page: String, ids: [String])
    }

    private static func problem(
        with link: String, from page: String, targets: Targets, idSets: inout [String: Set<String>]
    ) -> Problem? {
        func has(_ fragment: String, on page: String, _ ids: [String]) -> Bool {
            if let set = idSets[page] { return set.contains(fragment) }
            let set = Set(ids)
            idSets[page] = set
            return set.contains(fragment)
        }
        if link.hasPrefix("#") {
            let fragment = decoded(String(link.dropFirst()))
            guard !fragment.isEmpty, fragment != "top", let ids = targets.ids(of: page), !has(fragment, on: page, ids)
            else { return nil }
            return .anchor(fragment: fragment, page: page, ids: ids)
        }
        guard let target = resolve(link, from: page) else { return nil }
        guard let file = file(for: target, in: targets.paths) else { return .missing }
        guard let hash = link.firstIndex(of: "#") else { return nil }
        let fragment = decoded(String(link[link.index(after: hash)...]))
        guard !fragment.isEmpty, fragment != "top", let ids = targets.ids(of: file), !has(fragment, on: file, ids) else {
            return nil
        }
        return .anchor(fragment: fragment, page: file, ids: ids)
    }

    private static func decoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    /// The output path (no leading `/`, may end in `/`) a site-relative link points at; nil for links that leave
    /// the site, fragments and special schemes.
    package static func resolve(_ link: String, from outputPath: String) -> String? {
        guard !link.isEmpty, !link.hasPrefix("#"), URLValue.isSiteRelative(link) else { return nil }
        var path = String(link.prefix { $0 != "#" && $0 != "?" })
        if path.isEmpty { return nil }
        path = decoded(path)
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            let directory = outputPath.split(separator: "/").dropLast().joined(separator: "/")
            absolute = "/" + directory + (directory.isEmpty ? "" : "/") + path
        }
        // The common case, an absolute path without `.` segments or doubled slashes, needs no rebuilding.
        if !Self.needsNormalizing(absolute) {
            return String(absolute.dropFirst())
        }
        var segments: [Substring] = []
        for segment in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        let joined = segments.joined(separator: "/")
        return absolute.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    /// Whether a path holds `/.` or `//` (a byte scan: this runs for every link of every page).
    private static func needsNormalizing(_ path: String) -> Bool {
        var previousSlash = false
        for byte in path.utf8 {
            if previousSlash, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { return true }
            previousSlash = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// A resolved path reaches a file, or a folder's `index.html`.
    package static func exists(_ path: String, in output: SiteFiles) -> Bool {
        file(for: path, in: Set(output.paths)) != nil
    }

    /// The output file a resolved path reaches, if any.
    static func file(for path: String, in paths: Set<String>) -> String? {
        if path.isEmpty { return paths.contains("index.html") ? "index.html" : nil }
        if path.hasSuffix("/") { return paths.contains(path + "index.html") ? path + "index.html" : nil }
        if paths.contains(path) { return path }
        return paths.contains(path + "/index.html") ? path + "/index.html" : nil
    }

    private static func locate(
        link: String, problem: Problem, outputPath: String, sources: [SourceText], targets: Targets
    ) -> Diagnostic {
        let message: String
        let hint: String?
        switch problem {
        case .missing:
            message = "broken link \"\(link)\": no page or file at that address"
            let path = link.prefix { $0 != "#" && $0 != "?" }
            if path.lowercased().hasSuffix(".md") {
                hint = "a link to a .md file becomes the page's address only when that file is a page of the site"
                    + " (relative to the linking file, or to content/ when it starts with /)"
            } else {
                hint = Suggestion.hint(for: link, among: targets.addresses)
            }
        case .anchor(let fragment, let page, let ids):
            let address = "/" + page.replacingOccurrences(of: "index.html", with: "")
            message = "broken link \"\(link)\": \(address) has no element with id \"\(fragment)\""
            // The same heading under the other id scheme (GitHub's keeps `_` and `--`; the other joins words with one `-`).
            let loose = Slug.make(from: fragment)
            if !loose.isEmpty, let other = ids.first(where: { Slug.make(from: $0) == loose }) {
                hint = "the heading's id here is \"\(other)\"; \"\(fragment)\" is how the other heading-id scheme spells it: "
                    + "set heading_ids: github or hugo in site.yaml to match the links (docs/formats.md)"
            } else {
                hint = Suggestion.hint(for: fragment, among: ids)
                    ?? (ids.isEmpty ? nil : "ids on that page: " + ids.sorted().prefix(8).joined(separator: ", "))
            }
        }
        for source in sources {
            if let location = source.firstLocation(of: link) {
                return .error(message, in: source, line: location.line, column: location.column, hint: hint)
            }
        }
        return Diagnostic(
            severity: .error,
            file: sources.first?.path ?? outputPath,
            message: message + (sources.isEmpty ? "" : " (in \(outputPath), from the theme)"),
            hint: hint
        )
    }
}
