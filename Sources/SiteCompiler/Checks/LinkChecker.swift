internal import Foundation

/// Checks a built site's internal links: every `href`/`src` that stays on the site must reach an output file or a
/// folder with an `index.html`.
package enum LinkChecker {
    /// Broken internal links as errors, located at the output file that contains them.
    package static func check(_ output: SiteFiles) -> [Diagnostic] {
        check(output, sources: [:])
    }

    /// Broken internal links as errors. `sources` maps an output path (`blog/hello/index.html`) to the source
    /// files that produced it, searched in order for the link text so the finding points at a line (the page, then
    /// `site.yaml` for navigation links); without a match the first source (or the output path) is named.
    package static func check(_ output: SiteFiles, sources: [String: [SourceText]]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        let targets = output.paths.filter { $0.hasSuffix(".html") }.map {
            "/" + $0.replacingOccurrences(of: "index.html", with: "")
        }
        for path in output.paths where path.hasSuffix(".html") {
            guard let html = output.text(path) else { continue }
            for link in HTMLLinks.extract(from: html) {
                guard let target = resolve(link, from: path), !exists(target, in: output) else { continue }
                let diagnostic = locate(link: link, outputPath: path, sources: sources[path] ?? [], targets: targets)
                if seen.insert(diagnostic).inserted { findings.append(diagnostic) }
            }
        }
        return findings
    }

    /// The output path (no leading `/`, may end in `/`) a site-relative link points at; nil for links that leave
    /// the site, fragments and special schemes.
    package static func resolve(_ link: String, from outputPath: String) -> String? {
        guard !link.isEmpty, !link.hasPrefix("#"), URLValue.isSiteRelative(link) else { return nil }
        var path = String(link.prefix { $0 != "#" && $0 != "?" })
        if path.isEmpty { return nil }
        path = path.removingPercentEncoding ?? path
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            let directory = outputPath.split(separator: "/").dropLast().joined(separator: "/")
            absolute = "/" + directory + (directory.isEmpty ? "" : "/") + path
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

    /// A resolved path reaches a file, or a folder's `index.html`.
    package static func exists(_ path: String, in output: SiteFiles) -> Bool {
        if path.isEmpty { return output["index.html"] != nil }
        if path.hasSuffix("/") { return output[path + "index.html"] != nil }
        return output[path] != nil || output[path + "/index.html"] != nil
    }

    private static func locate(link: String, outputPath: String, sources: [SourceText], targets: [String]) -> Diagnostic
    {
        let message = "broken link \"\(link)\": no page or file at that address"
        let hint = Suggestion.hint(for: link, among: targets)
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
