package import Foundation

/// Checks run on a compiled version before it is promoted: placeholder content, colour contrast of the design
/// tokens, and page weight. They produce warnings (stored with the version and shown by `versions show`); the
/// compiler's own errors and the link checker decide whether a version fails.
package enum PublishChecks {
    /// Budget for one page: its HTML plus the CSS, JS and images it references.
    package static let pageWeightBudget = 1_000_000
    /// Pairs of tokens whose contrast must be at least 4.5:1 (WCAG AA for body text).
    package static let contrastPairs: [(text: String, background: String)] = [
        ("text", "background"), ("header_text", "header_bg"), ("primary_text", "primary"),
    ]

    /// Every finding with the name of the check that made it (`placeholder`, `contrast`, `weight`).
    package static func run(source: SiteFiles, output: SiteFiles) -> [(check: String, diagnostic: Diagnostic)] {
        placeholders(source).map { ("placeholder", $0) } + contrast(output).map { ("contrast", $0) }
            + weight(output).map { ("weight", $0) }
    }

    /// Components flagged `placeholder: true` and leftover filler text.
    static func placeholders(_ source: SiteFiles) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for path in source.paths where path.hasPrefix("content/") && path.hasSuffix(".md") {
            guard let text = source.text(path) else { continue }
            let lines = text.components(separatedBy: "\n")
            var component: String?
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(":::component ") {
                    component = String(trimmed.dropFirst(":::component ".count))
                } else if trimmed == ":::" {
                    component = nil
                } else if let name = component, trimmed == "placeholder: true" {
                    findings.append(Diagnostic(
                        severity: .warning, file: path, line: index + 1, column: 1,
                        message: "\(name) holds placeholder content (placeholder: true); replace it before going live",
                        excerpt: line, hint: "edit \(path), then remove the placeholder line"))
                }
                if trimmed.lowercased().contains("lorem ipsum") {
                    findings.append(Diagnostic(
                        severity: .warning, file: path, line: index + 1, column: 1, message: "filler text (lorem ipsum)", excerpt: line))
                }
            }
        }
        return findings
    }

    /// Contrast of the token pairs as compiled into the tokens stylesheet.
    static func contrast(_ output: SiteFiles) -> [Diagnostic] {
        guard let path = output.paths.first(where: { $0.hasPrefix("assets/tokens") && $0.hasSuffix(".css") }),
            let css = output.text(path)
        else { return [] }
        let tokens = customProperties(css)
        var findings: [Diagnostic] = []
        for pair in contrastPairs {
            guard let foreground = tokens[pair.text.replacingOccurrences(of: "_", with: "-")],
                let background = tokens[pair.background.replacingOccurrences(of: "_", with: "-")],
                let ratio = ContrastRatio.of(foreground, background), ratio < 4.5
            else { continue }
            findings.append(Diagnostic(
                severity: .warning, file: "site.yaml",
                message: String(format: "%@ (%@) on %@ (%@) has contrast %.1f:1, below 4.5:1", pair.text, foreground,
                    pair.background, background, ratio),
                hint: "choose a darker or lighter \(pair.text) in site.yaml tokens"))
        }
        return findings
    }

    /// `--name: value;` declarations of a stylesheet, by name without the dashes.
    static func customProperties(_ css: String) -> [String: String] {
        var result: [String: String] = [:]
        for declaration in css.split(separator: ";") {
            guard let range = declaration.range(of: "--") else { continue }
            let pair = declaration[range.upperBound...].split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            result[pair[0].trimmingCharacters(in: .whitespacesAndNewlines)] = pair[1].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// HTML pages heavier than the budget, counting the assets they reference from the site itself.
    static func weight(_ output: SiteFiles) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for path in output.paths where path.hasSuffix(".html") {
            guard let html = output.files[path], let text = String(data: html, encoding: .utf8) else { continue }
            var total = html.count
            var seen = Set<String>()
            for reference in HTMLReferences.localPaths(in: text) where seen.insert(reference).inserted {
                total += output.files[reference]?.count ?? 0
            }
            if total > pageWeightBudget {
                findings.append(Diagnostic(
                    severity: .warning, file: path,
                    message: "page weighs \(total / 1024) KiB with its assets; the budget is \(pageWeightBudget / 1024) KiB",
                    hint: "resize large images in static/"))
            }
        }
        return findings
    }
}
